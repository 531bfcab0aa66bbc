import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../platform/paths.ts';
import { seedFingerprint } from './reference.fingerprint.ts';

/** A copy of what the fingerprint reads, to change one file at a time. */
function copyOfSeed(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-seed-'));
  fs.cpSync(path.join(ROOT_DIR, 'src/reference/data'), path.join(root, 'src/reference/data'), { recursive: true });
  for (const f of ['src/reference/reference.seed.ts', 'src/reference/reference.repository.ts', 'src/platform/db/upsert.ts']) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT_DIR, f), path.join(root, f));
  }
  return root;
}

describe('the reference seed\'s fingerprint', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('is the same for the same files, and changes with any data file or the code that writes the seed', () => {
    const root = copyOfSeed();
    roots.push(root);
    const original = seedFingerprint(root);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(seedFingerprint(ROOT_DIR)).toBe(original);

    const states = path.join(root, 'src/reference/data/states.csv');
    const text = fs.readFileSync(states, 'utf8');
    fs.writeFileSync(states, text.replace('France', 'Francf'));
    expect(seedFingerprint(root)).not.toBe(original);
    fs.writeFileSync(states, text);
    expect(seedFingerprint(root)).toBe(original);

    fs.appendFileSync(path.join(root, 'src/reference/reference.repository.ts'), '\n// a changed query\n');
    expect(seedFingerprint(root)).not.toBe(original);
  });

  it('changes when a data file is added', () => {
    const root = copyOfSeed();
    roots.push(root);
    const original = seedFingerprint(root);
    fs.writeFileSync(path.join(root, 'src/reference/data/extra.csv'), 'a\n1\n');
    expect(seedFingerprint(root)).not.toBe(original);
  });
});
