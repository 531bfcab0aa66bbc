import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../platform/config.ts';
import { canonicalJson, sha256Hex } from './canonical.ts';
import { referenceEligibility, referenceInputs, TEST_POOLING } from './draw.test-support.ts';
import type { RedrawRequest } from './draw.types.ts';
import { drawGroups } from './groups.ts';
import { groupInputs } from './inputs.ts';
import { drawReviewers } from './reviewers.ts';
import { verifyPackage, type VerifiablePackage } from './verify.ts';

const SCRIPT = path.join(ROOT_DIR, 'tools/verify-draw.mjs');
const standalone = (await import(pathToFileURL(SCRIPT).href)) as { verify: (pkg: unknown) => string[] };
const dir = mkdtempSync(path.join(tmpdir(), 'palermo-verify-'));

function reviewersPackage(seed: string, redraws: RedrawRequest[] = []): VerifiablePackage {
  const inputs = referenceInputs();
  const result = drawReviewers(inputs, seed, redraws);
  return {
    kind: 'reviewers', algorithm: inputs.algorithm, seed, inputs, inputsSha256: sha256Hex(canonicalJson(inputs)), redraws, result,
    resultSha256: sha256Hex(canonicalJson(result)),
  };
}
function groupsPackage(seed: string): VerifiablePackage {
  const inputs = groupInputs(referenceEligibility(), { instrument: 'UNTOC', groups: 3, pooling: TEST_POOLING, asOf: '2026-12-01' });
  const result = drawGroups(inputs, seed);
  return { kind: 'groups', algorithm: inputs.algorithm, seed, inputs, redraws: [], result };
}
/** The real script, as anyone would run it: exit code and output. */
function runScript(pkg: unknown) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(pkg));
  const r = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('the standalone verifier and verifyPackage', () => {
  it('agree with the TypeScript draw on many seeds, with redraws, for both kinds of draw', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0), fc.nat(), (seed, k) => {
      const first = drawReviewers(referenceInputs(), seed).pairs;
      const pair = first[k % first.length]!;
      const x = pair.reviewers[k % pair.reviewers.length]!;
      const pkg = reviewersPackage(seed, [{ reviewed: pair.reviewed, slot: x.slot, replaced: x.state, requestedBy: pair.reviewed }]);
      expect(standalone.verify(pkg)).toEqual([]);
      expect(verifyPackage(pkg)).toEqual([]);
      const g = groupsPackage(seed);
      expect(standalone.verify(g)).toEqual([]);
      expect(verifyPackage(g)).toEqual([]);
    }), { numRuns: 60 });
  });

  it('run as a script: OK and exit 0 on a published draw; the differences and exit 1 on a tampered one', () => {
    const pkg = reviewersPackage('meeting of 2 December: 12 27 33 41 08');
    expect(runScript(pkg)).toEqual({ status: 0, out: 'OK\n' });
    expect(runScript(groupsPackage('groups seed'))).toEqual({ status: 0, out: 'OK\n' });

    // One reviewer swapped for another State.
    const swapped = clone(pkg) as VerifiablePackage & { result: { pairs: Array<{ reviewers: Array<{ state: string }> }> } };
    swapped.result.pairs[3]!.reviewers[0]!.state = swapped.result.pairs[4]!.reviewers[0]!.state;
    delete swapped.resultSha256;
    // The seed changed; an input changed (a State's party status).
    const reseeded = { ...clone(pkg), seed: 'another seed' };
    const changed = clone(pkg) as VerifiablePackage & { inputs: { states: Array<{ parties: string[] }> } };
    changed.inputs.states[10]!.parties = [];
    delete changed.inputsSha256;
    for (const bad of [swapped, reseeded, changed]) {
      const r = runScript(bad);
      expect(r.status).toBe(1);
      expect(r.out).toMatch(/^DIFFERENT\n {2}\$\.\S+: published/);
      expect(verifyPackage(bad).length).toBeGreaterThan(0);
    }
    // A tampered result with its hash recomputed is still caught; a stale hash alone is reported as such.
    expect(verifyPackage({ ...swapped, resultSha256: sha256Hex(canonicalJson(swapped.result)) }).length).toBeGreaterThan(0);
    expect(verifyPackage({ ...pkg, resultSha256: '0'.repeat(64) })).toEqual(['resultSha256 does not match the result']);
    expect(runScript({ ...pkg, inputsSha256: '0'.repeat(64) }).out).toMatch(/inputsSha256 does not match/);
    const r = runScript({ ...pkg, seed: '   ' });
    expect(r).toMatchObject({ status: 1 });
    expect(r.out).toMatch(/cannot recompute: the seed is empty/);
  });
});
