import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { createUser, usersByIds } from '../../platform/auth/accounts.service.ts';
import { migrateOldRelease, upgradeToLatest } from '../../../test/support/upgrade.ts';
import { listInbox } from '../../platform/notifications/inbox.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { loadReferenceData, stateExists } from '../../reference/reference.service.ts';
import { recordInput } from '../knowledge.schemas.ts';
import { createRecord } from '../records.service.ts';
import { newResultsNotice } from './alert-notices.ts';

/**
 * Migration 0015 carries the knowledge portal's inbox and alert e-mails over to the platform's tables: every
 * message stays (read or not, same id, so the saved searches' deliveries keep pointing at it), an e-mail still
 * waiting is still sent, and new notices are numbered after the old ones.
 */

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ empty: true });
});
afterAll(() => t.drop());

describe('migration 0015', () => {
  it('moves inbox messages and pending alert e-mails into the notification tables', async () => {
    await migrateOldRelease(t.db, '0015');
    await loadReferenceData(t.db);
    const q = <T>(text: TemplateStringsArray, ...v: unknown[]) => sql<T>(text, ...v).execute(t.db);
    const system = { kind: 'anonymous' as const };
    const exists = (iso3: string) => stateExists(t.db, iso3);
    const sec = await createUser(t.db, { username: 'old-sec', displayName: 'Sec', password: 'correct horse battery staple', roles: ['secretariat'], state: null }, system, exists);
    const user = (await createUser(t.db, { username: 'old-reader', displayName: 'Old', password: 'correct horse battery staple', roles: ['officer'], state: 'DEU', language: 'fr' }, system, exists)).id;
    const [secUser] = await usersByIds(t.db, [sec.id]);
    const search = (await q<{ id: string }>`INSERT INTO saved_searches (user_id, name, query, checked_snapshot)
      VALUES (${user}, 'Art. 18', '{}', pg_current_snapshot()) RETURNING id`).rows[0]!.id;
    const record = (await createRecord(t.db, secUser!.actor, recordInput.parse({ type: 'guide', lang: 'en', title: 'Old guide', fullText: 'Old guide.' }))).id;
    const body = JSON.stringify({ savedSearchId: search, total: 2, items: [{ id: record, title: 'Old guide', type: 'guide', lang: 'en', date: null }] });
    await q`INSERT INTO inbox_messages (id, user_id, kind, subject, body, read_at) VALUES
      (7, ${user}, 'saved-search', '1 new record(s) for “Art. 18”', '{}', now()),
      (9, ${user}, 'saved-search', '2 new record(s) for “Art. 18”', ${body}::jsonb, NULL)`;
    await q`INSERT INTO saved_search_deliveries (saved_search_id, record_id, inbox_message_id) VALUES (${search}, ${record}, 9)`;
    await q`INSERT INTO alert_emails (id, inbox_message_id, user_id, recipient, subject, body, attempts)
      VALUES (3, 9, ${user}, 'old@example.org', 'Palermo: 2 new record(s) for “Art. 18”', 'body', 1)`;

    expect((await upgradeToLatest(t.db))).toContain('0015_notifications');

    // Written in English then, said now in the reader's language.
    const page = await listInbox(t.db, user, { limit: 10, lang: 'fr' });
    expect(page.unread).toBe(1);
    expect(page.items.map((m) => [m.id, m.kind, m.subject, m.read])).toEqual([
      [9, 'saved-search.new-results', '2 nouvelles fiches pour « Art. 18 »', false],
      [7, 'saved-search.new-results', '1 nouvelle fiche pour « Art. 18 »', true],
    ]);
    expect((page.items[0]!.params as { items: Array<{ title: string }> }).items.map((i) => i.title)).toEqual(['Old guide']);
    expect((await q<{ notification_id: number }>`SELECT notification_id FROM saved_search_deliveries`).rows.map((r) => Number(r.notification_id))).toEqual([9]);
    const mail = await t.db.selectFrom('notification_emails').selectAll().executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ id: 3, notification_id: 9, user_id: user, language: 'en', subject: 'Palermo: 2 new record(s) for “Art. 18”', attempts: 1, sent_at: null });
    // New notices continue after the carried-over ones.
    const next = await notify(t.db, { kind: newResultsNotice, recipients: [user], params: { savedSearchId: search, name: 'n', total: 0, items: [] } });
    expect(next.notifications[0]!.id).toBeGreaterThan(9);
    expect((await q<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('inbox_messages', 'alert_emails')`).rows[0]!.n).toBe(0);
  });
});
