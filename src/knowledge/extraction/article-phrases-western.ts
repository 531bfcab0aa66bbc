/**
 * Article phrases in the Western-style grammars (en, fr, es, ru, ar): "article 18, paragraph 13",
 * "arts. 16(5)(a) and 18(13)", "paragraph 13 of article 18", "пункт 13 статьи 18", "الفقرة 13 من المادة 18".
 */
import type { DocContext } from './context.ts';
import { Cursor, expandRange, type Item, type Para, type Phrase } from './article-phrase.ts';
import { subparagraphLetter } from './numbers.ts';
import type { Lang } from './types.ts';

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

/**
 * After "articles 16, paragraph 16, and 18": whether "18" has a paragraph of its own (", paragraph 26"), which
 * makes it the next article of a coordinated list rather than another paragraph of article 16.
 */
function ownParagraphFollows(c: Cursor, conf: WConf): boolean {
  const at = c.pos;
  c.try(/\s*[,،]?\s*/uy);
  const own = !!c.peek(conf.para);
  c.pos = at;
  return own;
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
    const restated = !!c.try(conf.para);
    const m = parseNum(c, conf);
    if (m === null || (!restated && ownParagraphFollows(c, conf))) {
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

/** The article phrases of a document in a Western-style language, in order. */
export function findWesternPhrases(ctx: DocContext): Phrase[] {
  const { sh } = ctx;
  const conf = W[ctx.lang]!;
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
