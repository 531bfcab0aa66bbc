import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { createUser, usersByIds } from '../../platform/auth/accounts.service.ts';
import { migrationFiles } from '../../platform/db/migrations.ts';
import { migrateOldRelease, upgradeToLatest, WRITER_MIGRATIONS } from '../../../test/support/upgrade.ts';
import { loadReferenceData, stateExists } from '../../reference/reference.service.ts';
import { recordInput } from '../knowledge.schemas.ts';
import { createRecord } from '../records.service.ts';
import { render } from '../../platform/notifications/render.ts';
import { runAlerts } from './saved-searches.service.ts';

/**
 * Migration 0009 replaces the saved searches' sequence numbers by snapshots: an upgrade announces exactly
 * what each search had not yet seen (entries numbered after its last_seq), once, and nothing it had.
 */

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ empty: true });
});
afterAll(() => t.drop());

describe('upgrading saved searches to migration 0009', () => {
  it('announces what each search had not seen before the upgrade, and nothing it had', async () => {
    // The records are written by today's service, so the schema before the upgrade must hold what it writes
    // (record ownership, 0008): this test stands for the upgrade of one release to the next.
    await migrateOldRelease(t.db, '0009');
    await loadReferenceData(t.db);

    const system = { kind: 'anonymous' as const };
    const sec = await createUser(t.db, { username: 'up-sec', displayName: 'Sec', password: 'correct horse battery staple', roles: ['secretariat'], state: null }, system, (iso3) => stateExists(t.db, iso3));
    const reader = await createUser(t.db, { username: 'up-reader', displayName: 'Reader', password: 'correct horse battery staple', roles: ['officer'], state: 'DEU' }, system, (iso3) => stateExists(t.db, iso3));
    const [secUser] = await usersByIds(t.db, [sec.id]);
    const seqOf: Record<string, number> = {};
    for (const title of ['Upgrade A', 'Upgrade B', 'Upgrade C']) {
      const r = await createRecord(t.db, secUser!.actor, recordInput.parse({ type: 'guide', lang: 'en', title, fullText: `${title}: upgradeword.` }));
      const row = await sql<{ seq: number }>`SELECT seq FROM knowledge_search WHERE record_id = ${r.id}`.execute(t.db);
      seqOf[title] = Number(row.rows[0]!.seq);
    }
    // One search had seen up to B, the other only up to A.
    for (const [name, lastSeq] of [['seen-b', seqOf['Upgrade B']], ['seen-a', seqOf['Upgrade A']]] as const) {
      await sql`INSERT INTO saved_searches (user_id, name, query, last_seq) VALUES (${reader.id}, ${name}, '{"q":"upgradeword"}', ${lastSeq})`.execute(t.db);
    }

    expect((await upgradeToLatest(t.db))).toEqual(migrationFiles().filter((m) => m.name >= '0009' && !WRITER_MIGRATIONS.includes(m.name)).map((m) => m.name));
    expect((await runAlerts(t.db)).notified).toBe(2);
    expect((await runAlerts(t.db)).notified).toBe(0);
    const inbox = (await t.db.selectFrom('notifications').select(['kind', 'params']).execute())
      .map((m) => ({ subject: render(m.kind, m.params, 'en').subject, params: m.params as { items: Array<{ title: string }> } }))
      .sort((a, b) => a.subject.localeCompare(b.subject));
    expect(inbox.map((m) => [m.subject, m.params.items.map((i) => i.title).sort()])).toEqual([
      ['1 new record for “seen-b”', ['Upgrade C']],
      ['2 new records for “seen-a”', ['Upgrade B', 'Upgrade C']],
    ]);
  });
});
