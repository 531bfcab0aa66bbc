import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractReferences, type Reference } from './index.ts';
import { LANGS } from './types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');
const corpus = path.join(here, '..', 'seed', 'corpus');

type Comparable = Omit<Reference, 'start' | 'end'>;
const strip = (r: Reference): Comparable => {
  const { start: _s, end: _e, ...rest } = r;
  return rest;
};

/** Precision and recall of `got` against `want`, as multisets of whole reference objects. */
export function score(want: Comparable[], got: Comparable[]): { precision: number; recall: number; tp: number } {
  const pool = new Map<string, number>();
  for (const w of want) pool.set(JSON.stringify(w), (pool.get(JSON.stringify(w)) ?? 0) + 1);
  let tp = 0;
  for (const g of got) {
    const k = JSON.stringify(g);
    const n = pool.get(k) ?? 0;
    if (n > 0) {
      tp++;
      pool.set(k, n - 1);
    }
  }
  return { precision: got.length ? tp / got.length : 1, recall: want.length ? tp / want.length : 1, tp };
}

function checkOffsets(text: string, refs: Reference[]) {
  let prev = -1;
  for (const r of refs) {
    expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(r.start).toBeGreaterThanOrEqual(prev);
    prev = r.start;
  }
}

describe('fixtures in the six languages', () => {
  for (const lang of LANGS) {
    it(`${lang}: output equals the expectations`, () => {
      const text = fs.readFileSync(path.join(fixtures, `${lang}.txt`), 'utf8');
      const want = JSON.parse(fs.readFileSync(path.join(fixtures, `${lang}.expected.json`), 'utf8')) as Comparable[];
      const refs = extractReferences(text, { lang });
      checkOffsets(text, refs);
      const got = refs.map(strip);
      const s = score(want, got);
      expect({ lang, precision: s.precision, recall: s.recall }).toEqual({ lang, precision: 1, recall: 1 });
      expect(got).toEqual(want);
      // Detection finds the same language as the fixture says.
      expect(extractReferences(text).map(strip)).toEqual(want);
    });
  }
});

