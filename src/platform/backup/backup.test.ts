import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { audit, verifyAudit } from '../audit/audit.service.ts';
import { createUser } from '../auth/accounts.service.ts';
import { importPartyStatus } from '../../reference/party-status-import.ts';
import { stateExists } from '../../reference/reference.service.ts';
import { backup, restore } from './backup.ts';
import type { Db } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { palermo } from '../../../test/support/cli.ts';

async function dump(db: Db) {
  const tables = await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely%' ORDER BY 1`.execute(db);
  const out: Record<string, unknown> = {};
  for (const { t } of tables.rows) {
    const r = await sql<{ j: unknown }>`SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY to_jsonb(x)::text), '[]') AS j FROM ${sql.table(t)} x`.execute(db);
    out[t] = r.rows[0]!.j;
  }
  return out;
}

let source: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-backup-'));
const file = path.join(dir, 'palermo.backup.gz');

beforeAll(async () => {
  source = await createTestDatabase();
  const sys = { kind: 'anonymous' as const };
  await createUser(source.db, { username: 'ana', displayName: 'Ana — Fiscalía', password: 'a long enough password', roles: ['officer'], state: 'MEX' }, sys, (i) => stateExists(source.db, i));
  await createUser(source.db, { username: 'li-ming', displayName: '李明', password: 'a long enough password', roles: ['practitioner'], state: 'CHN' }, sys, (i) => stateExists(source.db, i));
  await importPartyStatus(source.db, 'iso3,instrument,status,consented_on\nSOM,UNTOC,party,2021-07-13\n', { actor: sys, defaultSource: 'test' });
  await audit(source.db, { actor: null, action: 'test.event', details: { text: 'عربي', quote: "it's" } });
});
afterAll(async () => {
  await source.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('a restore into an empty database reproduces the same data', async () => {
    const summary = await backup(source.db, file);
    expect(summary.rows).toBeGreaterThan(1000);
    const target = await createTestDatabase({ empty: true });
    try {
      const restored = await restore(target.db, file);
      expect(restored.rows).toBe(summary.rows);
      expect(await dump(target.db)).toEqual(await dump(source.db));
      expect((await verifyAudit(target.db)).ok).toBe(true);
      // sequences continue after the restored rows
      await audit(target.db, { actor: null, action: 'after.restore' });
      await importPartyStatus(target.db, 'iso3,instrument,status\nNIU,TIP,none\n', { actor: { kind: 'anonymous' }, defaultSource: 't' });
      expect((await verifyAudit(target.db)).ok).toBe(true);
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore over a database that has data', async () => {
    await expect(restore(source.db, file)).rejects.toThrow(/not empty/);
  });

  it('a truncated or foreign file restores nothing', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const truncated = path.join(dir, 'truncated.gz');
    fs.writeFileSync(truncated, zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const target = await createTestDatabase({ empty: true });
    try {
      await expect(restore(target.db, truncated)).rejects.toThrow(/truncated/);
      const users = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(target.db);
      expect(users.rows[0]!.n).toBe(0);
      const foreign = path.join(dir, 'foreign.gz');
      fs.writeFileSync(foreign, zlib.gzipSync('{"hello":1}\n'));
      await expect(restore(target.db, foreign)).rejects.toThrow(/not a Palermo backup/);
      const notGzip = path.join(dir, 'plain.txt');
      fs.writeFileSync(notGzip, 'hello');
      await expect(restore(target.db, notGzip)).rejects.toThrow(/Cannot read/);
    } finally {
      await target.drop();
    }
  });

  it('`palermo backup` and `palermo restore` do the same from the command line', async () => {
    const cliFile = path.join(dir, 'cli.gz');
    const b = palermo(['backup', cliFile], { DATABASE_URL: source.url });
    expect(b.stderr).toBe('');
    expect(b.stdout).toMatch(/Backup written to .*cli\.gz: \d+ tables, \d+ rows/);
    const target = await createTestDatabase({ empty: true });
    try {
      const r = palermo(['restore', cliFile], { DATABASE_URL: target.url });
      expect(r.stdout).toMatch(/Restored \d+ rows/);
      expect(r.status).toBe(0);
      expect(await dump(target.db)).toEqual(await dump(source.db));
    } finally {
      await target.drop();
    }
  });
});
