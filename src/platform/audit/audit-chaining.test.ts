import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { audit, verifyAudit } from './audit.service.ts';
import { chainAudit } from './audit-chainer.ts';
import { createUser, login } from '../auth/accounts.service.ts';
import { ANONYMOUS } from '../auth/roles.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';

/**
 * The caller's transaction only inserts its audit entries; the hash chain is extended after commit, under a
 * lock held for the chainer's own short transaction. So a long import does not hold up anyone's login,
 * and the chain still has no gap, no rolled-back entry, and refuses edits.
 */

let t: TestDatabase;
const importer = { id: null, username: 'importer', state: null, roles: ['secretariat' as const] };
const entriesFor = (targetId: string) => t.db.selectFrom('audit_log').selectAll().where('target_id', '=', targetId).orderBy('id').execute();
const within = <T>(ms: number, p: Promise<T>, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not complete within ${ms} ms`)), ms))]);

beforeAll(async () => {
  t = await createTestDatabase();
  await createUser(t.db, { username: 'chain-admin', displayName: 'Admin', password: 'correct horse battery staple', roles: ['admin'], state: null }, ANONYMOUS, async () => true);
});
afterAll(() => t.drop());

describe('audit chain extended after commit', () => {
  it('a long transaction writing audit entries (an import) does not block another session’s audited login', async () => {
    let loginSeq: number | null = null;
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) await audit(trx, { actor: importer, action: 'knowledge.import', targetType: 'import', targetId: 'IMPORT-1', details: { i } });
      // The import is still open (its entries uncommitted) while someone logs in on another connection.
      const r = await within(10_000, login(t.db, { username: 'chain-admin', password: 'correct horse battery staple', ip: '192.0.2.7', userAgent: null }), 'the login');
      expect(r.token).toBeTruthy();
      const entry = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').where('actor_username', '=', 'chain-admin').executeTakeFirstOrThrow();
      await chainAudit(t.db); // as the login's HTTP request does before answering
      loginSeq = (await t.db.selectFrom('audit_log').select('seq').where('id', '=', entry.id).executeTakeFirstOrThrow()).seq;
      expect(loginSeq).not.toBeNull();
      // The login's entry names the one actor reference, roles included.
      expect(entry).toMatchObject({ actor_username: 'chain-admin', actor_state: null, actor_roles: ['admin'] });
    });
    // Committed: the import's entries join the chain after the login, in the order they became visible.
    await chainAudit(t.db);
    const imported = await entriesFor('IMPORT-1');
    expect(imported).toHaveLength(3);
    expect(imported.map((e) => e.seq)).toEqual([loginSeq! + 1, loginSeq! + 2, loginSeq! + 3]);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, problems: [] });
  });

  it('a rolled-back change leaves no entry, and no gap in the chain', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await audit(trx, { actor: importer, action: 'knowledge.import', targetType: 'import', targetId: 'IMPORT-2' });
        throw new Error('the import failed');
      }),
    ).rejects.toThrow('the import failed');
    await audit(t.db, { actor: importer, action: 'knowledge.import', targetType: 'import', targetId: 'IMPORT-3' });
    expect(await entriesFor('IMPORT-2')).toEqual([]);
    const report = await verifyAudit(t.db);
    expect(report).toMatchObject({ ok: true, problems: [] });
    const max = await t.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow();
    expect(Number(max.m)).toBe(report.entries);
  });

  it('concurrent writers, in transactions and not, end in one gap-free chain that verifies', async () => {
    const before = (await verifyAudit(t.db)).entries;
    const pause = () => new Promise((r) => setTimeout(r, Math.random() * 30));
    await Promise.all([
      ...Array.from({ length: 8 }, (_, w) =>
        t.db.transaction().execute(async (trx) => {
          for (let i = 0; i < 3; i++) {
            await audit(trx, { actor: importer, action: 'knowledge.update', targetType: 'writer', targetId: `W-${w}`, details: { i } });
            await pause();
          }
        }),
      ),
      ...Array.from({ length: 8 }, (_, i) => audit(t.db, { actor: importer, action: 'knowledge.read', targetType: 'reader', targetId: `R-${i}` })),
      ...Array.from({ length: 4 }, () => chainAudit(t.db)),
    ]);
    await chainAudit(t.db);
    const unchained = await t.db.selectFrom('audit_log').select('id').where('seq', 'is', null).execute();
    expect(unchained).toEqual([]);
    const seqs = (await t.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: before + 32 }, (_, i) => i + 1));
    expect(await verifyAudit(t.db)).toMatchObject({ entries: before + 32, ok: true });
  });

  it('an unchained entry may only be chained; a chained one not even re-chained', async () => {
    await t.db.transaction().execute(async (trx) => {
      await audit(trx, { actor: importer, action: 'knowledge.import', targetType: 'import', targetId: 'IMPORT-4' });
      // Still in the writer's transaction, so still unchained: its content cannot be changed, even there.
      await sql`SAVEPOINT s`.execute(trx);
      await expect(sql`UPDATE audit_log SET action = 'x' WHERE target_id = 'IMPORT-4'`.execute(trx)).rejects.toThrow(/append-only/);
      await sql`ROLLBACK TO SAVEPOINT s`.execute(trx);
      await expect(sql`DELETE FROM audit_log WHERE target_id = 'IMPORT-4'`.execute(trx)).rejects.toThrow(/append-only/);
    }).catch(() => undefined);
    expect(await entriesFor('IMPORT-4')).toEqual([]); // the failed statement aborted that transaction: nothing of it stayed
    await audit(t.db, { actor: importer, action: 'knowledge.import', targetType: 'import', targetId: 'IMPORT-5' });
    const [e] = await entriesFor('IMPORT-5');
    await expect(sql`UPDATE audit_log SET target_id = 'IMPORT-6' WHERE id = ${e!.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET seq = NULL, hash = NULL, prev_hash = NULL WHERE id = ${e!.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET seq = seq + 1000 WHERE id = ${e!.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = ${e!.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('an entry unchained and re-chained at the end (by someone who disabled the guard) is found', async () => {
    const [e] = await entriesFor('IMPORT-3');
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.db);
    await sql`UPDATE audit_log SET seq = NULL, hash = NULL, prev_hash = NULL WHERE id = ${e!.id}`.execute(t.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(t.db);
    const report = await verifyAudit(t.db);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ seq: e!.seq! + 1, problem: 'deleted-before' })]);
  });
});
