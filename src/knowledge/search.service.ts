import type { Db } from '../platform/db/database.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { clustersOf, groupsOf, hasArticle } from '../reference/reference.service.ts';
import * as repo from './knowledge.repository.ts';
import { viewerFor } from './knowledge.policy.ts';
import { articleInQuery, type NamedArticle } from './search/article-query.ts';
import { PostgresSearch } from './search/postgres-search.ts';
import type { SearchDocument, SearchProvider, SearchQuery } from './search/search-provider.ts';

/**
 * Feeds the search provider from the database and asks it on behalf of an actor. The provider is
 * PostgreSQL today; `providerFor` is the one place that would choose another.
 */

export function providerFor(db: Db | repo.Conn): SearchProvider {
  return new PostgresSearch(db as Db);
}

/** Text from the type-specific fields that people search for besides the full text. */
function detailsText(details: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && v.length > 2 && !/^\d{4}-\d{2}-\d{2}$/.test(v)) parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(details);
  return parts.join('\n');
}

export async function searchDocument(db: repo.Conn, id: string): Promise<SearchDocument | null> {
  const r = await repo.findRecord(db, id);
  if (!r || r.retired_at) return null;
  // Legislation is searched in the wording in force now.
  const provisions =
    r.type === 'legislation'
      ? await db
          .selectFrom('legislation_provisions')
          .select(['heading', 'text'])
          .where('record_id', '=', id)
          .where('valid_to', 'is', null)
          .orderBy('eid')
          .execute()
      : [];
  return searchDocumentOf(r, await repo.linksOf(db, id), provisions, { groupsOf: (s) => groupsOf(db as Db, s), clustersOf: (a) => clustersOf(db as Db, a) });
}

/** The reference look-ups a search document needs (a batch passes memoised ones). */
export interface DocumentLookups {
  groupsOf(states: string[]): Promise<string[]>;
  clustersOf(articles: string[]): Promise<string[]>;
}

type LinkRow = Pick<Awaited<ReturnType<typeof repo.linksOf>>[number], 'rejected' | 'target_kind' | 'instrument' | 'article' | 'paragraph'>;

/** A record's search document from its row, its links and (legislation) its provisions in force. */
export async function searchDocumentOf(r: repo.RecordRow, allLinks: LinkRow[], provisions: Array<{ heading: string | null; text: string }>, lookups: DocumentLookups): Promise<SearchDocument> {
  const links = allLinks.filter((l) => !l.rejected && l.target_kind === 'provision' && l.instrument && l.article);
  const articles = new Set<string>();
  for (const l of links) {
    articles.add(`${l.instrument}:${l.article}`);
    if (l.paragraph) articles.add(`${l.instrument}:${l.article}:${l.paragraph}`);
  }
  const articleList = [...articles].sort();
  return {
    recordId: r.id,
    type: r.type,
    lang: r.lang,
    title: r.title,
    text: `${r.symbol ?? ''}\n${r.full_text}\n${detailsText(r.details)}\n${provisions.map((p) => `${p.heading ?? ''}\n${p.text}`).join('\n')}`,
    date: r.date,
    states: r.states,
    groups: await lookups.groupsOf(r.states),
    instruments: [...new Set(links.map((l) => l.instrument!))].sort(),
    articles: articleList,
    clusters: await lookups.clustersOf(articleList),
    crimes: r.crimes,
    access: r.access,
    accessState: r.access_state,
  };
}

export async function indexRecord(db: repo.Conn, id: string): Promise<void> {
  const doc = await searchDocument(db, id);
  if (doc) await providerFor(db).index([doc]);
  else await providerFor(db).remove([id]);
}

export async function unindexRecord(db: repo.Conn, id: string): Promise<void> {
  await providerFor(db).remove([id]);
}

/** The records that match, and the article the words name if the Convention or a Protocol has it (its page is offered). */
export async function search(db: Db, actor: Actor, query: SearchQuery) {
  const [result, article] = await Promise.all([providerFor(db).search(query, viewerFor(actor)), namedArticle(db, query.q)]);
  return { ...result, article };
}

async function namedArticle(db: Db, q: string | undefined): Promise<NamedArticle | null> {
  const named = articleInQuery(q);
  return named && (await hasArticle(db, named.instrument, named.article)) ? named : null;
}
