/**
 * Article references: "article 18, paragraph 13, of the Convention", "paragraph 13 of article 18",
 * "arts. 16(5)(a) and 18(13)", "第 18 条第 13 款", "第三十二条第四款和第五款", "пункт 13 статьи 18",
 * "الفقرة 13 من المادة 18" … each resolved to an instrument from context.
 *
 * Resolution, in order:
 *  1. an explicit name right after the phrase (before it in Chinese): "of the Firearms Protocol",
 *     "《贩运人口议定书》第 5 条"; rules of procedure, national laws and other treaties give instrument null
 *     and a `target`;
 *  2. "paragraph 14 of the same article", "该条第 14 款", "and paragraph 14": the article referred to before;
 *  3. the nearest earlier instrument mention or resolved article reference in the same sentence
 *     ("article 5 of the Protocol and article 6" → both the Protocol);
 *  4. a row of a table: the instrument named on the header line above the block of rows;
 *  5. UNTOC (a Conference document's articles are the Convention's unless said otherwise).
 */
import { DocContext } from './context.ts';
import { MentionIndex, classifyZhTitle, qualifierAfter, type Mention, type Qualifier } from './instruments.ts';
import { CN_NUMERAL_CHARS, parseChineseNumeral, subparagraphLetter } from './numbers.ts';
import type { ArticleReference, Instrument, Lang } from './types.ts';

interface Para {
  n: number;
  letters: string[];
}
interface Item {
  article: number;
  paras: Para[];
  /** Sub-paragraphs directly under the article ("article 2 (a)"). */
  letters: string[];
}
interface Phrase {
  start: number;
  end: number;
  items: Item[];
  qualifier: Qualifier | null;
  /** Paragraph(s) only: the article is the one referred to before ("of the same article", "该条"). */
  inheritFrom?: 'same' | 'sentence';
  paras?: Para[];
  letters?: string[];
}

interface Resolved {
  instrument: Instrument | null;
  target: string | null;
  /** Where the resolution is anchored (end of the explicit name or of the phrase). */
  at: number;
  article: number | null;
}

const MAX_RANGE = 60;

function expandRange(a: number, b: number): number[] | null {
  if (b <= a || b - a > MAX_RANGE) return null;
  const out: number[] = [];
  for (let i = a + 1; i <= b; i++) out.push(i);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Western-style grammar (en, fr, es, ru, ar)

interface WConf {
  artAnchor: RegExp;
  art: RegExp;
  paraAnchor: RegExp;
  para: RegExp;
  subpara: RegExp;
  num: RegExp;
  letter: RegExp;
  and: RegExp;
  range: RegExp;
  /** Between "paragraph 13" and "article 18"; may match empty (Russian genitive). */
  of: RegExp;
  same: RegExp;
  /** Before the first number, optional ("с" in "статьи с 24 по 26"). */
  pre: RegExp;
}

const LAT_LETTER = /\s*\(\s*([a-z])\s*\)/uy;
const LAT_LETTER_FR = /\s*(?:\(\s*([a-z])\s*\)|([a-z])\)(?![\p{L}]))/uy;

