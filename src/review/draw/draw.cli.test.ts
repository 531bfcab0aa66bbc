import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { palermo } from '../../../test/support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { canonicalJson } from './canonical.ts';
import type { GroupDrawResult, ReviewerDrawResult } from './draw.types.ts';
import { violations } from './draw.check.ts';
import { reviewerInputs, DEFAULT_CAP, DEFAULT_MAX_REVIEWERS, DEFAULT_POOLING } from './inputs.ts';
import { drawEligibility } from '../../reference/reference.service.ts';

/** Each run starts the real command (runtime and database): seconds apiece on the shared machine. */
const CLI_TIMEOUT = 300_000;

let t: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  t = await createTestDatabase();
  env = { DATABASE_URL: t.url };
});
afterAll(() => t.drop());

describe('palermo review draw | draw-groups | verify-draw', () => {
  it('draw --json prints one canonical document, byte-identical for the same seed, keeping every rule', async () => {
    const args = ['review', 'draw', '--instrument', 'UNTOC', '--seed', 'numbers drawn at the meeting: 4 17 23', '--json'];
    const a = palermo(args, env);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    const b = palermo(args, env);
    expect(b.stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout) as ReviewerDrawResult;
    expect(`${canonicalJson(doc)}\n`).toBe(a.stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['seed', 'algorithm', 'cap', 'mutual', 'pairs', 'excluded']));
    expect(doc).toMatchObject({ cap: DEFAULT_CAP, mutual: false });
    expect(doc.pairs.length).toBeGreaterThan(180);
    const inputs = reviewerInputs(await drawEligibility(t.db), {
      instrument: 'UNTOC', instruments: ['UNTOC', 'TIP', 'SOM', 'FIR'], cap: DEFAULT_CAP, mutual: false, maxReviewers: DEFAULT_MAX_REVIEWERS,
      pooling: { ...DEFAULT_POOLING }, asOf: 'x',
    });
    expect(violations(inputs, doc)).toEqual([]);

    const other = palermo(['review', 'draw', '--instrument', 'UNTOC', '--seed', 'another', '--cap', '4', '--allow-mutual', '--json'], env);
    expect(JSON.parse(other.stdout)).toMatchObject({ cap: 4, mutual: true });
    expect(other.stdout).not.toBe(a.stdout);
    const table = palermo(['review', 'draw', '--instrument', 'UNTOC', '--seed', 'numbers drawn at the meeting: 4 17 23'], env);
    expect(table.stdout).toMatch(/^reviewed {2}own-group {2}other-group {2}additional$/m);
    expect(table.stdout).toContain(`${doc.pairs[0]!.reviewed}`);
  }, CLI_TIMEOUT);

  it('draw-groups --json: byte-identical, three groups within one of each other', () => {
    const args = ['review', 'draw-groups', '--seed', 'groups 2026', '--groups', '3', '--json'];
    const a = palermo(args, env);
    expect(a.status).toBe(0);
    expect(palermo(args, env).stdout).toBe(a.stdout);
    const sizes = (JSON.parse(a.stdout) as GroupDrawResult).groups.map((g) => g.states.length);
    expect(sizes).toHaveLength(3);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  }, CLI_TIMEOUT);

  it('verify-draw on a package file: OK / exit 0, a tampered one: DIFFERENT / exit 1; bad input is a usage error', async () => {
    const seed = 'verify me';
    const result = JSON.parse(palermo(['review', 'draw', '--instrument', 'UNTOC', '--seed', seed, '--as-of', '2026-12-01', '--json'], env).stdout) as ReviewerDrawResult;
    const inputs = reviewerInputs(await drawEligibility(t.db), {
      instrument: 'UNTOC', instruments: ['UNTOC', 'TIP', 'SOM', 'FIR'], cap: DEFAULT_CAP, mutual: false, maxReviewers: DEFAULT_MAX_REVIEWERS,
      pooling: { ...DEFAULT_POOLING }, asOf: '2026-12-01',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'palermo-cli-draw-'));
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ kind: 'reviewers', algorithm: inputs.algorithm, seed, inputs, redraws: [], result }));
    expect(palermo(['review', 'verify-draw', good], env)).toMatchObject({ status: 0, stdout: 'OK\n' });
    const pair = result.pairs[7]!;
    pair.reviewers[1]!.state = pair.reviewers[0]!.state;
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ kind: 'reviewers', seed, inputs, redraws: [], result }));
    const r = palermo(['review', 'verify-draw', bad], env);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^DIFFERENT\n {2}\$\.pairs\[7\]\.reviewers\[1\]\.state: published/);

    expect(palermo(['review', 'draw', '--instrument', 'UNTOC', '--seed', '   ', '--json'], env)).toMatchObject({ status: 2, stderr: expect.stringMatching(/seed is empty/) });
    expect(palermo(['review', 'draw', '--seed', 'x'], env)).toMatchObject({ status: 2 });
    expect(palermo(['review', 'draw', '--instrument', 'UNTOC', '--seed', 'x', '--cap', '0'], env).status).toBe(2);
    expect(palermo(['review', 'verify-draw', 'no-such-file.json'], env).status).toBe(2);
  }, CLI_TIMEOUT);
});
