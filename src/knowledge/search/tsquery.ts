import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { chineseQuery, hasHan, queryConfigs, queryText, segmentChinese } from './analysis.ts';

/**
 * The query's words as PostgreSQL reads them: analysed into tsquery text once per text (and kept), parsed into
 * a tree (what the estimates, the phrase check and the snippets go by), and loosened where it holds a phrase,
 * which GIN cannot check.
 */

/** The tsquery for q as SQL, or null when there is no text to match. */
export function tsQuery(q: string | undefined): { query: RawBuilder<unknown>; terms: string[] } | null {
  const text = q?.trim();
  if (!text) return null;
  if (hasHan(text)) {
    const zh = chineseQuery(text);
    if (!zh) return null;
    const terms = segmentChinese(text.replace(/"/g, ' ')).filter((w) => w.trim() && !/^[\p{P}\s]+$/u.test(w));
    return { query: sql`to_tsquery('simple', ${zh})`, terms };
  }
  const normalized = queryText(text);
  const parts = queryConfigs(text).map((cfg) => sql`websearch_to_tsquery(${cfg}::regconfig, ${normalized})`);
  return { query: sql`(${sql.join(parts, sql` || `)})`, terms: [] };
}

export type QNode = { k: 'lex'; t: string; prefix: boolean } | { k: 'and' | 'or' | 'phrase'; xs: QNode[] } | { k: 'not'; x: QNode };

/** tsquery text ('a' & ( 'b' | 'c':* ) & 'd' <-> 'e') as a tree. */
export function parseTsquery(text: string): QNode | null {
  const tokens = text.match(/'(?:[^']|'')*'(?::[*A-D]+)?|<\d+>|<->|[&|!()]/g) ?? [];
  let at = 0;
  const unary = (): QNode => {
    const t = tokens[at++] ?? "''";
    if (t === '!') return { k: 'not', x: unary() };
    if (t === '(') {
      const e = or();
      at++;
      return e;
    }
    const end = t.lastIndexOf("'");
    return { k: 'lex', t: t.slice(1, end).replace(/''/g, "'").replace(/\\(.)/g, '$1'), prefix: t.slice(end).includes('*') };
  };
  const chain = (sep: (t: string | undefined) => boolean, next: () => QNode, k: 'and' | 'or' | 'phrase'): QNode => {
    const xs = [next()];
    while (sep(tokens[at])) {
      at++;
      xs.push(next());
    }
    return xs.length === 1 ? xs[0]! : { k, xs };
  };
  const phrase = () => chain((t) => t !== undefined && t.startsWith('<'), unary, 'phrase');
  const and = () => chain((t) => t === '&', phrase, 'and');
  const or = (): QNode => chain((t) => t === '|', and, 'or');
  return tokens.length ? or() : null;
}

/** The tree's lexemes that are whole words (not prefixes): where a snippet's window is looked for. */
export function lexemesOf(n: QNode | null, out: string[] = []): string[] {
  if (!n) return out;
  if (n.k === 'lex') {
    if (!n.prefix && !out.includes(n.t)) out.push(n.t);
  } else if (n.k === 'not') lexemesOf(n.x, out);
  else n.xs.forEach((x) => lexemesOf(x, out));
  return out;
}

type Analysed = { tsquery: string; terms: string[] } | null | 'nothing';

/**
 * Analysed queries, per database: the analysis is a pure function of the text (the text search configurations
 * change only with a migration, i.e. a restart), and the same query comes back as a user pages, sorts and
 * clicks facets. Saves a round trip to the server.
 */
const analysedCache = new WeakMap<object, Map<string, Analysed>>();
const ANALYSED_KEPT = 1000;

/** The analysed query as tsquery text: each configuration's reading once (they often coincide). */
export async function analysedQuery(db: Db, q: string | undefined): Promise<Analysed> {
  const text = q?.trim() ?? '';
  let cache = analysedCache.get(db);
  if (!cache) analysedCache.set(db, (cache = new Map()));
  const known = cache.get(text);
  if (known !== undefined) {
    cache.delete(text); // least recently used goes first
    cache.set(text, known);
    return known;
  }
  const result = await analyse(db, text);
  cache.set(text, result);
  if (cache.size > ANALYSED_KEPT) cache.delete(cache.keys().next().value!);
  return result;
}

async function analyse(db: Db, text: string): Promise<Analysed> {
  const ts = tsQuery(text);
  if (!ts) return null;
  const { rows } = hasHan(text)
    ? await sql<{ t: string }>`SELECT ${ts.query}::text AS t`.execute(db)
    : await sql<{ t: string }>`
        SELECT DISTINCT websearch_to_tsquery(c::regconfig, ${queryText(text)})::text AS t FROM unnest(${queryConfigs(text)}::text[]) c`.execute(db);
  const parts = rows.map((r) => r.t).filter((t) => t.trim() !== '').sort();
  if (!parts.length) return 'nothing';
  return { tsquery: parts.length === 1 ? parts[0]! : parts.map((p) => `( ${p} )`).join(' | '), terms: ts.terms };
}

/** Does the query need positions (a phrase), which GIN cannot check? */
export function hasPhrase(n: QNode | null): boolean {
  if (!n || n.k === 'lex') return false;
  if (n.k === 'phrase') return true;
  return n.k === 'not' ? hasPhrase(n.x) : n.xs.some(hasPhrase);
}

/**
 * The tree as tsquery text with its phrases loosened to "all of the words" (outside negations), which GIN
 * answers exactly, without reading each row's tsvector: a superset of the matches, checked row by row later.
 */
export function loosened(n: QNode, loose = true): string {
  switch (n.k) {
    case 'lex':
      return `'${n.t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${n.prefix ? ':*' : ''}`;
    case 'not':
      return `!( ${loosened(n.x, false)} )`;
    case 'phrase':
      return loose ? `( ${n.xs.map((x) => loosened(x, loose)).join(' & ')} )` : `( ${n.xs.map((x) => loosened(x, loose)).join(' <-> ')} )`;
    case 'and':
    case 'or':
      return `( ${n.xs.map((x) => loosened(x, loose)).join(n.k === 'and' ? ' & ' : ' | ')} )`;
  }
}
