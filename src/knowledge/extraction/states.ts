/**
 * States named in a text, as ISO 3166-1 alpha-3. Names come from i18n-iso-countries (all variants) and
 * the UN's own forms (UN_NAMES below); Russian names are declined, Arabic ones take the usual clitics
 * (و ف ب ل ك, لل for ال). Matching is on a trie, longest match first, left to right, so "Papua New Guinea"
 * is never "Guinea", "Nigeria" never "Niger" (word boundaries) and "发展中国家" never 中国 (exclusions).
 * Latin and Cyrillic names must start with a capital letter ("Chad", not "chad").
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { isHan } from './context.ts';
import { foldTable } from './numbers.ts';
import type { DocContext } from './context.ts';
import type { Lang, StateReference } from './types.ts';

const require = createRequire(import.meta.url);

type Names = Partial<Record<Lang, string[]>>;

/** UN official and common forms that i18n-iso-countries lacks, by alpha-3. */
const UN_NAMES: Record<string, Names> = {
  USA: { en: ['United States of America', 'United States'], fr: ["États-Unis d'Amérique", 'États-Unis'], es: ['Estados Unidos de América', 'Estados Unidos'], ru: ['Соединенные Штаты Америки', 'Соединенные Штаты', 'США'], ar: ['الولايات المتحدة الأمريكية', 'الولايات المتحدة الامريكية', 'الولايات المتحدة'], zh: ['美利坚合众国', '美国'] },
  GBR: { en: ['United Kingdom of Great Britain and Northern Ireland', 'United Kingdom'], fr: ["Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", 'Royaume-Uni'], es: ['Reino Unido de Gran Bretaña e Irlanda del Norte', 'Reino Unido'], ru: ['Соединенное Королевство Великобритании и Северной Ирландии', 'Соединенное Королевство', 'Великобритания'], ar: ['المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية', 'المملكة المتحدة لبريطانيا العظمى وايرلندا الشمالية', 'المملكة المتحدة'], zh: ['大不列颠及北爱尔兰联合王国', '联合王国', '英国'] },
  RUS: { en: ['Russian Federation', 'Russia'], fr: ['Fédération de Russie', 'Russie'], es: ['Federación de Rusia', 'Rusia'], ru: ['Российская Федерация', 'Россия'], ar: ['الاتحاد الروسي', 'روسيا'], zh: ['俄罗斯联邦', '俄罗斯'] },
  BOL: { en: ['Bolivia (Plurinational State of)', 'Plurinational State of Bolivia', 'Bolivia'], fr: ['Bolivie (État plurinational de)', 'État plurinational de Bolivie', 'Bolivie'], es: ['Bolivia (Estado Plurinacional de)', 'Estado Plurinacional de Bolivia', 'Bolivia'], ru: ['Боливия (Многонациональное Государство)', 'Многонациональное Государство Боливия', 'Боливия'], ar: ['بوليفيا (دولة - المتعددة القوميات)', 'دولة بوليفيا المتعددة القوميات', 'بوليفيا'], zh: ['多民族玻利维亚国', '玻利维亚'] },
  IRN: { en: ['Iran (Islamic Republic of)', 'Islamic Republic of Iran', 'Iran'], fr: ["Iran (République islamique d')", "République islamique d'Iran", 'Iran'], es: ['Irán (República Islámica del)', 'República Islámica del Irán', 'República Islámica de Irán', 'Irán'], ru: ['Иран (Исламская Республика)', 'Исламская Республика Иран', 'Иран'], ar: ['إيران (جمهورية - الإسلامية)', 'جمهورية إيران الإسلامية', 'إيران'], zh: ['伊朗伊斯兰共和国', '伊朗'] },
  VEN: { en: ['Venezuela (Bolivarian Republic of)', 'Bolivarian Republic of Venezuela', 'Venezuela'], fr: ['Venezuela (République bolivarienne du)', 'République bolivarienne du Venezuela', 'Venezuela'], es: ['Venezuela (República Bolivariana de)', 'República Bolivariana de Venezuela', 'Venezuela'], ru: ['Венесуэла (Боливарианская Республика)', 'Боливарианская Республика Венесуэла', 'Венесуэла'], ar: ['فنزويلا (جمهورية - البوليفارية)', 'جمهورية فنزويلا البوليفارية', 'فنزويلا'], zh: ['委内瑞拉玻利瓦尔共和国', '委内瑞拉'] },
  KOR: { en: ['Republic of Korea'], fr: ['République de Corée'], es: ['República de Corea'], ru: ['Республика Корея'], ar: ['جمهورية كوريا'], zh: ['大韩民国', '韩国'] },
  PRK: { en: ["Democratic People's Republic of Korea"], fr: ['République populaire démocratique de Corée'], es: ['República Popular Democrática de Corea'], ru: ['Корейская Народно-Демократическая Республика', 'КНДР'], ar: ['جمهورية كوريا الشعبية الديمقراطية'], zh: ['朝鲜民主主义人民共和国', '朝鲜'] },
  SYR: { en: ['Syrian Arab Republic', 'Syria'], fr: ['République arabe syrienne', 'Syrie'], es: ['República Árabe Siria', 'Siria'], ru: ['Сирийская Арабская Республика', 'Сирия'], ar: ['الجمهورية العربية السورية', 'سوريا'], zh: ['阿拉伯叙利亚共和国', '叙利亚'] },
  MDA: { en: ['Republic of Moldova', 'Moldova'], fr: ['République de Moldova', 'Moldova', 'Moldavie'], es: ['República de Moldova', 'Moldova'], ru: ['Республика Молдова', 'Молдова'], ar: ['جمهورية مولدوفا', 'مولدوفا'], zh: ['摩尔多瓦共和国', '摩尔多瓦'] },
  TZA: { en: ['United Republic of Tanzania', 'Tanzania'], fr: ['République-Unie de Tanzanie', 'Tanzanie'], es: ['República Unida de Tanzanía', 'Tanzanía'], ru: ['Объединенная Республика Танзания', 'Танзания'], ar: ['جمهورية تنزانيا المتحدة', 'تنزانيا'], zh: ['坦桑尼亚联合共和国', '坦桑尼亚'] },
  TUR: { en: ['Türkiye', 'Turkiye', 'Turkey'], fr: ['Türkiye', 'Turquie'], es: ['Türkiye', 'Turquía'], ru: ['Турция', 'Турецкая Республика', 'Тюркийе'], ar: ['تركيا', 'تركيه'], zh: ['土耳其'] },
  VNM: { en: ['Viet Nam', 'Vietnam'], fr: ['Viet Nam'], es: ['Viet Nam'], ru: ['Вьетнам', 'Социалистическая Республика Вьетнам'], ar: ['فييت نام'], zh: ['越南'] },
  LAO: { en: ["Lao People's Democratic Republic"], fr: ['République démocratique populaire lao'], es: ['República Democrática Popular Lao'], ru: ['Лаосская Народно-Демократическая Республика'], ar: ['جمهورية لاو الديمقراطية الشعبية'], zh: ['老挝人民民主共和国'] },
  CZE: { en: ['Czechia', 'Czech Republic'], fr: ['Tchéquie', 'République tchèque'], es: ['Chequia', 'República Checa'], ru: ['Чехия', 'Чешская Республика'], ar: ['تشيكيا', 'الجمهورية التشيكية'], zh: ['捷克共和国', '捷克'] },
  CIV: { en: ["Côte d'Ivoire"], fr: ["Côte d'Ivoire"], es: ["Côte d'Ivoire"], ru: ["Кот-д'Ивуар"], ar: ['كوت ديفوار'], zh: ['科特迪瓦'] },
  PSE: { en: ['State of Palestine'], fr: ['État de Palestine'], es: ['Estado de Palestina'], ru: ['Государство Палестина'], ar: ['دولة فلسطين'], zh: ['巴勒斯坦国'] },
  VAT: { en: ['Holy See'], fr: ['Saint-Siège'], es: ['Santa Sede'], ru: ['Святой Престол'], ar: ['الكرسي الرسولي'], zh: ['教廷'] },
  MKD: { en: ['North Macedonia', 'former Yugoslav Republic of Macedonia'], fr: ['Macédoine du Nord', 'ex-République yougoslave de Macédoine'], es: ['Macedonia del Norte', 'ex República Yugoslava de Macedonia'], ru: ['Северная Македония', 'бывшая югославская Республика Македония'], ar: ['مقدونيا الشمالية', 'جمهورية مقدونيا اليوغوسلافية السابقة'], zh: ['北马其顿', '前南斯拉夫的马其顿共和国'] },
  FSM: { en: ['Micronesia (Federated States of)'], fr: ['Micronésie (États fédérés de)'], es: ['Micronesia (Estados Federados de)'], ru: ['Микронезия (Федеративные Штаты)'], ar: ['ميكرونيزيا (ولايات - الموحدة)'], zh: ['密克罗尼西亚联邦'] },
  COD: { en: ['Democratic Republic of the Congo'], fr: ['République démocratique du Congo'], es: ['República Democrática del Congo'], ru: ['Демократическая Республика Конго'], ar: ['جمهورية الكونغو الديمقراطية'], zh: ['刚果民主共和国'] },
  COG: { en: ['Congo'], fr: ['Congo'], es: ['Congo'], ru: ['Конго'], ar: ['الكونغو'], zh: ['刚果'] },
  CHN: { en: ['China'], fr: ['Chine'], es: ['China'], ru: ['Китай', 'Китайская Народная Республика'], ar: ['الصين'], zh: ['中华人民共和国', '中国'] },
  NLD: { en: ['Netherlands', 'Kingdom of the Netherlands'], fr: ['Pays-Bas', 'Royaume des Pays-Bas'], es: ['Países Bajos', 'Reino de los Países Bajos'], ru: ['Нидерланды', 'Королевство Нидерландов'], ar: ['هولندا', 'مملكة هولندا'], zh: ['荷兰', '荷兰王国'] },
  CPV: { en: ['Cabo Verde'], fr: ['Cabo Verde'], es: ['Cabo Verde'], ru: ['Кабо-Верде'], ar: ['كابو فيردي'], zh: ['佛得角'] },
  SWZ: { en: ['Eswatini', 'Swaziland'], fr: ['Eswatini'], es: ['Eswatini'], ru: ['Эсватини'], ar: ['إسواتيني'], zh: ['斯威士兰', '埃斯瓦蒂尼'] },
  BRN: { en: ['Brunei Darussalam'], fr: ['Brunéi Darussalam'], es: ['Brunei Darussalam'], ru: ['Бруней-Даруссалам'], ar: ['بروني دار السلام'], zh: ['文莱达鲁萨兰国', '文莱'] },
  ARE: { en: ['United Arab Emirates'], fr: ['Émirats arabes unis'], es: ['Emiratos Árabes Unidos'], ru: ['Объединенные Арабские Эмираты'], ar: ['الإمارات العربية المتحدة'], zh: ['阿拉伯联合酋长国'] },
  SAU: { ar: ['المملكة العربية السعودية'], zh: ['沙特阿拉伯'] },
  DOM: { ar: ['الجمهورية الدومينيكية'], zh: ['多米尼加共和国'] },
  CAF: { ar: ['جمهورية أفريقيا الوسطى'], zh: ['中非共和国'] },
  EGY: { zh: ['埃及'] },
  IDN: { zh: ['印度尼西亚', '印尼'] },
  DZA: { zh: ['阿尔及利亚'] },
  KAZ: { ru: ['Казахстан'] },
  MAR: { ar: ['المغرب'] },
  BIH: { zh: ['波斯尼亚和黑塞哥维那'] },
  GIN: { ar: ['غينيا'] },
};

