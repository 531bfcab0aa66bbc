import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { UserActor } from '../../platform/auth/roles.ts';
import { usersByIds } from '../../platform/auth/accounts.service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { viewerFor } from '../knowledge.policy.ts';
import { searchQuerySchema, toSearchQuery, type SearchQueryInput } from '../search/search-query.ts';
import { providerFor } from '../search.service.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { sendDueEmails } from '../../platform/notifications/outbox.ts';
import { newResultsNotice } from './alert-notices.ts';

/**
 * Saved searches notify their owner of records that match and were written to the index since the last check,
 * through the platform's notification service: a message in the inbox, and an e-mail where SMTP is configured
 * and the owner asked for it (on the search, and not turned off in their preferences), in the owner's language.
 * A record the owner may not see never triggers anything (the search runs as the owner).
 */

const MAX_SAVED = 50;

export async function saveSearch(db: Db, actor: UserActor, input: { name: string; query: Record<string, unknown>; email: boolean }) {
  const parsed = searchQuerySchema.safeParse(input.query);
  if (!parsed.success) {
    throw new ValidationError('The saved query is not a valid search', parsed.error.issues.map((i) => ({ path: ['body', 'query', ...i.path.map(String)].join('.'), message: i.message })));
  }
  const { cursor: _c, ...query } = parsed.data;
  const n = await db.selectFrom('saved_searches').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.id).executeTakeFirstOrThrow();
  if (Number(n.n) >= MAX_SAVED) throw new ValidationError(`You can keep at most ${MAX_SAVED} saved searches`);
  // Only records indexed from now on are "new" for this search.
  return db
    .insertInto('saved_searches')
    .values({ user_id: actor.id, name: input.name, query: JSON.stringify(query) as never, email: input.email, checked_snapshot: await providerFor(db).watermark() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listSavedSearches(db: Db, actor: UserActor) {
  return db.selectFrom('saved_searches').selectAll().where('user_id', '=', actor.id).orderBy('created_at').execute();
}

export async function deleteSavedSearch(db: Db, actor: UserActor, id: string) {
  const r = await db.deleteFrom('saved_searches').where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new NotFoundError(`No saved search ${id}`);
}

export interface AlertRun {
  searches: number;
  notified: number;
  emails: number;
  emailsFailed: number;
  /** true when another run held the alerts lock and this one did nothing (only with `wait: false`). */
  skipped: boolean;
}

/** One alerts run at a time across every process on the database (server timer, `palermo import`, `palermo alerts run`). */
const ALERTS_LOCK = 0x7a1e_0008;
const LISTED = 50;

/**
 * Checks every saved search once; run after imports and periodically by the server. Self-contained (a
 * database is all it needs), so that a job queue can run it as a job.
 *
 * Exactly once, nothing missed:
 * - runs are exclusive (a session advisory lock on the one connection the run uses; it is released with
 *   the connection if that is cut). `wait: false` returns at once when another run is busy;
 * - "new" is what the previous check's snapshot could not see (see migration 0009), so a record whose
 *   transaction commits late is announced by the next run; the snapshot is taken before anything is read;
 * - a record is announced to a search once: `saved_search_deliveries` (primary key search × record) is
 *   written in the transaction that writes the notice (platform `notify`) and moves the search's snapshot on;
 * - e-mails are sent after that commit, from the platform's outbox, with bounded retries (notifications/outbox.ts).
 */
export async function runAlerts(db: Db, baseUrl = '', opts: { wait?: boolean } = {}): Promise<AlertRun> {
  return db.connection().execute(async (conn) => {
    if (opts.wait === false) {
      const { rows } = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(${ALERTS_LOCK}) AS ok`.execute(conn);
      if (!rows[0]?.ok) return { searches: 0, notified: 0, emails: 0, emailsFailed: 0, skipped: true };
    } else {
      await sql`SELECT pg_advisory_lock(${ALERTS_LOCK})`.execute(conn);
    }
    try {
      const { searches, notified } = await checkSavedSearches(conn, baseUrl);
      const mail = await sendDueEmails(conn);
      return { searches, notified, emails: mail.sent, emailsFailed: mail.failed, skipped: false };
    } finally {
      await sql`SELECT pg_advisory_unlock(${ALERTS_LOCK})`.execute(conn).catch(() => undefined);
    }
  });
}

async function checkSavedSearches(db: Db, baseUrl: string): Promise<{ searches: number; notified: number }> {
  const provider = providerFor(db);
  const watermark = await provider.watermark();
  const saved = await db.selectFrom('saved_searches').selectAll().execute();
  const owners = new Map((await usersByIds(db, [...new Set(saved.map((s) => s.user_id))])).map((u) => [u.id, u]));
  let notified = 0;
  for (const s of saved) {
    const user = owners.get(s.user_id);
    if (!user || user.disabled_at) continue;
    const query = toSearchQuery(searchQuerySchema.parse(s.query) as SearchQueryInput);
    const result = await provider.search(
      { ...query, sort: 'date', limit: LISTED, cursor: undefined, writtenSince: s.checked_snapshot },
      viewerFor(user.actor),
    );
    const sent = await db.transaction().execute(async (trx) => {
      // Deleted meanwhile: nothing to do.
      const still = await trx.selectFrom('saved_searches').select('id').where('id', '=', s.id).forUpdate().executeTakeFirst();
      if (!still) return false;
      await trx.updateTable('saved_searches').set({ checked_snapshot: watermark }).where('id', '=', s.id).execute();
      const ids = result.items.map((i) => i.id);
      if (ids.length === 0) return false;
      // Only the records not yet announced to this search (and still there).
      const fresh = new Set(
        (
          await sql<{ record_id: string }>`
            INSERT INTO saved_search_deliveries (saved_search_id, record_id)
            SELECT ${s.id}::uuid, r.id FROM knowledge_records r WHERE r.id = ANY(${ids}::uuid[])
            ON CONFLICT DO NOTHING RETURNING record_id`.execute(trx)
        ).rows.map((r) => r.record_id),
      );
      if (fresh.size === 0) return false;
      const items = result.items.filter((i) => fresh.has(i.id)).map((i) => ({ id: i.id, title: i.title, type: i.type, lang: i.lang, date: i.date }));
      const total = Math.max(items.length, result.total - (result.items.length - items.length));
      const told = await notify(trx, {
        kind: newResultsNotice,
        recipients: [s.user_id],
        params: { savedSearchId: s.id, name: s.name, total, items },
        email: s.email,
        baseUrl,
      });
      const message = told.notifications[0]?.id ?? null;
      if (message !== null) {
        await trx.updateTable('saved_search_deliveries').set({ notification_id: message }).where('saved_search_id', '=', s.id).where('record_id', 'in', [...fresh]).execute();
      }
      return true;
    });
    if (sent) notified++;
  }
  return { searches: saved.length, notified };
}