describe('real Chinese documents (noisy PDF extraction)', () => {
  const load = (f: string) => {
    const text = fs.readFileSync(path.join(corpus, f), 'utf8');
    const refs = extractReferences(text);
    checkOffsets(text, refs);
    return refs;
  };
  const has = (refs: Reference[], partial: Partial<Record<string, unknown>>) =>
    refs.some((r) => Object.entries(partial).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v));

  it('wg2-2016-report', () => {
    const refs = load('wg2-2016-report.zh.txt');
    expect(has(refs, { kind: 'resolution', body: 'COP', number: '8/4', text: '第 8/4 号决议' })).toBe(true);
    expect(has(refs, { kind: 'decision', body: 'COP', number: '2/6', text: '第 2/6 号决定' })).toBe(true);
    expect(has(refs, { kind: 'decision', body: 'COP', number: '4/3' })).toBe(true);
    expect(has(refs, { kind: 'resolution', number: '7/1' })).toBe(true);
    expect(has(refs, { kind: 'resolution', number: '7/3' })).toBe(true);
    // 《联合国打击跨国有组织犯罪公约》第三十\n\n二条 — a page break inside the numeral
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 32, paragraph: null, text: '第三十\n\n二条' })).toBe(true);
    // 《公约》第三\n\n十二条第四款和第五款
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 32, paragraph: 4 })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 32, paragraph: 5 })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 23, text: '第二十三条' })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 6, text: '第六条' })).toBe(true);
    expect(has(refs, { kind: 'symbol', symbol: 'CTOC/COP/WG.2/2016/1' })).toBe(true);
    expect(has(refs, { kind: 'date', date: '2016-10-17' })).toBe(true);
    expect(has(refs, { kind: 'state', iso3: 'USA', text: '美利坚合众国' })).toBe(true);
    expect(has(refs, { kind: 'state', iso3: 'IRN', text: '伊朗伊斯兰共和国' })).toBe(true);
    // "第 1 次会议", "第一至第三章", "议程项目 2" are not articles.
    expect(refs.filter((r) => r.kind === 'article').map((r) => (r as { article: number }).article).sort((a, b) => a - b)).toEqual([6, 6, 6, 6, 23, 23, 23, 23, 23, 32, 32, 32, 32, 32]);
  });

  it('CTOC/COP/WG.3/2016/1', () => {
    const refs = load('CTOC-COP-WG.3-2016-1.zh.txt');
    expect(has(refs, { kind: 'symbol', symbol: 'CTOC/COP/WG.3/2016/1', start: refs.find((r) => r.kind === 'symbol')!.start })).toBe(true);
    // The symbol broken over two lines: "CTOC/COP/ \nWG.3/2016/2"
    expect(has(refs, { kind: 'symbol', symbol: 'CTOC/COP/WG.3/2016/2', text: 'CTOC/COP/ \nWG.3/2016/2' })).toBe(true);
    expect(has(refs, { kind: 'symbol', symbol: 'CTOC/COP/WG.3/2016/CRP.1' })).toBe(true);
    expect(has(refs, { kind: 'job-number', jobNumber: 'V.16-03174' })).toBe(true);
    expect(refs.some((r) => r.kind === 'symbol' && r.symbol.startsWith('V.'))).toBe(false);
    expect(has(refs, { kind: 'resolution', body: 'GA', number: '55/25' })).toBe(true);
    expect(has(refs, { kind: 'resolution', body: 'GA', number: '70/174' })).toBe(true);
    expect(has(refs, { kind: 'resolution', body: 'ECOSOC', number: '2005/14' })).toBe(true);
    expect(has(refs, { kind: 'decision', body: 'COP', number: '2/2' })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 16, paragraph: 5, subparagraph: 'a', text: '第 16 条第 5 款(a)项' })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 18, paragraph: 7, text: '第 18条第 7款' })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 1, text: '第 1\n条' })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 14, text: '第\n\n14 条' })).toBe(true);
    // 《1988 年公约》第 6、7、17 条
    for (const a of [6, 7, 17]) expect(has(refs, { kind: 'article', instrument: 'DRUG1988', article: a })).toBe(true);
    expect(has(refs, { kind: 'date', date: '2016-10-19', endDate: '2016-10-21' })).toBe(true);
    expect(has(refs, { kind: 'date', date: '2008-09-04' })).toBe(true);
    expect(has(refs, { kind: 'date', date: '2016-05-31', text: '31 May 2016' })).toBe(true);
    // The agenda has no rules of procedure, and nothing that is not a Convention or 1988 Convention article.
    expect(refs.filter((r) => r.kind === 'article' && r.instrument === null)).toEqual([]);
  });

  it('wg2-2013-report', () => {
    const refs = load('wg2-2013-report.zh.txt');
    expect(has(refs, { kind: 'decision', number: '2/6', text: '第2/6号决定' })).toBe(true);
    expect(has(refs, { kind: 'resolution', number: '6/1', body: 'COP' })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 24, text: '第 24 和 25 条' })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 25, text: '第 24 和 25 条' })).toBe(true);
    expect(has(refs, { kind: 'article', instrument: 'UNTOC', article: 26 })).toBe(true);
    expect(has(refs, { kind: 'symbol', symbol: 'CTOC/COP/WG.2/2013/INF/1/Rev.1' })).toBe(true);
    expect(has(refs, { kind: 'symbol', symbol: 'A/63/539' })).toBe(true);
    expect(has(refs, { kind: 'state', iso3: 'BOL', text: '多民族玻利维亚国' })).toBe(true);
    expect(has(refs, { kind: 'state', iso3: 'PSE', text: '巴勒斯坦国' })).toBe(true);
    expect(has(refs, { kind: 'state', iso3: 'IDN', text: '印度尼西亚' })).toBe(true);
    expect(has(refs, { kind: 'state', iso3: 'IND' })).toBe(false);
    expect(has(refs, { kind: 'date', date: '2013-10-29' })).toBe(true);
    // "上文第 5 段" is a paragraph of the report, not an article.
    expect(refs.filter((r) => r.kind === 'article').length).toBe(5);
  });
});

// How fast: `npm run bench:compute` (docs/PERFORMANCE.md), not a timed test.
describe('a long document', () => {
  it('a 200,000-character document in each language: the references of every copy are found', () => {
    const parts = LANGS.map((l) => fs.readFileSync(path.join(fixtures, `${l}.txt`), 'utf8'));
    for (const [i, l] of LANGS.entries()) {
      const once = extractReferences(parts[i]!, { lang: l }).length;
      let doc = '';
      let copies = 0;
      for (; doc.length < 200_000; copies++) doc += `${parts[i]}\n`;
      expect(extractReferences(doc, { lang: l }).length, l).toBe(once * copies);
    }
  });
});
