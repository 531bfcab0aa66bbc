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

  it('a coordinated list gives each article its own paragraph', () => {
    const want = [['UNTOC', 16, 16, null], ['UNTOC', 18, 26, null]];
    expect(arts('articles 16, paragraph 16, and 18, paragraph 26, of the Convention', 'en')).toEqual(want);
    expect(arts('les articles 16, paragraphe 16, et 18, paragraphe 26, de la Convention', 'fr')).toEqual(want);
    expect(arts('los artículos 16, párrafo 16, y 18, párrafo 26, de la Convención', 'es')).toEqual(want);
    // a paragraph list without a restated keyword stays one article's
    expect(arts('article 18, paragraphs 13, 14 and 15', 'en')).toEqual([['UNTOC', 18, 13, null], ['UNTOC', 18, 14, null], ['UNTOC', 18, 15, null]]);
  });

  it("a Protocol's own text: its article headings are the Protocol's, article 1 ('relation with the Convention') too", () => {
    const som = 'Protocol against the Smuggling of Migrants by Land, Sea and Air\n\nArticle 1\nRelation with the United Nations Convention against Transnational Organized Crime\n\n1. This Protocol supplements the Convention.\n\nArticle 2\nStatement of purpose\n\nArticle 6\nCriminalization';
    expect(arts(som, 'en')).toEqual([['SOM', 1, null, null], ['SOM', 2, null, null], ['SOM', 6, null, null]]);
    const tip = 'Protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants\n\nArticle premier. Relation avec la Convention des Nations Unies contre la criminalité transnationale organisée\n\nArticle 2. Objet';
    expect(arts(tip, 'fr')).toEqual([['TIP', 1, null, null], ['TIP', 2, null, null]]);
    const zh = '《关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书》\n\n第一条 与《联合国打击跨国有组织犯罪公约》的关系\n\n第二条 宗旨';
    expect(arts(zh, 'zh')).toEqual([['TIP', 1, null, null], ['TIP', 2, null, null]]);
    // a sentence in that text that names the Convention keeps it; a Conference document's headings stay the Convention's
    expect(arts(`${som}\n\nArticle 37 of the Convention applies.`, 'en').at(-1)).toEqual(['UNTOC', 37, null, null]);
    expect(arts('Report of the Working Group on International Cooperation\n\nArticle 18\nMutual legal assistance', 'en')).toEqual([['UNTOC', 18, null, null]]);
  });

  it('"the Convention" with no instrument named nearby is UNTOC in all six languages', () => {
    const want = [['UNTOC', 18, 13, null]];
    expect(arts('Under article 18, paragraph 13, of the Convention, each State party shall designate a central authority.', 'en')).toEqual(want);
    expect(arts('En vertu du paragraphe 13 de l’article 18 de la Convention, chaque État partie désigne une autorité centrale.', 'fr')).toEqual(want);
    expect(arts('Con arreglo al párrafo 13 del artículo 18 de la Convención, cada Estado parte designará una autoridad central.', 'es')).toEqual(want);
    expect(arts('В соответствии с пунктом 13 статьи 18 Конвенции каждое государство-участник назначает центральный орган.', 'ru')).toEqual(want);
    expect(arts('وفقا للفقرة 13 من المادة 18 من الاتفاقية، تعين كل دولة طرف سلطة مركزية.', 'ar')).toEqual(want);
    expect(arts('根据《公约》第十八条第十三款，各缔约国应指定一个中央机关。', 'zh')).toEqual(want);
  });
});
