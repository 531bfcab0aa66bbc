import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/roles.ts';
import { afterBulkLoad, bulkCreateRecords, type BulkItem } from '../ingest/bulk.ts';
import { recordInput } from '../knowledge.schemas.ts';
import { createRecord } from '../records.service.ts';
import { search } from '../search.service.ts';
import { MATCH_INDEX, MATCH_INDEX_SQL } from './maintenance.ts';
import type { SearchQuery } from './search-provider.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';

/**
 * The bulk path (src/knowledge/ingest/bulk.ts) must leave exactly what createRecord leaves: the same search
 * rows (same analysed text, same facets and keys), links, a first version, and an audit trail — so the same
 * searches give the same answers.
 */

const secretariat: Actor = {
  kind: 'user', id: '00000000-0000-0000-0000-000000000001', username: 'sec', displayName: 'x', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '',
};
const anonymous: Actor = { kind: 'anonymous' };

const raw: Array<Record<string, unknown>> = [
  { type: 'guide', lang: 'en', title: 'Drafting requests for mutual legal assistance', date: '2018-01-10', states: ['FRA'], crimes: ['money-laundering'],
    links: [{ predicate: 'cites', instrument: 'UNTOC', article: 18, paragraph: 13 }], details: { publisher: 'UNODC', url: 'https://example.org/guide' },
    fullText: 'Requests for mutual legal assistance should be sent to the central authority designated under article 18, paragraph 13.' },
  { type: 'case', lang: 'fr', title: 'Arrêt de la cour d’appel', date: '2020-06-15', states: ['FRA', 'BEL'], crimes: ['trafficking-in-persons'],
    details: { court: 'Cour d’appel de Paris', caseNumber: '19/01234', stage: 'appeal', charges: [{ statute: 'Code pénal, art. 225-4-1', verdict: 'convicted' }],
      cooperation: [{ kind: 'mla', requesting: 'FRA', requested: 'BEL', legalBasis: { kind: 'convention', instrument: 'UNTOC', article: 18 }, outcome: 'granted' }] },
    links: [{ predicate: 'cites', instrument: 'TIP', article: 3 }], fullText: 'Les enquêtes pénales ont montré le rôle du groupe criminel organisé.' },
  { type: 'legislation', lang: 'es', title: 'Ley de cooperación', date: '2015-05-05', states: ['MEX'], details: { lawTitle: 'Ley de cooperación internacional', lawNumber: '12/2015' },
    links: [{ predicate: 'implements', instrument: 'UNTOC', article: 16 }, { predicate: 'implements', instrument: 'UNTOC', article: 13, paragraph: 1 }],
    fullText: 'La investigación patrimonial permite el decomiso del producto del delito.' },
  { type: 'guide', lang: 'ru', title: 'Руководство', date: '2017-02-02', states: ['RUS'], fullText: 'Запросы о взаимной правовой помощи направляются центральному органу.' },
  { type: 'guide', lang: 'ar', title: 'دليل', date: '2017-04-04', states: ['EGY'], access: 'practitioners',
    fullText: 'تُرسَل طلبات والمساعدةِ القانونيّة المتبادلة إلى السلطة المركزية وفقاً لأحكام الاتفاقيّة.' },
  { type: 'cop-document', lang: 'zh', title: '关于中央机关的报告', date: '2016-10-19', states: ['CHN'], symbol: 'CTOC/COP/WG.3/2016/2', details: { symbols: ['CTOC/COP/WG.3/2016/2'] },
    links: [{ predicate: 'cites', instrument: 'UNTOC', article: 18, paragraph: 13 }], fullText: '各缔约国应指定一个中央机关负责接收司法协助请求，并将其通知秘书长。' },
  { type: 'cooperation-case', lang: 'en', title: 'Extradition file', date: '2022-02-02', access: 'state', accessState: 'FRA', states: ['FRA', 'BRA'],
    details: { cooperation: { kind: 'extradition', requesting: 'FRA', requested: 'BRA', legalBasis: { kind: 'convention', instrument: 'UNTOC', article: 16 }, outcome: 'granted' }, crimeType: 'drug-trafficking' },
    crimes: ['drug-trafficking'], fullText: 'Extradition granted on the basis of the Convention; mutual legal assistance also given.' },
  { type: 'bibliography', lang: 'en', title: 'A study without a date', states: [], details: { authors: ['A. Author'], year: 2011 }, fullText: 'Mutual legal assistance in practice.' },
];
const items: BulkItem[] = raw.map((r) => ({ input: recordInput.parse(r) }));

