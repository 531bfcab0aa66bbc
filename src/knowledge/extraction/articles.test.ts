import { describe, expect, it } from 'vitest';
import { extractReferences, type ArticleReference, type Lang } from './index.ts';

function arts(text: string, lang: Lang) {
  const refs = extractReferences(text, { lang, kinds: ['article'] }) as ArticleReference[];
  for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
  return refs.map((r) => [r.instrument, r.article, r.paragraph, r.subparagraph, ...(r.target ? [r.target] : [])]);
}

describe('articles', () => {
  it('Chinese: lists, ranges, paragraphs, numerals, noise', () => {
    expect(arts('《公约》第 13、16 和 18 条', 'zh')).toEqual([['UNTOC', 13, null, null], ['UNTOC', 16, null, null], ['UNTOC', 18, null, null]]);
    expect(arts('第 14 至 17 条', 'zh').map((r) => r[1])).toEqual([14, 15, 16, 17]);
    expect(arts('第十八条第十三款', 'zh')).toEqual([['UNTOC', 18, 13, null]]);
    expect(arts('第 16 条第 5 款(a)项', 'zh')).toEqual([['UNTOC', 16, 5, 'a']]);
    expect(arts('第 16 条第 5 款（a）和（b）项', 'zh')).toEqual([['UNTOC', 16, 5, 'a'], ['UNTOC', 16, 5, 'b']]);
    expect(arts('第一百条', 'zh')).toEqual([['UNTOC', 100, null, null]]);
    expect(arts('第 18 条第\n13 款', 'zh')).toEqual([['UNTOC', 18, 13, null]]);
    expect(arts('第 １８ 条', 'zh')).toEqual([['UNTOC', 18, null, null]]);
    expect(arts('第 1 8 条', 'zh')).toEqual([['UNTOC', 18, null, null]]);
    expect(arts('第 18 条第 13 款，该条第 14 款', 'zh')).toEqual([['UNTOC', 18, 13, null], ['UNTOC', 18, 14, null]]);
    expect(arts('第 1 次会议；第一至第三章；第 5 段', 'zh')).toEqual([]);
  });
  it('Chinese: instruments and non-instruments', () => {
    expect(arts('《贩运人口议定书》第 5 条', 'zh')).toEqual([['TIP', 5, null, null]]);
    expect(arts('《偷运移民议定书》第 6 条；《枪支议定书》第 3 条；《联合国反腐败公约》第 46 条', 'zh')).toEqual([['SOM', 6, null, null], ['FIR', 3, null, null], ['UNCAC', 46, null, null]]);
    expect(arts('《贩运人口议定书》缔约国应实施《议定书》第 8 条', 'zh')).toEqual([['TIP', 8, null, null]]);
    expect(arts('议事规则第 22 条', 'zh')).toEqual([[null, 22, null, null, '议事规则']]);
    expect(arts('《刑法》第二百二十二条', 'zh')).toEqual([[null, 222, null, null, '刑法']]);
  });
  it('English', () => {
    expect(arts('article 18, paragraph 13', 'en')).toEqual([['UNTOC', 18, 13, null]]);
    expect(arts('paragraph 13 of article 18', 'en')).toEqual([['UNTOC', 18, 13, null]]);
    expect(arts('article 16, paragraph 5 (a)', 'en')).toEqual([['UNTOC', 16, 5, 'a']]);
    expect(arts('arts. 16(5)(a) and 18(13)', 'en')).toEqual([['UNTOC', 16, 5, 'a'], ['UNTOC', 18, 13, null]]);
    expect(arts('articles 24 and 25', 'en').map((r) => r[1])).toEqual([24, 25]);
    expect(arts('articles 24 to 26', 'en').map((r) => r[1])).toEqual([24, 25, 26]);
    expect(arts('article 18, paragraph 13, and paragraph 14', 'en')).toEqual([['UNTOC', 18, 13, null], ['UNTOC', 18, 14, null]]);
    expect(arts('article 5 of the Trafficking in Persons Protocol and article 6', 'en')).toEqual([['TIP', 5, null, null], ['TIP', 6, null, null]]);
    expect(arts('article 222 of the Criminal Code', 'en')).toEqual([[null, 222, null, null, 'Criminal Code']]);
    expect(arts('article 22 of the rules of procedure', 'en')).toEqual([[null, 22, null, null, 'rules of procedure']]);
    expect(arts('rule 22 of the rules of procedure; see paragraph 14 above', 'en')).toEqual([]);
  });
  it('French, Spanish, Russian, Arabic', () => {
    expect(arts("l'article 22 du règlement intérieur", 'fr')).toEqual([[null, 22, null, null, 'règlement intérieur']]);
    expect(arts('le paragraphe 13 de l’article 18 de la Convention', 'fr')).toEqual([['UNTOC', 18, 13, null]]);
    expect(arts('los artículos 16 y 18', 'es')).toEqual([['UNTOC', 16, null, null], ['UNTOC', 18, null, null]]);
    expect(arts('artículo 22 del reglamento', 'es')).toEqual([[null, 22, null, null, 'reglamento']]);
    expect(arts('статьи 16 и 18', 'ru')).toEqual([['UNTOC', 16, null, null], ['UNTOC', 18, null, null]]);
    expect(arts('статья 18, пункт 13', 'ru')).toEqual([['UNTOC', 18, 13, null]]);
    expect(arts('подпункт б) пункта 1 статьи 2 Протокола о торговле людьми', 'ru')).toEqual([['TIP', 2, 1, 'b']]);
    expect(arts('правило 22 правил процедуры', 'ru')).toEqual([]);
    expect(arts('المادتين 16 و18', 'ar')).toEqual([['UNTOC', 16, null, null], ['UNTOC', 18, null, null]]);
    expect(arts('المادة 18، الفقرة 13', 'ar')).toEqual([['UNTOC', 18, 13, null]]);
    expect(arts('الفقرة ١٣ من المادة ١٨', 'ar')).toEqual([['UNTOC', 18, 13, null]]);
    expect(arts('الفقرة الفرعية (ب) من الفقرة 1 من المادة 2', 'ar')).toEqual([['UNTOC', 2, 1, 'b']]);
    expect(arts('المادة 22 من النظام الداخلي', 'ar')).toEqual([[null, 22, null, null, 'النظام الداخلي']]);
  });
});