/** More UN forms, [alpha-3, language, name]. */
const MORE: [string, Lang, string][] = [
  ['BLR', 'fr', 'Bélarus'], ['KNA', 'fr', 'Saint-Kitts-et-Nevis'], ['STP', 'fr', 'Sao Tomé-et-Principe'], ['VCT', 'fr', 'Saint-Vincent-et-les Grenadines'],
  ['BLR', 'es', 'Belarús'], ['GNB', 'es', 'Guinea-Bissau'], ['KAZ', 'es', 'Kazajstán'], ['NZL', 'es', 'Nueva Zelandia'], ['ROU', 'es', 'Rumania'],
  ['TTO', 'es', 'Trinidad y Tabago'], ['ZWE', 'es', 'Zimbabwe'], ['KEN', 'es', 'Kenya'],
  ['BHS', 'ru', 'Багамские Острова'], ['KGZ', 'ru', 'Кыргызстан'], ['TKM', 'ru', 'Туркменистан'], ['ZAF', 'ru', 'Южная Африка'],
  ['CAF', 'ru', 'Центральноафриканская Республика'],
  ['BHS', 'ar', 'جزر البهاما'], ['BLR', 'ar', 'بيلاروس'], ['CHL', 'ar', 'شيلي'], ['DNK', 'ar', 'الدانمرك'], ['ECU', 'ar', 'إكوادور'],
  ['GAB', 'ar', 'غابون'], ['GNB', 'ar', 'غينيا - بيساو'], ['GNB', 'ar', 'غينيا-بيساو'], ['HUN', 'ar', 'هنغاريا'], ['LUX', 'ar', 'لكسمبرغ'],
  ['MLT', 'ar', 'مالطة'], ['MOZ', 'ar', 'موزامبيق'], ['MMR', 'ar', 'ميانمار'], ['LKA', 'ar', 'سري لانكا'], ['THA', 'ar', 'تايلند'],
  ['TLS', 'ar', 'تيمور - ليشتي'], ['TLS', 'ar', 'تيمور-ليشتي'], ['URY', 'ar', 'أوروغواي'], ['ZWE', 'ar', 'زمبابوي'],
];

