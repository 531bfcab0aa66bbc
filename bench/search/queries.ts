import type { SearchQuery, Viewer } from '../../src/knowledge/search/search-provider.ts';
import type { CorpusPlan } from './corpus.ts';

/**
 * The fixed query mix, by class. Every class has several queries; each runs with one of four viewers
 * (anonymous twice, a member of the most frequent State, the secretariat). "page2" classes time the second
 * page, reached with the first page's cursor.
 */

export interface BenchQuery {
  cls: string;
  label: string;
  q: SearchQuery;
  viewer: Viewer;
  page2: boolean;
}

type Filters = SearchQuery['filters'];
interface Spec {
  q?: string;
  f?: Filters;
  years?: [number, number];
  sort?: 'relevance' | 'date';
}

export function queryMix(p: CorpusPlan): BenchQuery[] {
  const [s0, s1, s2] = p.states.map((s) => s.iso3);
  const g0 = p.states.find((s) => s.group)!.group!;
  const g1 = p.states.find((s) => s.group && s.group !== g0)!.group!;
  const classes: Record<string, Spec[]> = {
    rare: [{ q: 'hawala' }, { q: 'ransomware' }, { q: 'rançongiciel' }, { q: 'хавала' }, { q: 'mezclador de criptomonedas' }],
    single: [{ q: 'extradition' }, { q: 'firearms' }, { q: 'decomiso' }, { q: 'конфискация' }, { q: 'testimony' }],
    'two terms': [{ q: 'witness protection' }, { q: 'proceeds confiscation' }, { q: 'trata personas' }, { q: 'отмывание средств' }, { q: 'beneficial ownership' }],
    phrase: [{ q: '"mutual legal assistance"' }, { q: '"central authority"' }, { q: '"entraide judiciaire"' }, { q: '"autoridad central"' }, { q: '"joint investigation team"' }],
    'common 1': [{ q: 'convention' }, { q: 'measures' }, { q: 'cooperation' }, { q: 'article' }, { q: 'state' }],
    'common 2': [{ q: 'convention article' }, { q: 'state measures' }, { q: 'cooperation information' }, { q: 'competent authorities' }, { q: 'criminal offences' }],
    chinese: [{ q: '司法协助' }, { q: '中央机关' }, { q: '洗钱' }, { q: '公约' }, { q: '缔约国 措施' }],
    arabic: [{ q: 'المساعدة القانونية' }, { q: 'غسل الأموال' }, { q: 'الاتفاقية' }, { q: 'السلطة المركزيّة' }, { q: 'الدول الأطراف' }],
    '1 facet': [
      { q: 'convention', f: { state: [s0!] } }, { q: 'extradition', f: { type: ['case'] } }, { q: 'money laundering', f: { crime: ['money-laundering'] } },
      { q: '司法协助', years: [2015, 2026] }, { q: 'cooperation', f: { group: [g1] } },
    ],
    '2 facets': [
      { q: 'measures', f: { state: [s1!], type: ['legislation'] } }, { q: 'extradition', f: { group: [g0], crime: ['drug-trafficking'] } },
      { q: 'trafficking persons', f: { article: ['TIP:5'] }, years: [2010, 2020] }, { q: 'المساعدة القانونية', f: { type: ['case', 'legislation'], lang: ['ar'] } },
      { q: 'confiscation', f: { instrument: ['UNTOC'], cluster: ['international-cooperation'] } },
    ],
    '3 facets': [
      { q: 'convention', f: { state: [s0!], crime: ['money-laundering'], type: ['case'] } },
      { q: 'state measures', f: { group: [g0], type: ['legislation'] }, years: [2015, 2026] },
      { q: 'cooperation', f: { article: ['UNTOC:18'], lang: ['en'], access: ['public'] } },
      { q: 'extradition', f: { group: [g1], crime: ['drug-trafficking'] }, years: [2005, 2026] },
      { q: 'witness protection', f: { state: [s1!, s2!], type: ['case', 'legislation'], crime: ['obstruction-of-justice'] } },
    ],
    'common + 3 facets': [
      { q: 'convention', f: { group: [g0], type: ['case'], crime: ['trafficking-in-persons'] } },
      { q: 'measures', f: { state: [s0!], type: ['legislation'] }, years: [2010, 2026] },
      { q: 'criminal offences', f: { group: [g1], crime: ['money-laundering'], type: ['case', 'legislation'] } },
      { q: 'cooperation information', f: { article: ['UNTOC:18'], lang: ['en'] }, years: [2000, 2026] },
      { q: 'state', f: { group: [g0], lang: ['en'], type: ['recommendation'] } },
    ],
    browse: [
      { f: {} }, { f: { type: ['case'] } }, { f: { state: [s0!], type: ['legislation'] } },
      { f: { group: [g0], crime: ['trafficking-in-persons'], type: ['case'] } }, { f: { article: ['UNTOC:18:13'] }, years: [2018, 2026] },
    ],
    'date sort': [
      { q: 'extradition', sort: 'date' }, { q: 'convention', sort: 'date' }, { q: '洗钱', sort: 'date' }, { q: 'hawala', sort: 'date' },
      { q: 'state measures', f: { group: [g0], type: ['case'] }, sort: 'date' },
    ],
    'page 2 relevance': [{ q: 'convention' }, { q: 'extradition' }, { q: '司法协助' }, { q: 'measures', f: { state: [s0!], type: ['legislation'] } }, { q: '"central authority"' }],
    'page 2 date': [
      { q: 'convention', sort: 'date' }, { f: {} }, { q: 'extradition', f: { type: ['case'] }, sort: 'date' },
      { q: 'الاتفاقية', sort: 'date' }, { f: { group: [g0], crime: ['money-laundering'] } },
    ],
  };
  const viewers: Viewer[] = [{ level: 'public', state: null }, { level: 'member', state: s0! }, { level: 'public', state: null }, { level: 'all', state: null }];
  const out: BenchQuery[] = [];
  let v = 0;
  for (const [cls, specs] of Object.entries(classes)) {
    for (const s of specs) {
      const q: SearchQuery = { filters: s.f ?? {}, sort: s.sort ?? 'relevance', limit: 20 };
      if (s.q) q.q = s.q;
      if (s.years) [q.yearFrom, q.yearTo] = s.years;
      const filters = Object.entries(q.filters).map(([k, x]) => `${k}=${x!.join('|')}`);
      if (s.years) filters.push(`year=${s.years.join('-')}`);
      out.push({ cls, label: [s.q ?? '(all)', ...filters, q.sort === 'date' ? 'by date' : ''].filter(Boolean).join(' '), q, viewer: viewers[v++ % viewers.length]!, page2: cls.startsWith('page 2') });
    }
  }
  return out;
}
