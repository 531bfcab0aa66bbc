import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { UserActor } from '../../platform/auth/roles.ts';
import { usersByIds } from '../../platform/auth/accounts.service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { viewerFor } from '../knowledge.policy.ts';
import { searchQuerySchema, toSearchQuery, type SearchQueryInput } from '../search/search-query.ts';
import { providerFor } from '../search.service.ts';
import { mailer, mailFrom } from './mailer.ts';

/**
 * Saved searches notify their owner of records that match and were indexed since the last check:
 * a message in the in-app inbox, and an e-mail where SMTP is configured and the owner asked for it.
 * A record the owner may not see never triggers anything (the search runs as the owner).
 */

const MAX_SAVED = 50;

async function currentSeq(db: Db): Promise<number> {
  const r = await sql<{ s: number | null }>`SELECT max(seq)::bigint AS s FROM knowledge_search`.execute(db);
  return Number(r.rows[0]?.s ?? 0);
}

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
    .values({ user_id: actor.id, name: input.name, query: JSON.stringify(query) as never, email: input.email, last_seq: await currentSeq(db) })
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

export function listInbox(db: Db, actor: UserActor, unreadOnly: boolean) {
  let q = db.selectFrom('inbox_messages').selectAll().where('user_id', '=', actor.id).orderBy('id', 'desc').limit(200);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return q.execute();
}

export async function markRead(db: Db, actor: UserActor, id: number) {
  const r = await db.updateTable('inbox_messages').set({ read_at: sql`now()` }).where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new NotFoundError(`No message ${id}`);
}

export interface AlertRun {
  searches: number;
  notified: number;
  emails: number;
}

/** Checks every saved search once; run after imports and periodically by the server. */
export async function runAlerts(db: Db, baseUrl = ''): Promise<AlertRun> {
  const saved = await db.selectFrom('saved_searches').selectAll().execute();
  const owners = new Map((await usersByIds(db, [...new Set(saved.map((s) => s.user_id))])).map((u) => [u.id, u]));
  const provider = providerFor(db);
  let notified = 0;
  let emails = 0;
  for (const s of saved) {
    const user = owners.get(s.user_id);
    if (!user || user.disabled_at) continue;
    const owner = user.actor;
    const query = toSearchQuery(searchQuerySchema.parse(s.query) as SearchQueryInput);
    const result = await provider.search({ ...query, sort: 'date', limit: 50, cursor: undefined, afterSeq: Number(s.last_seq) }, viewerFor(owner));
    const newest = Math.max(Number(s.last_seq), ...result.items.map((i) => i.seq));
    if (result.items.length > 0) {
      const items = result.items.map((i) => ({ id: i.id, title: i.title, type: i.type, lang: i.lang, date: i.date }));
      const subject = `${result.total} new record(s) for “${s.name}”`;
      await db.insertInto('inbox_messages').values({ user_id: s.user_id, kind: 'saved-search', subject, body: JSON.stringify({ savedSearchId: s.id, total: result.total, items }) as never }).execute();
      notified++;
      const transport = mailer();
      if (s.email && user.email && transport) {
        const lines = items.map((i) => `- ${i.title}${i.date ? ` (${i.date})` : ''}\n  ${baseUrl}/records/${i.id}`).join('\n');
        await transport.sendMail({ from: mailFrom(), to: user.email, subject: `Palermo: ${subject}`, text: `${subject}\n\n${lines}\n` });
        emails++;
      }
    }
    await db.updateTable('saved_searches').set({ last_seq: newest }).where('id', '=', s.id).execute();
  }
  return { searches: saved.length, notified, emails };
}