/** Names that need more context than a match: [lang, name, test(before, after) → keep]. */
const GUARDS: [Lang, string, (before: string, after: string) => boolean][] = [
  // Chinese: X国 followed by 际/家/内… is "X" + 国际/国家/国内 (司法国际合作, 发展中国家).
  ...['中国', '美国', '法国', '德国', '英国', '泰国', '韩国'].map((n) => ['zh', n, (_b: string, a: string) => !/^\s*[际家内民籍务有情别库土境防会]/.test(a)] as [Lang, string, (b: string, a: string) => boolean]),
  ['zh', '中国', (b) => !/发展$/.test(b)],
  ['zh', '印度', (_b, a) => !/^\s*洋/.test(a)],
  ['zh', '几内亚', (_b, a) => !/^\s*湾/.test(a)],
  ['zh', '智利', (b, a) => !/^\s*用/.test(a) && !/[明理]$/.test(b)],
  ['zh', '加纳', (b, a) => !/^\s*入/.test(a) && !/[增参追]$/.test(b)],
  ['zh', '海地', (b, a) => !/^\s*区/.test(a) && !/[沿近海]$/.test(b)],
  ['zh', '南非', (b, a) => !/^\s*洲/.test(a) && !/以$/.test(b)],
  ['zh', '中非', (_b, a) => !/^\s*[洲部]/.test(a)],
  ['zh', '爱尔兰', (b) => !/北$/.test(b)],
  ['zh', '马里', (_b, a) => !/^\s*兰/.test(a)],
  ['zh', '黑山', (b) => !/[的座]$/.test(b)],
  ['en', 'ireland', (b) => !/northern\s+$/i.test(b)],
  ['en', 'guinea', (b) => !/gulf\s+of\s+$/i.test(b)],
  ['en', 'jordan', (_b, a) => !/^\s+\p{Lu}\p{Ll}/u.test(a)],
  ['en', 'chad', (_b, a) => !/^\s+\p{Lu}\p{Ll}/u.test(a)],
  ['fr', 'irlande', (_b, a) => !/^\s+du\s+nord/i.test(a)],
  ['fr', 'guinée', (b) => !/golfe\s+de\s+$/i.test(b)],
  ['fr', 'maurice', (_b, a) => !/^\s+\p{Lu}\p{Ll}/u.test(a)],
  ['fr', 'dominique', (_b, a) => !/^\s+\p{Lu}\p{Ll}/u.test(a)],
  ['es', 'irlanda', (_b, a) => !/^\s+del\s+norte/i.test(a)],
  ['es', 'guinea', (b) => !/golfo\s+de\s+$/i.test(b)],
  ['ru', 'ирландия', (b) => !/северн\S*\s+$/i.test(b)],
  ['ru', 'того', (_b, a) => !/^\s+же/.test(a)],
  ['ar', 'مالي', (b, a) => /(?:^|[،,:؛(]\s*|\sو)$/.test(b) || /^\s*[،,)]/.test(a) || /^\s+و/.test(a)],
  ['ar', 'بنين', (b, a) => /(?:^|[،,:؛(]\s*|\sو)$/.test(b) || /^\s*[،,)]/.test(a) || /^\s+و/.test(a)],
  ['ar', 'ايرلندا', (_b, a) => !/^\s+الشمالي/.test(a)],
];

