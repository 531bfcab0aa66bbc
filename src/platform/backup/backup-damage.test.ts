import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createUser } from '../auth/accounts.service.ts';
import { stateExists } from '../../reference/reference.service.ts';
import { backup, restore, verifyBackup } from './backup.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { palermo } from '../../../test/support/cli.ts';

/** A damaged backup is named and refused before anything is written, by the library and on the command line. */
let source: TestDatabase;
let target: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-damage-'));
const good = path.join(dir, 'good.gz');
let lines: string[];

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase({ empty: true });
  const sys = { kind: 'anonymous' as const };
  for (const [username, displayName, state] of [['ana', 'Ana — Fiscalía', 'MEX'], ['li-ming', '李明', 'CHN'], ['omar', 'عمر', 'EGY']]) {
    await createUser(source.db, { username: username!, displayName: displayName!, password: 'a long enough password', roles: ['officer'], state: state! }, sys, (i) =>
      stateExists(source.db, i),
    );
  }
  await backup(source.db, good);
  lines = zlib.gunzipSync(fs.readFileSync(good)).toString('utf8').split('\n');
});
afterAll(async () => {
  await target.drop();
  await source.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the good backup with its (uncompressed) lines changed by `edit`. */
function damaged(name: string, edit: (ls: string[]) => string[]): string {
  const f = path.join(dir, `${name}.gz`);
  fs.writeFileSync(f, zlib.gzipSync(edit([...lines]).join('\n')));
  return f;
}
const sectionOf = (ls: string[], table: string) => {
  const start = ls.findIndex((l) => l.startsWith(`{"table":"${table}"`));
  let end = start + 1;
  while (ls[end]?.startsWith('{"r":')) end++;
  return { start, end };
};
const tablesIn = async (db: TestDatabase) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()`.execute(db.db)).rows[0]!.n;

const cases: Array<[string, () => string, RegExp]> = [
  ['a dropped row', () => damaged('dropped-row', (ls) => { const s = sectionOf(ls, 'users'); ls.splice(s.start + 2, 1); return ls; }), /table users: 2 rows, the backup recorded 3/],
  ['a removed table section', () => damaged('no-section', (ls) => { const s = sectionOf(ls, 'users'); ls.splice(s.start, s.end - s.start); return ls; }), /table users: its section is missing \(the backup recorded 3 rows\)/],
  ['an edited value', () => damaged('edited', (ls) => ls.map((l) => l.replace('李明', '李四'))), /table users: its content does not match its SHA-256 digest/],
  ['a file cut short', () => { const f = path.join(dir, 'cut.gz'); const b = fs.readFileSync(good); fs.writeFileSync(f, b.subarray(0, Math.floor(b.length / 2))); return f; }, /truncated/],
  ['lines cut short (no end record)', () => damaged('no-end', (ls) => ls.slice(0, Math.floor(ls.length / 2))), /truncated: no end record \(it stops in table \w+\)/],
  ['a file that is no Palermo backup', () => { const f = path.join(dir, 'foreign.gz'); fs.writeFileSync(f, zlib.gzipSync('{"hello":1}\n')); return f; }, /foreign\.gz is not a Palermo backup/],
  ['a file that is not gzip', () => { const f = path.join(dir, 'plain.txt'); fs.writeFileSync(f, 'hello'); return f; }, /Cannot read .*plain\.txt as a Palermo backup/],
  ['an edited header', () => damaged('header', (ls) => { ls[0] = ls[0]!.replace(/"createdAt":"[^"]+"/, '"createdAt":"2020-01-01T00:00:00.000Z"'); return ls; }), /the header was changed/],
];

describe('a damaged backup', () => {
  it('the intact backup verifies, table by table', async () => {
    const check = await verifyBackup(good);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.tables.find((t) => t.table === 'users')).toEqual({ table: 'users', rows: 3, recorded: 3, ok: true });
  });

  for (const [what, make, message] of cases) {
    it(`${what} is named and nothing is restored`, async () => {
      const f = make();
      const check = await verifyBackup(f).catch((err: Error) => ({ ok: false, problems: [err.message] }));
      expect(check.ok).toBe(false);
      expect(check.problems.join('\n')).toMatch(message);
      await expect(restore(target.db, f)).rejects.toThrow(message);
      expect(await tablesIn(target)).toBe(0); // not even migrated: nothing was written
    });
  }

  it('format version 1 (no checksums) is refused with a clear message', async () => {
    const f = damaged('v1', (ls) => { ls[0] = ls[0]!.replace('"version":2', '"version":1'); return ls; });
    await expect(restore(target.db, f)).rejects.toThrow(/format version 1, which carries no checksums/);
    expect(await tablesIn(target)).toBe(0);
  });

  it('on the command line: `backup verify` names the mismatch (exit 1), `restore` refuses in one line (exit 1)', async () => {
    const f = damaged('cli', (ls) => { const s = sectionOf(ls, 'users'); ls.splice(s.start + 1, 1); return ls; });
    const v = palermo(['backup', 'verify', f], {});
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/users +2 rows {2}MISMATCH \(recorded 3\)/);
    expect(v.stdout).toMatch(/BACKUP DAMAGED: 1 problem\(s\)\n {2}table users: 2 rows, the backup recorded 3/);
    expect(v.stdout).toMatch(/states +\d+ rows {2}OK/);
    const r = palermo(['restore', f], { DATABASE_URL: target.url });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^palermo: .*cli\.gz is damaged, nothing was restored: table users: 2 rows, the backup recorded 3\n$/);
    expect(await tablesIn(target)).toBe(0);
  });
});
