import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/roles.ts';
import { bulkCreateRecords, type BulkItem } from '../ingest/bulk.ts';
import { recordInput } from '../knowledge.schemas.ts';
import { CANDIDATES } from './candidates.ts';
import { PostgresSearch } from './postgres-search.ts';
import type { SearchQuery, Viewer } from './search-provider.ts';
import { connect } from '../../platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';

/**
 * With statistics, the provider fetches candidates in different ways (every match through GIN, a slice of
 * recent months, the date index, phrases checked row by row). Whatever the way, the answer must be the one
 * the definition gives: the CANDIDATES + 1 most recent matches, ranked; exact totals and facets below the
 * cap; date order continuing past them. Checked here against the definition computed naively in SQL.
 */

const secretariat: Actor = {
  kind: 'user', id: '00000000-0000-0000-0000-000000000001', username: 'sec', displayName: 'x', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '',
};
const STATES = ['FRA', 'DEU', 'MEX', 'NGA', 'CHN', 'BRA'];
const TYPES = ['case', 'legislation', 'guide', 'recommendation'] as const;
const N = 6000;

function record(i: number): BulkItem {
  const words = ['alpha'];
  if (i % 3 === 0) words.push('beta');
  if (i % 97 === 0) words.push('gamma');
  if (i % 4 === 0) words.push('the central authority');
  else if (i % 2 === 0) words.push('authority of the state, not central');
  const day = new Date(Date.UTC(1998, 0, 1) + (i % 3000) * 3.5 * 86_400_000).toISOString().slice(0, 10);
  const access = i % 23 === 0 ? 'state' : i % 11 === 0 ? 'practitioners' : 'public';
  const states = [STATES[i % STATES.length]!];
  return {
    input: recordInput.parse({
      type: TYPES[i % TYPES.length], lang: 'en', title: `Record ${i}`, states, access, ...(access === 'state' ? { accessState: states[0] } : {}),
      ...(i % 101 === 0 ? {} : { date: day }), crimes: i % 5 === 0 ? ['money-laundering'] : [],
      details: TYPES[i % TYPES.length] === 'case' ? { court: 'Court', caseNumber: String(i), stage: 'final' } : TYPES[i % TYPES.length] === 'legislation' ? { lawTitle: `Law ${i}` } : {},
      fullText: `${words.join(' and ')} in a record of the knowledge portal.`,
    }),
  };
}

let t: TestDatabase;
let provider: PostgresSearch;

beforeAll(async () => {
  t = await createTestDatabase();
  await bulkCreateRecords(t.db, secretariat, Array.from({ length: N }, (_, i) => record(i)));
  await sql`ANALYZE knowledge_search`.execute(t.db);
  provider = new PostgresSearch(t.db);
}, 120_000);
afterAll(() => t.drop());

const viewerSql = (v: Viewer) =>
  v.level === 'all' ? 'true' : v.level === 'public' ? `s.access = 'public'` : `(s.access IN ('public', 'practitioners') OR (s.access = 'state' AND s.access_state = '${v.state}'))`;

/** The definition, naively: every match, the most recent CANDIDATES + 1 of them, ranked. */
async function reference(q: Partial<SearchQuery>, v: Viewer) {
  const where = [viewerSql(v)];
  let tsq = 'NULL::tsquery';
  if (q.q) {
    const { rows } = await t.pool.query(`SELECT DISTINCT websearch_to_tsquery(c::regconfig, $1)::text AS t FROM unnest($2::text[]) c`, [q.q, ['english', 'french_unaccent', 'spanish_unaccent', 'simple']]);
    const parts = rows.map((r) => r.t as string).filter(Boolean).sort();
    tsq = `'${(parts.length === 1 ? parts[0]! : parts.map((p) => `( ${p} )`).join(' | ')).replace(/'/g, "''")}'::tsquery`;
    where.push(`s.tsv @@ ${tsq}`);
  }
  if (q.filters?.state) where.push(`s.states && ARRAY[${q.filters.state.map((x) => `'${x}'`).join(',')}]`);
  if (q.filters?.type) where.push(`s.type = ANY(ARRAY[${q.filters.type.map((x) => `'${x}'`).join(',')}])`);
  if (q.filters?.year) where.push(`s.year = ANY(ARRAY[${q.filters.year.map(Number).join(',')}])`);
  if (q.yearFrom !== undefined) where.push(`s.year >= ${q.yearFrom}`);
  if (q.yearTo !== undefined) where.push(`s.year <= ${q.yearTo}`);
  const { rows } = await t.pool.query(`
    WITH m AS (SELECT s.* FROM knowledge_search s WHERE ${where.join(' AND ')}),
    cand AS (SELECT * FROM m ORDER BY sort_date DESC, record_id DESC LIMIT ${CANDIDATES + 1})
    SELECT (SELECT count(*)::int FROM m) AS matches,
           (SELECT json_agg(record_id ORDER BY ts_rank_cd(tsv, ${tsq}, 1) DESC NULLS LAST, record_id DESC) FROM cand) AS by_rank,
           (SELECT json_agg(record_id ORDER BY sort_date DESC, record_id DESC) FROM (SELECT * FROM m ORDER BY sort_date DESC, record_id DESC LIMIT 40) x) AS by_date,
           (SELECT json_object_agg(k, n) FROM (SELECT k, count(*) AS n FROM cand, unnest(cand.keys) k WHERE k LIKE 'type:%' OR k LIKE 'state:%' GROUP BY k) f) AS facets`);
  return rows[0] as { matches: number; by_rank: string[] | null; by_date: string[] | null; facets: Record<string, number> | null };
}

