import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../platform/auth/roles.ts';
import { createRecord, retireRecord } from '../records.service.ts';
import { recordInput } from '../knowledge.schemas.ts';
import { search } from '../search.service.ts';
import type { SearchQuery } from './search-provider.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';

const user = (roles: Role[], state: string | null): Actor => ({
  kind: 'user', id: '00000000-0000-0000-0000-000000000001', username: `u-${roles.join('-')}-${state}`, displayName: 'x', state, roles, demo: false, language: 'en', csrfToken: '',
});
const secretariat = user(['secretariat'], null);
const anonymous: Actor = { kind: 'anonymous' };
const fraOfficer = user(['officer'], 'FRA');
const deuOfficer = user(['officer'], 'DEU');

let t: TestDatabase;
const ids: Record<string, string> = {};

async function add(key: string, input: Record<string, unknown>) {
  ids[key] = (await createRecord(t.db, secretariat, recordInput.parse(input))).id;
}

function find(actor: Actor, q: Partial<SearchQuery>) {
  return search(t.db, actor, { filters: {}, sort: 'relevance', limit: 50, ...q });
}
const found = async (actor: Actor, q: Partial<SearchQuery>) => (await find(actor, q)).items.map((i) => Object.entries(ids).find(([, v]) => v === i.id)?.[0]).sort();

beforeAll(async () => {
  t = await createTestDatabase();
  const untoc18 = [{ predicate: 'cites', instrument: 'UNTOC', article: 18, paragraph: 13 }];
  await add('zhCentral', { type: 'cop-document', lang: 'zh', title: '关于中央机关的报告', date: '2016-10-19', states: ['CHN'], links: untoc18,
    fullText: '各缔约国应指定一个中央机关负责接收司法协助请求，并将其通知秘书长。' });
  await add('zhApart', { type: 'cop-document', lang: 'zh', title: '技术援助会议报告', date: '2013-10-30', states: ['NGA'],
    fullText: '中央政府已经采取了很多措施，加强能力建设、培训和技术援助。各国有关机关应当合作。' });
  await add('enMla', { type: 'guide', lang: 'en', title: 'Drafting requests', date: '2018-01-10', states: ['FRA'], links: untoc18, crimes: ['money-laundering'],
    fullText: 'Requests for mutual legal assistance in criminal investigations should be sent to the central authority. <script>alert(1)</script>' });
  await add('enScattered', { type: 'guide', lang: 'en', title: 'Assistance for victims', date: '2019-03-01', states: ['DEU'],
    fullText: 'Legal aid is mutual only in part; assistance to victims is provided by the State.' });
  await add('fr', { type: 'case', lang: 'fr', title: 'Arrêt de la cour d’appel', date: '2020-06-15', states: ['FRA'], crimes: ['trafficking-in-persons'],
    details: { court: 'Cour d’appel de Paris', caseNumber: '19/01234', stage: 'appeal' },
    fullText: 'Les enquêtes pénales ont montré le rôle du groupe criminel organisé.' });
  await add('es', { type: 'legislation', lang: 'es', title: 'Ley de cooperación', date: '2015-05-05', states: ['MEX'],
    details: { lawTitle: 'Ley de cooperación internacional' }, links: [{ predicate: 'implements', instrument: 'UNTOC', article: 16 }],
    fullText: 'La investigación patrimonial permite el decomiso del producto del delito.' });
  await add('ru', { type: 'guide', lang: 'ru', title: 'Руководство', date: '2017-02-02', states: ['RUS'],
    fullText: 'Запросы о взаимной правовой помощи направляются центральному органу.' });
  await add('ar', { type: 'guide', lang: 'ar', title: 'دليل', date: '2017-04-04', states: ['EGY'],
    fullText: 'تُرسَل طلبات والمساعدةِ القانونيّة المتبادلة إلى السلطة المركزية وفقاً لأحكام الاتفاقيّة.' });
  await add('practitioners', { type: 'guide', lang: 'en', title: 'Internal checklist', date: '2021-01-01', access: 'practitioners', states: ['ITA'],
    fullText: 'Checklist for mutual legal assistance requests, restricted to practitioners.' });
  await add('fraOnly', { type: 'cooperation-case', lang: 'en', title: 'Extradition file', date: '2022-02-02', access: 'state', accessState: 'FRA', states: ['FRA'],
    details: { cooperation: { kind: 'extradition', requesting: 'FRA', requested: 'BRA', legalBasis: { kind: 'convention', instrument: 'UNTOC', article: 16 }, outcome: 'granted' }, crimeType: 'drug-trafficking' },
    fullText: 'Extradition granted on the basis of the Convention; mutual legal assistance also given.' });
});
afterAll(() => t.drop());

describe('Chinese', () => {
  it('finds 中央机关 as a word, and not where 中央 and 机关 stand apart', async () => {
    expect(await found(anonymous, { q: '中央机关' })).toEqual(['zhCentral']);
    expect(await found(anonymous, { q: '中央' })).toEqual(['zhApart', 'zhCentral']);
  });

  it('requires every word of a query (segmented), and phrases as written', async () => {
    expect(await found(anonymous, { q: '司法协助请求' })).toEqual(['zhCentral']);
    expect(await found(anonymous, { q: '中央机关 培训' })).toEqual([]);
    expect(await found(anonymous, { q: '"技术援助"' })).toEqual(['zhApart']);
  });

  it('marks the matched words in the snippet', async () => {
    const r = await find(anonymous, { q: '中央机关' });
    expect(r.items[0]!.snippet).toContain('<mark>中央机关</mark>');
  });
});