let perRecord: TestDatabase;
let bulk: TestDatabase;

beforeAll(async () => {
  [perRecord, bulk] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  for (const it of items) await createRecord(perRecord.db, secretariat, it.input);
  await bulkCreateRecords(bulk.db, secretariat, items, { batchSize: 3, concurrency: 2 });
});
afterAll(() => Promise.all([perRecord?.drop(), bulk?.drop()]));

/** Everything about a record that does not depend on its generated id, in title order. */
async function snapshot(t: TestDatabase) {
  const { rows } = await t.pool.query(`
    SELECT r.title, r.version, r.details, r.states, r.crimes, r.access, r.access_state, r.date::text,
           s.tsv::text AS tsv, s.config, s.type, s.lang, s.date::text AS s_date, s.sort_date::text, s.year, s.states AS s_states, s.groups,
           s.instruments, s.articles, s.clusters, s.crimes AS s_crimes, s.access AS s_access, s.access_state AS s_access_state, s.keys,
           (SELECT json_agg(json_build_array(l.predicate, l.target_kind, l.instrument, l.article, l.paragraph, l.origin) ORDER BY l.instrument, l.article, l.paragraph)
              FROM knowledge_links l WHERE l.record_id = r.id) AS links,
           (SELECT json_agg(json_build_array(v.version, v.note, v.snapshot->>'title', v.snapshot->>'full_text')) FROM knowledge_record_versions v WHERE v.record_id = r.id) AS versions
    FROM knowledge_records r JOIN knowledge_search s ON s.record_id = r.id ORDER BY r.title`);
  return rows;
}

const answer = async (t: TestDatabase, actor: Actor, q: Partial<SearchQuery>) => {
  const r = await search(t.db, actor, { filters: {}, sort: 'relevance', limit: 50, ...q });
  const titles = new Map((await t.pool.query('SELECT id, title FROM knowledge_records')).rows.map((x) => [x.id as string, x.title as string]));
  return { total: r.total, approximate: r.approximate, facets: r.facets, titles: r.items.map((i) => titles.get(i.id)).sort(), snippets: r.items.map((i) => i.snippet).sort() };
};

describe('bulk ingestion', () => {
  it('writes the same records, links, versions and search rows as createRecord', async () => {
    const [a, b] = [await snapshot(perRecord), await snapshot(bulk)];
    expect(b).toHaveLength(items.length);
    expect(b).toEqual(a);
  });

  it('audits each batch once, with the ids it created', async () => {
    const { rows } = await bulk.pool.query(`SELECT details FROM audit_log WHERE action = 'knowledge.bulk-create' ORDER BY seq`);
    expect(rows.map((r) => r.details.count as number).sort()).toEqual([2, 3, 3]);
    const ids = rows.flatMap((r) => r.details.ids as string[]);
    const { rows: records } = await bulk.pool.query('SELECT id FROM knowledge_records');
    expect(new Set(ids)).toEqual(new Set(records.map((r) => r.id)));
  });

  it('gives the same search answers', async () => {
    const queries: Array<[Actor, Partial<SearchQuery>]> = [
      [anonymous, { q: 'mutual legal assistance' }], [secretariat, { q: '"mutual legal assistance"' }], [anonymous, { q: '中央机关' }],
      [secretariat, { q: 'المساعدة القانونية' }], [anonymous, { q: 'enquete penale' }], [anonymous, {}], [secretariat, { sort: 'date' }],
      [anonymous, { filters: { article: ['UNTOC:18:13'] } }], [anonymous, { filters: { group: ['weog'] } }], [secretariat, { filters: { cluster: ['international-cooperation'] } }],
    ];
    for (const [actor, q] of queries) expect(await answer(bulk, actor, q), JSON.stringify(q)).toEqual(await answer(perRecord, actor, q));
  });

  it('rejects a batch with an invalid record as a whole, and names the record', async () => {
    const bad = { input: recordInput.parse({ type: 'case', lang: 'en', title: 'No court', details: { caseNumber: '1' } }) };
    const before = Number((await bulk.pool.query('SELECT count(*) FROM knowledge_records')).rows[0].count);
    await expect(bulkCreateRecords(bulk.db, secretariat, [items[0]!, bad], { batchSize: 10 })).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: 'items.1.details.court' })]) });
    await expect(bulkCreateRecords(bulk.db, anonymous, [items[0]!])).rejects.toThrow(/secretariat/);
    expect(Number((await bulk.pool.query('SELECT count(*) FROM knowledge_records')).rows[0].count)).toBe(before);
  });
});