/** Names dropped from i18n-iso-countries: ambiguous abbreviations. */
const DROP = new Set(['US', 'U.S.', 'UAE', 'UK', 'DR Congo']);

const TRIE_SPECIAL: Record<string, string> = { 'ى': 'ي', 'ة': 'ه', 'ـ': '' };
/** Folding for the trie: the shadow's folding plus ى→ي, ة→ه, tatweel dropped. */
function fold(ch: string): string {
  const sp = TRIE_SPECIAL[ch];
  if (sp !== undefined) return sp;
  return String.fromCharCode(foldTable()[ch.charCodeAt(0)]!);
}
function foldString(s: string): string {
  let out = '';
  for (const ch of s.replace(/\s+/g, ' ').trim()) out += fold(ch);
  return out;
}

interface Node {
  next: Map<number, Node>;
  iso3?: string;
}

let TRIE_TABLE: Uint16Array | null = null;
let LETTERS: Uint8Array | null = null;
/** The trie's folding by code unit (0: skip the character) and which code units are letters or digits. */
function tables(): [Uint16Array, Uint8Array] {
  if (!TRIE_TABLE || !LETTERS) {
    const t = new Uint16Array(foldTable());
    for (const [k, v] of Object.entries(TRIE_SPECIAL)) t[k.charCodeAt(0)] = v ? v.charCodeAt(0) : 0;
    const l = new Uint8Array(65536);
    for (let i = 0; i < 65536; i++) if (!(i >= 0xd800 && i <= 0xdfff) && LETTER.test(String.fromCharCode(i))) l[i] = 1;
    TRIE_TABLE = t;
    LETTERS = l;
  }
  return [TRIE_TABLE, LETTERS];
}
const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0xfeff;