const W: Partial<Record<Lang, WConf>> = {
  en: {
    artAnchor: /\b(?:articles?\b|arts?\.)/gu,
    art: /(?:articles?\b|arts?\.)\s*/uy,
    paraAnchor: /\b(?:sub-?paragraphs?|subparas?\.|paragraphs?|paras?\.)/gu,
    para: /(?:paragraphs?\b|paras?\.|para\b)\s*/uy,
    subpara: /(?:sub-?paragraphs?\b|subparas?\.)\s*/uy,
    num: /(\d{1,3})(?![\d/]|\.\d)/uy,
    letter: LAT_LETTER,
    and: /\s*(?:,\s*(?:and|or|as\s+well\s+as)\s+|(?:and|or|as\s+well\s+as)\s+|,\s*)/uy,
    range: /\s*(?:to|through|-|–)\s*/uy,
    of: /\s*,?\s*of\s+/uy,
    same: /\s*,?\s*(?:of\s+(?:the\s+same|that|this|the\s+said)\s+article\b|thereof\b|of\s+the\s+article\b)/uy,
    pre: /(?!)/uy,
  },
  fr: {
    artAnchor: /(?<![\p{L}])(?:articles?(?![\p{L}])|arts?\.)/gu,
    art: /(?:articles?(?![\p{L}])|arts?\.)\s*/uy,
    paraAnchor: /(?<![\p{L}])(?:sous-alinéas?|alinéas?|al\.|paragraphes?|par\.)/gu,
    para: /(?:paragraphes?(?![\p{L}])|par\.)\s*/uy,
    subpara: /(?:sous-alinéas?|alinéas?|al\.)\s*/uy,
    num: /(\d{1,3}|premier)(?:er)?(?![\d/]|\.\d)/uy,
    letter: LAT_LETTER_FR,
    and: /\s*(?:,\s*(?:et|ou)\s+|(?:et|ou|ainsi\s+qu'(?:à|aux|au)?)\s*|,\s*)/uy,
    range: /\s*(?:à|au|-|–)\s+/uy,
    of: /\s*,?\s*(?:de\s+l'\s*|du\s+|des\s+|de\s+)/uy,
    same: /\s*,?\s*(?:du\s+même\s+article|de\s+cet\s+article|dudit\s+article|de\s+ce\s+même\s+article)/uy,
    pre: /(?!)/uy,
  },
  es: {
    artAnchor: /(?<![\p{L}])(?:artículos?(?![\p{L}])|arts?\.)/gu,
    art: /(?:artículos?(?![\p{L}])|arts?\.)\s*/uy,
    paraAnchor: /(?<![\p{L}])(?:apartados?|incisos?|subpárrafos?|párrafos?|párrs?\.)/gu,
    para: /(?:párrafos?(?![\p{L}])|párrs?\.)\s*/uy,
    subpara: /(?:apartados?|incisos?|subpárrafos?)(?![\p{L}])\s*/uy,
    num: /(\d{1,3})(?![\d/]|\.\d)/uy,
    letter: LAT_LETTER_FR,
    and: /\s*(?:,\s*(?:y|e|o)\s+|(?:y|e|o)\s+|,\s*)/uy,
    range: /\s*(?:a|al|hasta|-|–)\s+/uy,
    of: /\s*,?\s*(?:del\s+|de\s+los\s+|de\s+)/uy,
    same: /\s*,?\s*(?:del\s+mismo\s+artículo|de\s+ese\s+artículo|de\s+dicho\s+artículo|de\s+este\s+artículo)/uy,
    pre: /(?:los|las|el)\s+(?=\d)/uy,
  },
  ru: {
    artAnchor: /(?<![\p{L}])(?:стать(?:я|и|е|ю|ей|ям|ями|ях)|статей|ст\.)(?![\p{L}])/gu,
    art: /(?:стать(?:я|и|е|ю|ей|ям|ями|ях)|статей|ст\.)(?![\p{L}])\s*/uy,
    paraAnchor: /(?<![\p{L}])(?:подпункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|подп\.|пункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|п\.)(?![\p{L}])/gu,
    para: /(?:пункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|п\.)(?![\p{L}])\s*/uy,
    subpara: /(?:подпункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|подп\.)(?![\p{L}])\s*/uy,
    num: /(\d{1,3})(?![\d/]|\.\d)/uy,
    letter: /\s*(?:\(\s*([a-zа-и])\s*\)|([a-zа-и])\)(?![\p{L}]))/uy,
    and: /\s*(?:,\s*(?:и|или|а\s+также)\s+|(?:и|или|а\s+также)\s+|,\s*)/uy,
    range: /\s*(?:-|–|по|до)\s*/uy,
    of: /\s*,?\s*/uy,
    same: /\s*,?\s*(?:той\s+же\s+статьи|этой\s+статьи|указанной\s+статьи|данной\s+статьи)/uy,
    pre: /с\s+(?=\d)/uy,
  },
  ar: {
    artAnchor: /(?<![\p{L}])(?:[وف]?(?:بال|لل|كال|ال)?(?:ماد(?:ه|ة|تين|تان|تا|تي)|مواد))(?![\p{L}])/gu,
    art: /(?:[وف]?(?:بال|لل|كال|ال)?(?:ماد(?:ه|ة|تين|تان|تا|تي)|مواد))(?![\p{L}])\s*/uy,
    paraAnchor: /(?<![\p{L}])[وف]?(?:بال|لل|ال)?فقر(?:ه|ة|تين|تان|ات)(?![\p{L}])/gu,
    para: /[وف]?(?:بال|لل|ال)?فقر(?:ه|ة|تين|تان|ات)(?![\p{L}])(?!\s+(?:ال)?فرعي)\s*/uy,
    subpara: /[وف]?(?:بال|لل|ال)?فقر(?:ه|ة|تين|تان|ات)\s+(?:ال)?فرعي(?:ه|ة|تين|تان|ات)?(?![\p{L}])\s*/uy,
    num: /(\d{1,3})(?![\d/]|\.\d)/uy,
    letter: /\s*\(\s*([ا-ي]|ه\s*ـ)\s*\)/uy,
    and: /\s*(?:،\s*و\s*|،\s*|و\s*|او\s+|,\s*)/uy,
    range: /\s*(?:الى|حتى|-|–)\s*/uy,
    of: /\s*،?\s*من\s+/uy,
    same: /\s*،?\s*(?:من\s+(?:ال)?ماد(?:ه|ة)\s+(?:نفسها|ذاتها)|من\s+(?:تلك|هذه)\s+(?:ال)?ماد(?:ه|ة)|منها)/uy,
    pre: /(?!)/uy,
  },
};

const ROMAN = /\s*\(\s*(?:i{1,3}|iv|vi{0,3}|ix|x)\s*\)/uy;

class Cursor {
  pos: number;
  constructor(
    readonly sh: string,
    start: number,
  ) {
    this.pos = start;
  }
  try(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.sh);
    if (m) this.pos = re.lastIndex;
    return m;
  }
  peek(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    return re.exec(this.sh);
  }
}

function parseNum(c: Cursor, conf: WConf): number | null {
  const m = c.try(conf.num);
  if (!m) return null;
  if (m[1] === 'premier') return 1;
  return Number(m[1]);
}

function parseLetters(c: Cursor, conf: WConf): string[] {
  const out: string[] = [];
  const first = c.try(conf.letter);
  if (!first) return out;
  const l = subparagraphLetter((first[1] ?? first[2] ?? '').replace(/\s|ـ/g, ''));
  if (!l) return out;
  out.push(l);
  c.try(ROMAN);
  for (;;) {
    const save = c.pos;
    const isRange = !!c.try(conf.range);
    if (!isRange && !c.try(conf.and)) break;
    const m = c.try(conf.letter);
    const next = m ? subparagraphLetter((m[1] ?? m[2] ?? '').replace(/\s|ـ/g, '')) : null;
    if (!next) {
      c.pos = save;
      break;
    }
    const prev = out[out.length - 1]!;
    if (isRange && next > prev) {
      for (let ch = prev.charCodeAt(0) + 1; ch <= next.charCodeAt(0); ch++) out.push(String.fromCharCode(ch));
    } else out.push(next);
    c.try(ROMAN);
  }
  return out;
}

/** "13", "13 (a)", "13 and 14", "1 (a) and (b)", "5 to 7". */
function parseParaList(c: Cursor, conf: WConf): Para[] {
  const n = parseNum(c, conf);
  if (n === null) return [];
  const out: Para[] = [{ n, letters: parseLetters(c, conf) }];
  for (;;) {
    const save = c.pos;
    const isRange = !!c.try(conf.range);
    if (!isRange && !c.try(conf.and)) break;
    c.try(conf.para);
    const m = parseNum(c, conf);
    if (m === null) {
      c.pos = save;
      break;
    }
    const prev = out[out.length - 1]!;
    const expanded = isRange && prev.letters.length === 0 ? expandRange(prev.n, m) : null;
    if (isRange && !expanded) {
      c.pos = save;
      break;
    }
    if (expanded) for (const k of expanded.slice(0, -1)) out.push({ n: k, letters: [] });
    out.push({ n: m, letters: parseLetters(c, conf) });
  }
  return out;
}

function parseItem(c: Cursor, conf: WConf): Item | null {
  const n = parseNum(c, conf);
  if (n === null || n === 0) return null;
  const item: Item = { article: n, paras: [], letters: [] };
  const paren = c.try(/\s*\(\s*(\d{1,2})\s*\)/uy);
  if (paren) item.paras.push({ n: Number(paren[1]), letters: parseLetters(c, conf) });
  else item.letters = parseLetters(c, conf);
  // ", paragraph 13 (a)", ", paragraphs 13 and 14"
  const save = c.pos;
  c.try(/\s*[,،]?\s*/uy);
  if (c.try(conf.para)) {
    const paras = parseParaList(c, conf);
    if (paras.length) item.paras.push(...paras);
    else c.pos = save;
  } else if (c.try(conf.subpara)) {
    const letters = parseLetters(c, conf);
    if (letters.length && item.paras.length === 0) item.letters.push(...letters);
    else c.pos = save;
  } else c.pos = save;
  return item;
}

/** Parses an article phrase at an article keyword; null when none. */
function parseArticlePhrase(sh: string, start: number, conf: WConf): Phrase | null {
  const c = new Cursor(sh, start);
  if (!c.try(conf.art)) return null;
  c.try(conf.pre);
  const first = parseItem(c, conf);
  if (!first) return null;
  const items = [first];
  let end = c.pos;
  for (;;) {
    const save = c.pos;
    if (c.try(conf.range)) {
      c.try(conf.art);
      const prev = items[items.length - 1]!;
      const nextNum = parseNum(c, conf);
      const expanded = nextNum !== null && prev.paras.length === 0 && prev.letters.length === 0 ? expandRange(prev.article, nextNum) : null;
      if (!expanded) {
        c.pos = save;
        break;
      }
      for (const k of expanded) items.push({ article: k, paras: [], letters: [] });
      end = c.pos;
      continue;
    }
    if (c.try(conf.and)) {
      // "article 18, paragraph 13, and article 46 of …": a restated keyword starts a phrase of its own,
      // so that a name after it qualifies only what follows the keyword.
      if (c.peek(conf.art)) {
        c.pos = save;
        break;
      }
      const it = parseItem(c, conf);
      if (!it) {
        c.pos = save;
        break;
      }
      items.push(it);
      end = c.pos;
      continue;
    }
    break;
  }
  c.pos = end;
  // "…, and paragraph 14" (of the last article), unless "paragraph 14 of article 19" follows.
  const save = c.pos;
  if (c.try(conf.and) && c.try(conf.para)) {
    const paras = parseParaList(c, conf);
    const afterParas = c.pos;
    const ofArticle = paras.length > 0 && c.try(conf.of) && c.peek(conf.art);
    if (paras.length && !ofArticle) {
      items[items.length - 1]!.paras.push(...paras);
      end = afterParas;
    }
  }
  c.pos = save;
  return { start, end, items, qualifier: null };
}

/** Parses "paragraph 13 of article 18", "subparagraph (a) of paragraph 5 of article 16", "paragraph 14 of the same article". */
function parseInvertedPhrase(sh: string, start: number, conf: WConf): Phrase | null {
  const c = new Cursor(sh, start);
  let paras: Para[] = [];
  let letters: string[] = [];
  if (c.try(conf.subpara)) {
    letters = parseLetters(c, conf);
    if (!letters.length) return null;
    const save = c.pos;
    if (c.try(conf.of) && c.try(conf.para)) {
      const n = parseNum(c, conf);
      if (n === null) return null;
      paras = [{ n, letters }];
      letters = [];
    } else c.pos = save;
  } else if (c.try(conf.para)) {
    paras = parseParaList(c, conf);
    if (!paras.length) return null;
  } else return null;
  const beforeOf = c.pos;
  if (c.try(conf.same)) {
    return { start, end: c.pos, items: [], qualifier: null, inheritFrom: 'same', paras, letters };
  }
  c.pos = beforeOf;
  if (c.try(conf.of) && c.try(conf.art)) {
    c.try(conf.pre);
    const n = parseNum(c, conf);
    if (n === null || n === 0) return null;
    const item: Item = { article: n, paras, letters };
    return { start, end: c.pos, items: [item], qualifier: null };
  }
  return null;
}

function findWesternPhrases(ctx: DocContext, conf: WConf): Phrase[] {
  const { sh } = ctx;
  const found: Phrase[] = [];
  const anchors: { pos: number; inverted: boolean }[] = [];
  conf.artAnchor.lastIndex = 0;
  for (const m of sh.matchAll(conf.artAnchor)) anchors.push({ pos: m.index, inverted: false });
  conf.paraAnchor.lastIndex = 0;
  for (const m of sh.matchAll(conf.paraAnchor)) anchors.push({ pos: m.index, inverted: true });
  anchors.sort((a, b) => a.pos - b.pos);
  let consumed = 0;
  for (const a of anchors) {
    if (a.pos < consumed) continue;
    const p = a.inverted ? parseInvertedPhrase(sh, a.pos, conf) : parseArticlePhrase(sh, a.pos, conf);
    if (!p) continue;
    // Arabic: leave the conjunction out of the text ("والمادة 6" → "المادة 6").
    if (ctx.lang === 'ar' && /^[وف](?=ال|لل|بال)/u.test(sh.slice(p.start, p.start + 4))) p.start++;
    found.push(p);
    consumed = p.end;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Chinese grammar

const CN = `[${CN_NUMERAL_CHARS}]`;
const ZH_NUM = new RegExp(`\\s*(\\d+(?:[ \\t\\r\\n]+\\d+)*|${CN}(?:\\s*${CN})*)`, 'uy');
const ZH_SEP = /\s*(、|,|和|及|以及|与|或|至|到|-|~)\s*/uy;
const ZH_LETTER = /\s*第?\s*\(\s*([a-z]|[一二三四五六七八九十])\s*\)\s*(?:项|目)?/uy;
const ZH_LETTER_SEP = /\s*(、|,|和|及|或|至|到|-)\s*/uy;
const CN_ORDER = '一二三四五六七八九十';

function zhNumValue(raw: string): number | null {
  if (/\d/.test(raw)) return Number(raw.replace(/\s+/g, ''));
  return parseChineseNumeral(raw);
}

/** "13、16 和 18", "14 至 17", "三十二" → numbers (ranges expanded). */
function parseZhNumList(c: Cursor, allowDi: boolean): number[] | null {
  const m = c.try(ZH_NUM);
  if (!m) return null;
  const first = zhNumValue(m[1]!);
  if (first === null || first === 0) return null;
  const out = [first];
  for (;;) {
    const save = c.pos;
    const sep = c.try(ZH_SEP);
    if (!sep) break;
    if (allowDi) c.try(/\s*第/uy);
    const n = c.try(ZH_NUM);
    const v = n ? zhNumValue(n[1]!) : null;
    if (v === null || v === 0) {
      c.pos = save;
      break;
    }
    if (sep[1] === '至' || sep[1] === '到' || sep[1] === '-' || sep[1] === '~') {
      const exp = expandRange(out[out.length - 1]!, v);
      if (!exp) {
        c.pos = save;
        break;
      }
      out.push(...exp);
    } else out.push(v);
  }
  return out;
}

function parseZhLetters(c: Cursor): string[] {
  const out: string[] = [];
  const letter = (m: RegExpExecArray) => {
    const r = m[1]!;
    const i = CN_ORDER.indexOf(r);
    return i >= 0 ? String.fromCharCode(97 + i) : r;
  };
  const m = c.try(ZH_LETTER);
  if (!m) return out;
  out.push(letter(m));
  for (;;) {
    const save = c.pos;
    const sep = c.try(ZH_LETTER_SEP);
    const n = sep ? c.try(ZH_LETTER) : null;
    if (!n) {
      c.pos = save;
      break;
    }
    const v = letter(n);
    const prev = out[out.length - 1]!;
    if ((sep![1] === '至' || sep![1] === '到' || sep![1] === '-') && v > prev) {
      for (let ch = prev.charCodeAt(0) + 1; ch <= v.charCodeAt(0); ch++) out.push(String.fromCharCode(ch));
    } else out.push(v);
  }
  return out;
}

/** After "第 … 条": sub-paragraphs "(a)项", or paragraphs "第 13 款", "第四款和第五款", "第 5 款(a)项". */
function parseZhTail(c: Cursor, item: Item): void {
  const letters0 = parseZhLetters(c);
  if (letters0.length) {
    item.letters.push(...letters0);
    return;
  }
  let any = false;
  for (;;) {
    const save = c.pos;
    if (any && !c.try(ZH_SEP)) return;
    if (!c.try(/\s*第/uy)) {
      c.pos = save;
      return;
    }
    const nums = parseZhNumList(c, true);
    if (!nums || !c.try(/\s*款/uy)) {
      c.pos = save;
      return;
    }
    const letters = parseZhLetters(c);
    nums.forEach((n, i) => item.paras.push({ n, letters: i === nums.length - 1 ? letters : [] }));
    any = true;
  }
}

/** Parses "第 … 条 …" at 第; also "第 N 款" alone (paragraphs of an article referred to before). */
function parseZhPhrase(sh: string, start: number): Phrase | null {
  const c = new Cursor(sh, start + 1);
  const nums = parseZhNumList(c, true);
  if (!nums) return null;
  const afterNums = c.pos;
  if (c.try(/\s*条/uy)) {
    const items: Item[] = nums.map((n) => ({ article: n, paras: [], letters: [] }));
    parseZhTail(c, items[items.length - 1]!);
    let end = c.pos;
    // "第 13 条和第 14 条", "第 14 条至第 17 条"
    for (;;) {
      const save = c.pos;
      const sep = c.try(ZH_SEP);
      if (!sep || !c.try(/\s*第/uy)) {
        c.pos = save;
        break;
      }
      const more = parseZhNumList(c, true);
      if (!more || !c.try(/\s*条/uy)) {
        c.pos = save;
        break;
      }
      if (sep[1] === '至' || sep[1] === '到' || sep[1] === '-' || sep[1] === '~') {
        const exp = expandRange(items[items.length - 1]!.article, more[0]!);
        if (!exp) {
          c.pos = save;
          break;
        }
        for (const k of exp.slice(0, -1)) items.push({ article: k, paras: [], letters: [] });
      }
      for (const n of more) items.push({ article: n, paras: [], letters: [] });
      parseZhTail(c, items[items.length - 1]!);
      end = c.pos;
    }
    return { start, end, items, qualifier: null };
  }
  c.pos = afterNums;
  if (c.try(/\s*款/uy)) {
    const letters = parseZhLetters(c);
    const paras: Para[] = nums.map((n, i) => ({ n, letters: i === nums.length - 1 ? letters : [] }));
    // "第四款和第五款" continuing
    for (;;) {
      const save = c.pos;
      if (!c.try(ZH_SEP) || !c.try(/\s*第/uy)) {
        c.pos = save;
        break;
      }
      const more = parseZhNumList(c, true);
      if (!more || !c.try(/\s*款/uy)) {
        c.pos = save;
        break;
      }
      const l = parseZhLetters(c);
      more.forEach((n, i) => paras.push({ n, letters: i === more.length - 1 ? l : [] }));
    }
    // "该条第 14 款" / "同条" / "本条": the article just referred to; otherwise one earlier in the sentence.
    const same = /(?:该|同|本|此|上述)\s*条\s*$/u.exec(sh.slice(Math.max(0, start - 12), start));
    return { start: same ? start - same[0].length : start, end: c.pos, items: [], qualifier: null, inheritFrom: same ? 'same' : 'sentence', paras, letters: [] };
  }
  return null;
}

/** The name right before "第" in Chinese: 《贩运人口议定书》第 5 条, 联合国打击跨国有组织犯罪公约第三十二条, 议事规则第 22 条. */
function zhQualifierBefore(ctx: DocContext, index: MentionIndex, byEnd: Map<number, Mention>, pos: number): Qualifier | null {
  const { sh } = ctx;
  let q = pos;
  while (q > 0 && /\s/.test(sh[q - 1]!)) q--;
  const m = byEnd.get(q);
  if (m) {
    if (m.kind === 'OTHER' || (m.kind === 'PROTOCOL' && !m.instrument)) return { instrument: null, target: m.label, end: m.end };
    return { instrument: m.instrument, target: null, end: m.end };
  }
  // A bare name: the run of Han characters before 第.
  let s = q;
  while (s > 0 && q - s < 40 && /[\u4e00-\u9fff\s]/.test(sh[s - 1]!)) s--;
  const run = sh.slice(s, q).replace(/\s+/g, '');
  if (!run) return null;
  // "该议定书第 5 条", "本公约第 3 条": the instrument named before.
  const generic = /(?:该|本|此|这一|上述|同一)(公约|议定书)$/.exec(run);
  if (generic) {
    if (generic[1] === '公约') return { instrument: 'UNTOC', target: null, end: q };
    const p = index.lastProtocolBefore(pos);
    return p ? { instrument: p, target: null, end: q } : { instrument: null, target: generic[0], end: q };
  }
  const law = /(议事规则(?:草案)?|(?:刑事|民事)?诉讼法|刑法典?|民法典?|宪法|[^的在与和及对将了是为据照按依于即之到、，,]{0,6}(?:法典|条例|章程|规约|守则|规则|法))$/.exec(run);
  if (law) return { instrument: null, target: law[1]!, end: q };
  if (/(?:公约|议定书)$/.test(run)) {
    const nameMatch = /([^的在与和及对将了是为据照按依于即之到、，,]{1,20})$/.exec(run);
    const name = nameMatch ? nameMatch[1]! : run;
    const kind = classifyZhTitle(name);
    if (kind === 'OTHER') return { instrument: null, target: name, end: q };
    if (kind === 'PROTOCOL') {
      const p = index.lastProtocolBefore(pos);
      return p ? { instrument: p, target: null, end: q } : { instrument: null, target: name, end: q };
    }
    return { instrument: kind, target: null, end: q };
  }
  return null;
}

function findZhPhrases(ctx: DocContext): Phrase[] {
  const { sh } = ctx;
  const out: Phrase[] = [];
  let consumed = 0;
  for (let i = sh.indexOf('第'); i >= 0; i = sh.indexOf('第', i + 1)) {
    if (i < consumed) continue;
    const p = parseZhPhrase(sh, i);
    if (!p) continue;
    out.push(p);
    consumed = p.end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Resolution and output

const ROW_START: Partial<Record<Lang, RegExp>> = {
  zh: /^[\s|*•\-–]*第\s*[\d一二三四五六七八九十百]/u,
  en: /^[\s|*•\-–]*(?:articles?|arts?\.)\s*\d/u,
  fr: /^[\s|*•\-–]*(?:articles?|arts?\.)\s*\d/u,
  es: /^[\s|*•\-–]*(?:artículos?|arts?\.)\s*\d/u,
  ru: /^[\s|*•\-–]*(?:стать\p{L}*|ст\.)\s*\d/u,
  ar: /^[\s|*•\-–]*[وف]?(?:ال)?ماد\p{L}*\s*\d/u,
};

/** Instrument named on the header line above a block of table rows that start with an article. */
function tableInstrument(ctx: DocContext, index: MentionIndex, phraseStart: number): Instrument | null | undefined {
  const rowRe = ROW_START[ctx.lang]!;
  const li = ctx.lineIndex(phraseStart);
  if (!/^[\s|*•\-–]*$/u.test(ctx.sh.slice(ctx.lineStarts[li]!, phraseStart))) return undefined;
  for (let i = li - 1, n = 0; i >= 0 && n < 80; i--, n++) {
    const line = ctx.line(i);
    if (!line.trim()) continue;
    if (rowRe.test(line)) continue;
    const ls = ctx.lineStarts[i]!;
    const m = index.lastBefore(ls + line.length, ls);
    if (m && m.kind !== 'OTHER' && line.trim().length < 160) return m.instrument;
    return undefined;
  }
  return undefined;
}

function resolveAll(ctx: DocContext, index: MentionIndex, phrases: Phrase[]): ArticleReference[] {
  const { text } = ctx;
  const out: ArticleReference[] = [];
  const resolvedList: (Resolved & { start: number; end: number })[] = [];
  const byEnd = new Map<number, Mention>();
  for (const m of index.mentions) byEnd.set(m.end, m);
  for (const p of phrases) {
    let res: Resolved | null = null;
    const q = ctx.lang === 'zh' ? zhQualifierBefore(ctx, index, byEnd, p.start) : qualifierAfter(ctx, index, p.end);
    const sStart = ctx.sentenceStart(p.start);
    const prev = resolvedList.length ? resolvedList[resolvedList.length - 1]! : null;
    if (p.inheritFrom) {
      // Paragraphs of the article referred to before.
      const src = prev && (p.inheritFrom === 'same' ? p.start - prev.end < 600 : prev.start >= sStart) ? prev : null;
      if (!src || src.article === null) continue;
      p.items = [{ article: src.article, paras: p.paras ?? [], letters: p.letters ?? [] }];
      res = q && ctx.lang !== 'zh' ? { instrument: q.instrument, target: q.target, at: q.end, article: src.article } : { ...src };
    } else if (q) {
      res = { instrument: q.instrument, target: q.target, at: q.end, article: null };
    } else {
      const m = index.lastBefore(p.start, sStart);
      const fromPrev = prev && prev.start >= sStart ? prev : null;
      if (fromPrev && (!m || fromPrev.at >= m.end)) res = { instrument: fromPrev.instrument, target: fromPrev.target, at: p.end, article: null };
      else if (m) res = { instrument: m.instrument, target: m.instrument ? null : m.label, at: p.end, article: null };
      else {
        const t = tableInstrument(ctx, index, p.start);
        res = { instrument: t === undefined || t === null ? 'UNTOC' : t, target: null, at: p.end, article: null };
      }
    }
    const last = p.items[p.items.length - 1];
    resolvedList.push({ ...res, start: p.start, end: p.end, article: last ? last.article : null, at: Math.max(res.at, p.end) });
    const base = { text: text.slice(p.start, p.end), start: p.start, end: p.end };
    const push = (article: number, paragraph: number | null, subparagraph: string | null) => {
      const r: ArticleReference = { kind: 'article', instrument: res!.instrument, article, paragraph, subparagraph, ...base };
      if (res!.instrument === null) r.target = res!.target ?? 'unidentified';
      out.push(r);
    };
    for (const it of p.items) {
      if (!it.paras.length) {
        if (!it.letters.length) push(it.article, null, null);
        for (const l of it.letters) push(it.article, null, l);
      }
      for (const para of it.paras) {
        if (!para.letters.length) push(it.article, para.n, null);
        for (const l of para.letters) push(it.article, para.n, l);
      }
    }
  }
  return out;
}

/** All article references of a document. */
export function extractArticles(ctx: DocContext, index: MentionIndex): ArticleReference[] {
  const phrases = ctx.lang === 'zh' ? findZhPhrases(ctx) : findWesternPhrases(ctx, W[ctx.lang]!);
  return resolveAll(ctx, index, phrases);
}
