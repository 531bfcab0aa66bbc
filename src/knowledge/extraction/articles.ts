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
 *  4. an article heading ("Article 2. Statement of purpose", "第二条 宗旨") in a text whose title is an
 *     instrument's name (a Protocol's own text): that instrument — also where the heading's words name the
 *     Convention ("Article 1. Relation with the United Nations Convention …" is the Protocol's article 1);
 *  5. a row of a table: the instrument named on the header line above the block of rows;
 *  6. UNTOC (a Conference document's articles are the Convention's unless said otherwise).
 */
import type { Phrase } from './article-phrase.ts';
import { findWesternPhrases } from './article-phrases-western.ts';
import { findZhPhrases, zhQualifierBefore } from './article-phrases-zh.ts';
import type { DocContext } from './context.ts';
import { qualifierAfter, type Mention, type MentionIndex } from './instruments.ts';
import type { ArticleReference, Instrument, Lang } from './types.ts';

interface Resolved {
  instrument: Instrument | null;
  target: string | null;
  /** Where the resolution is anchored (end of the explicit name or of the phrase). */
  at: number;
  article: number | null;
}

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

/** The instrument whose name opens the text (its first line is the name, as in an instrument's own text), or null. */
function titleInstrument(ctx: DocContext, index: MentionIndex): Instrument | null {
  const li = ctx.lineStarts.findIndex((_, i) => ctx.line(i).trim() !== '');
  if (li < 0) return null;
  const start = ctx.lineStarts[li]!;
  const line = ctx.line(li);
  const lead = line.length - line.trimStart().length;
  const m = index.mentions.find((x) => x.start >= start && x.start <= start + lead + 1 && x.kind !== 'OTHER');
  return m && m.instrument && line.trim().length < 250 ? m.instrument : null;
}

/** An article heading: one article alone at the start of its line ("Article 2", "Article premier. Objet", "第二条 宗旨"). */
function isHeading(ctx: DocContext, p: Phrase): boolean {
  const only = p.items.length === 1 && p.items[0]!.paras.length === 0 && p.items[0]!.letters.length === 0;
  const lineStart = ctx.lineStarts[ctx.lineIndex(p.start)]!;
  return only && /^[\s*•\-–]*$/u.test(ctx.sh.slice(lineStart, p.start)) && ctx.line(ctx.lineIndex(p.start)).trim().length < 200;
}

function resolveAll(ctx: DocContext, index: MentionIndex, phrases: Phrase[]): ArticleReference[] {
  const { text } = ctx;
  const own = titleInstrument(ctx, index);
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
    } else if (own && !q && isHeading(ctx, p)) {
      res = { instrument: own, target: null, at: p.end, article: null };
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
  const phrases = ctx.lang === 'zh' ? findZhPhrases(ctx) : findWesternPhrases(ctx);
  return resolveAll(ctx, index, phrases);
}
