import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { audit, verifyAudit, type AuditAction } from './audit.service.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { palermo } from '../../../test/support/cli.ts';

let t: TestDatabase;
const actor = { id: null, username: 'tester', state: 'FRA', roles: [] };
// Actions of a module yet to come: the log itself does not care what the action is.
const action = (a: string) => a as AuditAction;

async function tamper(statement: string) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.db);
  await sql.raw(statement).execute(t.db);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(t.db);
}

beforeAll(async () => {
  t = await createTestDatabase();
  for (let i = 1; i <= 6; i++) {
    await audit(t.db, { actor, action: action('case.read'), targetType: 'case', targetId: `C-${i}`, details: { n: i, nested: { b: 2, a: [1, 'x'] } } });
  }
});
afterAll(() => t.drop());

describe('audit log', () => {
  it('chains every entry to the previous one, and verifies', async () => {
    const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await verifyAudit(t.db)).toEqual({ entries: 6, ok: true, problems: [] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('keeps the chain intact under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit(t.db, { actor, action: action('concurrent'), details: { i } })));
    const report = await verifyAudit(t.db);
    expect(report).toMatchObject({ entries: 26, ok: true });
  });

  it('`palermo audit verify` passes on an intact log', () => {
    const r = palermo(['audit', 'verify'], { DATABASE_URL: t.url });
    expect(r.stdout).toMatch(/intact: 26 entries/);
    expect(r.status).toBe(0);
  });

  it('an edited entry makes `palermo audit verify` fail and name it', async () => {
    await tamper(`UPDATE audit_log SET target_id = 'C-999' WHERE seq = 3`);
    const report = await verifyAudit(t.db);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ seq: 3, problem: 'edited' })]);
    const r = palermo(['audit', 'verify'], { DATABASE_URL: t.url });
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/TAMPERED/);
    expect(r.stdout).toMatch(/entry 3: entry 3 \(case\.read\) was modified/);
    await tamper(`UPDATE audit_log SET target_id = 'C-3' WHERE seq = 3`);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('a deleted entry is found and named', async () => {
    const row = await t.db.selectFrom('audit_log').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
    await tamper(`DELETE FROM audit_log WHERE seq = 5`);
    const report = await verifyAudit(t.db);
    expect(report.problems).toEqual([expect.objectContaining({ seq: 6, problem: 'deleted-before', message: expect.stringMatching(/entries 5–5 are missing/) })]);
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.db);
    await t.db.insertInto('audit_log').values({ ...row, details: JSON.stringify(row.details) as never }).execute();
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(t.db);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('reordered entries are found', async () => {
    // Swap the content of entries 2 and 4 but keep their numbers: each now fails its own hash and link.
    await tamper(`
      UPDATE audit_log a SET at = b.at, target_id = b.target_id, details = b.details, hash = b.hash, prev_hash = b.prev_hash
      FROM (SELECT seq, at, target_id, details, hash, prev_hash FROM audit_log WHERE seq IN (2, 4)) b
      WHERE a.seq IN (2, 4) AND b.seq = CASE a.seq WHEN 2 THEN 4 ELSE 2 END`);
    const report = await verifyAudit(t.db);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([2, 4]));
  });
});