describe('a first load (initialLoad, then afterBulkLoad)', () => {
  let first: TestDatabase;
  beforeAll(async () => {
    first = await createTestDatabase();
  });
  afterAll(() => first?.drop());

  const indexDef = async (t: TestDatabase) =>
    (await t.pool.query(`SELECT indexdef FROM pg_indexes WHERE indexname = $1`, [MATCH_INDEX])).rows[0]?.indexdef as string | undefined;

  it('builds the GIN index once at the end, as the migration defines it, and lays the rows out newest first', async () => {
    const migrated = await indexDef(perRecord);
    expect(MATCH_INDEX_SQL.replace(' IF NOT EXISTS', '')).toBe(migrated!.replace(' public.', ' ').replace(/ ON [a-z_.]*knowledge_search/, ' ON knowledge_search'));
    const during: Array<string | undefined> = [];
    await bulkCreateRecords(first.db, secretariat, items, { batchSize: 3, concurrency: 1, initialLoad: true, onBatch: async () => void during.push(await indexDef(first)) });
    expect(during).toEqual([undefined, undefined, undefined]);
    await afterBulkLoad(first.db);
    expect(await indexDef(first)).toBe(migrated);
    const { rows } = await first.pool.query(`SELECT sort_date::text AS d FROM knowledge_search ORDER BY ctid`);
    const dates = rows.map((r) => r.d as string);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates).size).toBeGreaterThan(5);
  });

  it('answers every search as the per-record path does', async () => {
    const queries: Array<[Actor, Partial<SearchQuery>]> = [
      [anonymous, { q: 'mutual legal assistance' }], [secretariat, { q: '"central authority"' }], [anonymous, { q: '中央机关' }],
      [secretariat, { q: 'المساعدة القانونية' }], [anonymous, { filters: { article: ['UNTOC:18:13'] } }], [secretariat, { sort: 'date' }],
    ];
    for (const [actor, q] of queries) expect(await answer(first, actor, q), JSON.stringify(q)).toEqual(await answer(perRecord, actor, q));
  });

  it('rebuilds the index when the load fails, and writes nothing of the failed batch', async () => {
    const before = Number((await first.pool.query('SELECT count(*) FROM knowledge_records')).rows[0].count);
    const bad = { input: recordInput.parse({ type: 'case', lang: 'en', title: 'No court', details: { caseNumber: '1' } }) };
    await expect(bulkCreateRecords(first.db, secretariat, [items[0]!, bad], { batchSize: 10, initialLoad: true })).rejects.toMatchObject({ issues: expect.any(Array) });
    expect(await indexDef(first)).toBe(await indexDef(perRecord));
    expect(Number((await first.pool.query('SELECT count(*) FROM knowledge_records')).rows[0].count)).toBe(before);
    async function* unreadable(): AsyncGenerator<BulkItem> {
      yield items[0]!;
      throw new Error('disk unreadable');
    }
    await expect(bulkCreateRecords(first.db, secretariat, unreadable(), { batchSize: 10, initialLoad: true })).rejects.toThrow('disk unreadable');
    expect(await indexDef(first)).toBe(await indexDef(perRecord));
  });
});