// ------------------------------------------------------------------- Russian declension of names

/** Case endings (nominative, genitive, dative, accusative, instrumental, prepositional) by nominative ending. */
const PARADIGMS: [RegExp, number, string[][]][] = [
  [/ая$/, 2, [['ая', 'ой', 'ой', 'ую', 'ой', 'ой']]],
  [/яя$/, 2, [['яя', 'ей', 'ей', 'юю', 'ей', 'ей']]],
  [/ое$/, 2, [['ое', 'ого', 'ому', 'ое', 'ым', 'ом']]],
  [/ее$/, 2, [['ее', 'его', 'ему', 'ее', 'им', 'ем']]],
  [/ый$/, 2, [['ый', 'ого', 'ому', 'ый', 'ым', 'ом']]],
  [/ий$/, 2, [['ий', 'ого', 'ому', 'ий', 'им', 'ом']]],
  [/ой$/, 2, [['ой', 'ого', 'ому', 'ой', 'ым', 'ом']]],
  [/ые$/, 2, [['ые', 'ых', 'ым', 'ые', 'ыми', 'ых']]],
  [/ие$/, 2, [['ие', 'их', 'им', 'ие', 'ими', 'их']]],
  [/ия$/, 2, [['ия', 'ии', 'ии', 'ию', 'ией', 'ии']]],
  [/ея$/, 2, [['ея', 'еи', 'ее', 'ею', 'еей', 'ее']]],
  [/ья$/, 2, [['ья', 'ьи', 'ье', 'ью', 'ьей', 'ье']]],
  [/острова$/, 1, [['а', 'ов', 'ам', 'а', 'ами', 'ах']]],
  [/[гкхжшчщ]а$/, 1, [['а', 'и', 'е', 'у', 'ой', 'е']]],
  [/а$/, 1, [['а', 'ы', 'е', 'у', 'ой', 'е']]],
  [/я$/, 1, [['я', 'и', 'е', 'ю', 'ей', 'е']]],
  [/й$/, 1, [['й', 'я', 'ю', 'й', 'ем', 'е']]],
  [/ь$/, 1, [['ь', 'я', 'ю', 'ь', 'ем', 'е'], ['ь', 'и', 'и', 'ь', 'ью', 'и']]],
  [/ы$/, 1, [['ы', 'ов', 'ам', 'ы', 'ами', 'ах'], ['ы', '', 'ам', 'ы', 'ами', 'ах']]],
  [/ство$/, 1, [['о', 'а', 'у', 'о', 'ом', 'е']]],
  [/[бвгджзклмнпрстфхцчшщ]$/, 0, [['', 'а', 'у', '', 'ом', 'е']]],
];
const ADJECTIVE = /(?:ая|яя|ое|ее|ый|ий|ой|ые|ие)$/;

