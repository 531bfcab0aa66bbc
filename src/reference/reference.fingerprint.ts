import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT_DIR } from '../platform/paths.ts';

/**
 * What the reference seed is made of, as one digest: the data files, the code that maps them to rows and
 * writes them (a change there changes the rows too, even with the same data), and the version of
 * i18n-iso-countries (the States' names in five languages come from it). A start whose fingerprint matches
 * the one stored with the tables skips the load; any difference loads the seed again, which is idempotent.
 */
const SEED_CODE = ['src/reference/reference.seed.ts', 'src/reference/reference.repository.ts', 'src/platform/db/upsert.ts'];

export function seedFingerprint(root = ROOT_DIR): string {
  const hash = crypto.createHash('sha256');
  const dataDir = path.join(root, 'src/reference/data');
  const files = [...fs.readdirSync(dataDir).sort().map((f) => path.join('src/reference/data', f)), ...SEED_CODE];
  for (const rel of files) {
    // Name and length before the bytes: two files' contents cannot be shifted from one into the other.
    const bytes = fs.readFileSync(path.join(root, rel));
    hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
  }
  const countries = createRequire(import.meta.url)('i18n-iso-countries/package.json') as { version: string };
  hash.update(`i18n-iso-countries@${countries.version}`);
  return hash.digest('hex');
}