describe('Arabic', () => {
  it('matches across diacritics, the conjunction wa- and alef / ta-marbuta variants', async () => {
    expect(await found(anonymous, { q: 'المساعدة القانونية' })).toEqual(['ar']);
    expect(await found(anonymous, { q: 'الاتفاقيه' })).toEqual(['ar']);
    expect(await found(anonymous, { q: 'السلطة المركزيّة' })).toEqual(['ar']);
  });
});

describe('stemming and accents', () => {
  it('English: investigations → investigation', async () => {
    expect(await found(anonymous, { q: 'investigations' })).toEqual(['enMla']);
  });
  it('French without accents: "enquete penale" finds "enquêtes pénales"', async () => {
    expect(await found(anonymous, { q: 'enquete penale' })).toEqual(['fr']);
  });
  it('Spanish without accents: "investigacion" finds "investigación"', async () => {
    expect(await found(anonymous, { q: 'investigacion patrimonial' })).toEqual(['es']);
  });
  it('Russian: помощь finds помощи', async () => {
    expect(await found(anonymous, { q: 'правовая помощь' })).toEqual(['ru']);
  });
  it('a quoted phrase must occur as written', async () => {
    expect(await found(anonymous, { q: 'legal assistance mutual' })).toEqual(['enMla', 'enScattered']);
    expect(await found(anonymous, { q: '"mutual legal assistance"' })).toEqual(['enMla']);
  });
});

describe('filters, facets and sorting', () => {
  it('filters by article (with or without paragraph), cluster, group, type and year', async () => {
    expect(await found(anonymous, { filters: { article: ['UNTOC:18'] } })).toEqual(['enMla', 'zhCentral']);
    expect(await found(anonymous, { filters: { article: ['UNTOC:18:13'] } })).toEqual(['enMla', 'zhCentral']);
    expect(await found(anonymous, { filters: { cluster: ['international-cooperation'] } })).toEqual(['enMla', 'es', 'zhCentral']);
    expect(await found(anonymous, { filters: { group: ['weog'] } })).toEqual(['enMla', 'enScattered', 'fr']);
    expect(await found(anonymous, { filters: { type: ['case', 'legislation'] } })).toEqual(['es', 'fr']);
    expect(await found(anonymous, { yearFrom: 2016, yearTo: 2017 })).toEqual(['ar', 'ru', 'zhCentral']);
  });

  it('counts facets over what matches', async () => {
    const r = await find(anonymous, { filters: { group: ['weog'] } });
    expect(r.total).toBe(3);
    expect(r.facets.type).toEqual({ guide: 2, case: 1 });
    expect(r.facets.state).toEqual({ FRA: 2, DEU: 1 });
    expect(r.facets.crime).toEqual({ 'money-laundering': 1, 'trafficking-in-persons': 1 });
    expect(r.facets.article).toEqual({ 'UNTOC:18': 1, 'UNTOC:18:13': 1 });
    expect(r.facets.year).toEqual({ '2018': 1, '2019': 1, '2020': 1 });
  });

  it('sorts by date and pages with a cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await find(anonymous, { sort: 'date', limit: 3, cursor });
      seen.push(...r.items.map((i) => i.date!));
      cursor = r.next ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('pages by relevance too', async () => {
    const all = (await find(anonymous, { q: 'assistance', limit: 50 })).items.map((i) => i.id);
    const first = await find(anonymous, { q: 'assistance', limit: 1 });
    const second = await find(anonymous, { q: 'assistance', limit: 50, cursor: first.next! });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all);
  });

  it('escapes the text of snippets', async () => {
    const r = await find(anonymous, { q: 'central authority' });
    const en = r.items.find((i) => i.id === ids.enMla)!;
    expect(en.snippet).toMatch(/<mark>central<\/mark> <mark>authority<\/mark>/);
    expect(en.snippet).not.toContain('<script>');
  });
});

describe('access levels: a restricted record never shows to someone who may not see it', () => {
  it('anonymous users see neither practitioners’ nor State records, in results or in counts', async () => {
    const r = await find(anonymous, { q: 'mutual legal assistance' });
    expect(r.items.map((i) => i.id)).not.toContain(ids.practitioners);
    expect(r.items.map((i) => i.id)).not.toContain(ids.fraOnly);
    expect(r.facets.access).toEqual({ public: 2 });
    expect(r.facets.state?.ITA).toBeUndefined();
  });

  it('a French officer sees practitioners’ and French records; a German one not the French record', async () => {
    expect(await found(fraOfficer, { filters: { access: ['practitioners', 'state'] } })).toEqual(['fraOnly', 'practitioners']);
    expect(await found(deuOfficer, { filters: { access: ['practitioners', 'state'] } })).toEqual(['practitioners']);
    const facets = (await find(deuOfficer, {})).facets;
    expect(facets.access).toEqual({ public: 8, practitioners: 1 });
    expect(facets.type?.['cooperation-case']).toBeUndefined();
  });

  it('the secretariat sees everything', async () => {
    expect((await find(secretariat, {})).total).toBe(10);
  });
});

describe('retired records', () => {
  it('leave the search at once', async () => {
    await retireRecord(t.db, secretariat, ids.enScattered!, 'duplicate');
    expect(await found(anonymous, { q: 'victims' })).toEqual([]);
  });
});
