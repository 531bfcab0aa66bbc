import type { Actor } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db/database.ts';
import { recordPolicy } from './knowledge.policy.ts';

/**
 * For the review mechanism's questionnaires: the legislation records of one State linked to articles of one
 * instrument (asserted or extracted links, not rejected), as the viewer may read them, so that the reviewed State
 * can attach the laws already in the knowledge portal to its answers. Ordered by article, then title.
 */
export async function legislationOfStateByArticle(db: Db, actor: Actor, state: string, instrument: string, articles: readonly number[]) {
  if (articles.length === 0) return [];
  const rows = await db.selectFrom('knowledge_records as r')
    .innerJoin('knowledge_links as l', 'l.record_id', 'r.id')
    .select(['l.article', 'r.id', 'r.title', 'r.date'])
    .distinct()
    .where('r.type', '=', 'legislation')
    .where('r.retired_at', 'is', null)
    .where((eb) => eb(eb.val(state), '=', eb.fn.any('r.states')))
    .where('l.instrument', '=', instrument)
    .where('l.article', 'in', [...articles])
    .where('l.rejected', '=', false)
    .where(recordPolicy.accessFilter(actor, 'read', 'r'))
    .orderBy('l.article').orderBy('r.title')
    .execute();
  return rows.map((r) => ({ article: r.article!, id: r.id, title: r.title, date: r.date }));
}