/** Forms of one word by case: forms[c] lists the word's forms in case c. */
function ruWordCases(word: string): string[][] {
  const m = /^([(«"]*)(.*?)([)»",]*)$/.exec(word)!;
  const [pre, core, post] = [m[1]!, m[2]!, m[3]!];
  const lc = core.toLowerCase();
  const cases: string[][] = [[], [], [], [], [], []];
  const declinable = /[а-я]/.test(lc) && core !== core.toUpperCase() && core.length > 2;
  const p = declinable ? PARADIGMS.find(([re]) => re.test(lc)) : undefined;
  if (!p) return cases.map(() => [word]);
  const stem = core.slice(0, core.length - p[1]);
  for (const endings of p[2]) endings.forEach((e, c) => cases[c]!.push(pre + stem + e + post));
  return cases;
}

/**
 * Declined forms of a Russian name: the words up to the first noun decline ("Российская Федерация" →
 * "Российской Федерации"), what follows stays ("Соединенное Королевство Великобритании и Северной
 * Ирландии", "Республика Корея"), and a bracketed part declines the same way ("Ирана (Исламской Республики)").
 */
function ruDeclensions(name: string): string[] {
  const words = name.split(/\s+/);
  const perWord: string[][][] = [];
  let declining = true;
  for (const w of words) {
    if (w.startsWith('(')) declining = true;
    if (declining && w.length > 2) {
      perWord.push(ruWordCases(w));
      if (!ADJECTIVE.test(w.replace(/[()«»",]/g, '').toLowerCase())) declining = false;
    } else perWord.push([[w], [w], [w], [w], [w], [w]]);
  }
  const out = new Set<string>();
  for (let c = 0; c < 6; c++) {
    let acc: string[] = [''];
    for (const cases of perWord) {
      const next: string[] = [];
      for (const a of acc) for (const f of cases[c]!) next.push(a ? `${a} ${f}` : f);
      acc = next;
    }
    for (const f of acc) out.add(f);
  }
  return [...out];
}

// ------------------------------------------------------------------- trie

const tries = new Map<Lang, Node>();
const guardsByLang = new Map<Lang, Map<string, ((b: string, a: string) => boolean)[]>>();

function insert(root: Node, name: string, iso3: string, override: boolean): void {
  const key = foldString(name).replace(/^the /, '');
  if (!key) return;
  let n = root;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    let c = n.next.get(code);
    if (!c) {
      c = { next: new Map() };
      n.next.set(code, c);
    }
    n = c;
  }
  if (!n.iso3 || override) n.iso3 = iso3;
}

let registered = false;
function trie(lang: Lang): Node {
  let root = tries.get(lang);
  if (root) return root;
  if (!registered) {
    for (const l of ['zh', 'ar', 'ru', 'en', 'fr', 'es']) countries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));
    registered = true;
  }
  root = { next: new Map() };
  const names = countries.getNames(lang, { select: 'all' }) as Record<string, string[]>;
  const add = (name: string, iso3: string, override: boolean) => {
    if (lang === 'ru') for (const f of ruDeclensions(name)) insert(root!, f, iso3, override);
    else insert(root!, name, iso3, override);
    // Bracketed UN forms also without the comma-less variants: "Iran (Islamic Republic of)".
  };
  for (const [a2, list] of Object.entries(names)) {
    const iso3 = countries.alpha2ToAlpha3(a2);
    if (!iso3) continue;
    for (const n of list) if (!DROP.has(n)) add(n, iso3, false);
  }
  for (const [iso3, by] of Object.entries(UN_NAMES)) {
    if (iso3.length !== 3) continue;
    for (const n of by[lang] ?? []) add(n, iso3, true);
  }
  for (const [iso3, l, n] of MORE) if (l === lang) add(n, iso3, true);
  tries.set(lang, root);
  const g = new Map<string, ((b: string, a: string) => boolean)[]>();
  for (const [l, name, fn] of GUARDS) {
    if (l !== lang) continue;
    const k = foldString(name);
    g.set(k, [...(g.get(k) ?? []), fn]);
  }
  guardsByLang.set(lang, g);
  return root;
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const SPACE = 32;

/** Longest match in the trie from node at text[j]; returns end offset and iso3. */
function walk(text: string, node: Node, j: number, han: boolean): { end: number; iso3: string } | null {
  const [table, letters] = tables();
  let best: { end: number; iso3: string } | null = null;
  const n = text.length;
  while (j < n) {
    const code = text.charCodeAt(j);
    if (isSpaceCode(code)) {
      let k = j;
      while (k < n && isSpaceCode(text.charCodeAt(k))) k++;
      const sp = node.next.get(SPACE);
      if (sp) {
        node = sp;
        j = k;
        continue;
      }
      if (han && k < n && isHan(text.charCodeAt(k))) {
        j = k;
        continue;
      }
      break;
    }
    const f = table[code]!;
    if (f === 0) {
      j++;
      continue;
    }
    const c = node.next.get(f);
    if (!c) break;
    node = c;
    j++;
    if (node.iso3 && (han || j >= n || !letters[text.charCodeAt(j)])) best = { end: j, iso3: node.iso3 };
  }
  return best;
}

export function extractStates(ctx: DocContext): StateReference[] {
  const { text, lang } = ctx;
  const root = trie(lang);
  const guards = guardsByLang.get(lang)!;
  const out: StateReference[] = [];
  const n = text.length;
  const han = lang === 'zh';
  const [table, letters] = tables();
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (han) {
      if (!isHan(code)) continue;
    } else if (!letters[code] || (i > 0 && letters[text.charCodeAt(i - 1)])) continue;
    if (!root.next.has(table[code]!) && !(lang === 'ar' && 'وفبلك'.includes(text[i]!))) continue;
    const ch = text[i]!;
    const starts: { at: number; node: Node; start: number }[] = [{ at: i, node: root, start: i }];
    if (lang === 'ar') {
      // Clitics: و ف ب ل ك (and combinations), لل = ل + ال.
      const two = text.slice(i, i + 2);
      if (two === 'لل') {
        const al = root.next.get(0x627)?.next.get(0x644);
        if (al) starts.push({ at: i + 2, node: al, start: i });
      }
      if ('وفبلك'.includes(ch)) {
        starts.push({ at: i + 1, node: root, start: i + 1 });
        if ('بلك'.includes(text[i + 1] ?? '')) starts.push({ at: i + 2, node: root, start: i + 2 });
        if (text.slice(i + 1, i + 3) === 'لل') {
          const al = root.next.get(0x627)?.next.get(0x644);
          if (al) starts.push({ at: i + 3, node: al, start: i + 1 });
        }
      }
    }
    let best: { start: number; end: number; iso3: string } | null = null;
    for (const s of starts) {
      const m = walk(text, s.node, s.at, han);
      if (m && (!best || m.end > best.end)) best = { start: s.start, end: m.end, iso3: m.iso3 };
    }
    if (!best) continue;
    const matched = text.slice(best.start, best.end);
    if ((lang === 'en' || lang === 'fr' || lang === 'es' || lang === 'ru') && !isUpper(matched[0])) continue;
    const fns = guards.get(foldString(matched));
    if (fns) {
      const before = text.slice(Math.max(0, best.start - 30), best.start);
      const after = text.slice(best.end, best.end + 30);
      if (!fns.every((f) => f(before, after))) continue;
    }
    out.push({ kind: 'state', iso3: best.iso3, text: matched, start: best.start, end: best.end });
    i = best.end - 1;
  }
  return out;
}