const anonymous: Viewer = { level: 'public', state: null };
const member: Viewer = { level: 'member', state: 'FRA' };
const all: Viewer = { level: 'all', state: null };

async function check(q: Partial<SearchQuery>, v: Viewer, p: PostgresSearch = provider) {
  const query: SearchQuery = { filters: {}, sort: 'relevance', limit: 20, ...q };
  const ref = await reference(q, v);
  const first = await p.search(query, v);
  expect(first.approximate).toBe(ref.matches > CANDIDATES);
  if (!first.approximate) expect(first.total).toBe(ref.matches);
  const facets: Record<string, number> = {};
  for (const f of ['type', 'state'] as const) for (const [k, n] of Object.entries(first.facets[f] ?? {})) facets[`${f}:${k}`] = n;
  expect(facets).toEqual(ref.facets ?? {});
  const byDate = query.sort === 'date' || !q.q;
  const expected = (byDate ? ref.by_date : ref.by_rank) ?? [];
  expect(first.items.map((i) => i.id)).toEqual(expected.slice(0, 20));
  if (first.next) {
    const second = await p.search({ ...query, cursor: first.next }, v);
    expect(second.items.map((i) => i.id)).toEqual(expected.slice(20, 40));
  }
}

describe('candidate strategies give the answer of the definition', () => {
  it('a term in every record (a slice of recent months)', async () => {
    await check({ q: 'alpha' }, anonymous);
    await check({ q: 'alpha', sort: 'date' }, member);
  });
  it('a term in a third of them, with and without a filter', async () => {
    await check({ q: 'beta' }, all);
    await check({ q: 'beta', filters: { state: ['FRA', 'MEX'] } }, anonymous);
    await check({ q: 'beta', filters: { type: ['case'] }, sort: 'date' }, anonymous);
  });
  it('a rare term (every match)', async () => {
    await check({ q: 'gamma' }, all);
    await check({ q: 'gamma', sort: 'date' }, anonymous);
  });
  it('a phrase whose words are common apart (checked row by row)', async () => {
    await check({ q: '"central authority"' }, anonymous);
    await check({ q: '"central authority"', sort: 'date' }, all);
    await check({ q: '"central authority"', filters: { state: ['DEU'] } }, member);
  });
  it('filters alone (the date index, or every match)', async () => {
    await check({}, anonymous);
    await check({ filters: { type: ['case', 'legislation', 'guide'] } }, all);
    await check({ filters: { state: ['NGA'], type: ['guide'] } }, member);
  });
  it('past years only (slices start at the newest year allowed)', async () => {
    await check({ q: 'alpha', yearFrom: 2001, yearTo: 2006 }, anonymous);
    await check({ q: 'alpha', yearFrom: 1999, yearTo: 2012, sort: 'date' }, member);
    await check({ q: 'beta', filters: { year: ['2003', '2010'] } }, all);
    await check({ filters: { year: ['2004'] }, yearTo: 2008 }, all);
    await check({ q: '"central authority"', yearTo: 2009, sort: 'date' }, anonymous);
  });
  it('finds rows dated later than the statistics know of', async () => {
    await provider.search({ q: 'alpha', filters: {}, sort: 'date', limit: 5 }, all); // statistics read and kept
    const late = recordInput.parse({ type: 'guide', lang: 'en', title: 'Late', date: '2031-05-05', fullText: 'alpha, written later' });
    await bulkCreateRecords(t.db, secretariat, [{ input: late }]);
    const r = await provider.search({ q: 'alpha', filters: {}, sort: 'date', limit: 5 }, all);
    expect(r.items[0]!.title).toBe('Late');
    await check({ q: 'alpha', sort: 'date' }, all);
  });
  it('a month holding more matches than a slice may (the date index walks it)', async () => {
    // More matches in the newest month than the cap of a slice, for the first page and for the page after it.
    const dense = Array.from({ length: 4100 }, (_, i) => ({
      input: recordInput.parse({
        type: 'guide', lang: 'en', title: `Dense ${i}`, date: `2033-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        states: [STATES[i % STATES.length]!], access: i % 7 === 0 ? 'practitioners' : 'public', fullText: `delta and alpha ${i % 2 ? 'epsilon' : ''}`,
      }),
    }));
    await bulkCreateRecords(t.db, secretariat, dense);
    await sql`ANALYZE knowledge_search`.execute(t.db);
    const fresh = connect(t.url, { max: 2 }); // statistics are read once a minute per connection pool
    try {
      const p = new PostgresSearch(fresh.db);
      await check({ q: 'delta', sort: 'date' }, anonymous, p);
      await check({ q: 'delta epsilon', sort: 'date' }, member, p);
      await check({ q: 'delta' }, all, p);
      await check({ q: 'alpha', sort: 'date' }, all, p);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
