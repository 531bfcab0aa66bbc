/**
 * First stage: from PDF-extracted text to content lines. Removes page furniture (repeated symbol headers, page
 * numbers, job numbers, barcodes, "Please recycle"), reads and removes the page-1 masthead (symbol, "Distr.",
 * date, "Original:"), and takes the footnotes out of the flow of the text. `cleanPdfText` renders the result as
 * plain text with broken lines joined.
 */
import { detectLang } from './language.ts';
import { DISTR_LINE, LANGUAGE_NAMES, MASTHEAD_NAMES, ORIGINAL_LINE, isTableHeader } from './lexicon.ts';
import { annexMarker, chapterMarker, hasAnyMarker, keywordHeading, paraMarker, sectionMarker, subMarker } from './markers.ts';
import { parseHeaderDate } from './dates.ts';
import { findSymbols, standaloneSymbol } from './symbols.ts';
import { compact, displayWidth, endsSentence, fold, hasUnclosed, joinLines, normalizeChars, normalizeInline } from './text.ts';
import type { UnLang } from './types.ts';

export interface SourceLine {
  /** Trimmed text of the line. */
  text: string;
  page: number;
  /** A blank line came before it (in the same page). */
  blankBefore: boolean;
  /** First content line of its page (after a form feed). */
  pageStart: boolean;
  width: number;
}

export interface RawFootnote {
  label: string;
  number: number | null;
  text: string;
  /** Index of the first content line after the footnote (its marker is in a line before that). */
  at: number;
}

export interface HeaderInfo {
  symbols: string[];
  distribution: 'general' | 'limited' | 'restricted' | null;
  documentDate: string | null;
  originalLanguage: UnLang | null;
  lines: string[];
}

export interface Preprocessed {
  lang: UnLang;
  lines: SourceLine[];
  footnotes: RawFootnote[];
  header: HeaderInfo;
  ownSymbols: string[];
  /** False when blank lines appear between nearly all lines (they then say nothing about paragraphs). */
  blankMeaningful: boolean;
  /** Typical width of a full line of body text. */
  fullWidth: number;
}

const JOB_LINE =
  /^(?:\d{1,3}\s*\/\s*\d{1,3}\s+)?(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+(?:[A-Z]{1,4}|\d{6}|\d{1,3}\s*\/\s*\d{1,3}))*\s*$/;
const BARCODE = /^\*\s?\d{6,9}\s?\*$/;
const PAGE_NUM = /^(?:\d{1,3}\s*\/\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|(?:page|página|страница)\s+\d{1,3}(?:\s+(?:of|de|из)\s+\d{1,3})?)$/i;
const RECYCLE = /^(?:please recycle|merci de recycler|sírvase reciclar|просьба отправить на вторичную переработку|يرجى [اإ]عادة الاستعمال|请回收)/iu;
const LONE_MARKER = /^(?:\d{1,3}\s*[.．]|\d{1,3}\s*[-–]|[(（]\s*[^\s()（）]{1,4}\s*[)）]|[a-zа-я]\)|[IVXL]{1,6}\.|[A-ZА-Я]\.|[一二三四五六七八九十]{1,3}[.．、])$/u;
const SEPARATOR = /^\s*_{5,}\s*$/;
const FOOTNOTE_START = /^(\*{1,4}|\d{1,3}|\(\d{1,3}\))(?:\s+|(?=[^\d\s.,:;)\/\-]))(\S.*)$/u;

function isMasthead(s: string): boolean {
  const c = compact(s);
  if (c.length < 3) return false;
  return MASTHEAD_NAMES.some((n) => n.includes(c));
}

function languageLine(s: string): UnLang | null {
  const f = fold(s).replace(/[.*]+$/, '');
  return LANGUAGE_NAMES[f] ?? null;
}

function stripOwn(line: string, own: Set<string>): string {
  let rest = line;
  for (const f of findSymbols(line).reverse()) if (own.has(f.symbol)) rest = rest.slice(0, f.index) + rest.slice(f.index + f.length);
  return rest.replace(/\*+/g, '').trim();
}

interface RawLine {
  text: string;
  page: number;
  blank: boolean;
}

/** Splits, normalizes and cleans a PDF text; see the module comment. */
export function preprocess(input: string, langOpt?: UnLang): Preprocessed {
  const text = normalizeChars(input);
  const lang = langOpt ?? detectLang(text);
  const pages = text.split('\f');
  const raw: RawLine[] = [];
  pages.forEach((p, page) => {
    for (const l of p.split('\n')) {
      const t = l.replace(/\s+$/u, '').replace(/^\s+/u, '');
      raw.push({ text: t, page, blank: t === '' });
    }
  });
  const multiPage = pages.filter((p) => p.trim()).length > 1;

  // --- The document's own symbol(s): masthead of page 1, and standalone symbol lines repeated as page headers.
  const own = new Set<string>();
  const nonEmpty = raw.map((r, i) => i).filter((i) => !raw[i]!.blank);
  for (const i of nonEmpty.slice(0, 14)) {
    const line = raw[i]!.text;
    if (raw[i]!.page > 0) break;
    for (const cell of line.split(/\s{3,}|\t/)) {
      const syms = findSymbols(cell);
      if (!syms.length) continue;
      let rest = cell;
      for (const f of [...syms].reverse()) rest = rest.slice(0, f.index) + rest.slice(f.index + f.length);
      rest = rest.replace(/[*\s–—\-]+/g, ' ').trim();
      if (rest === '' || isMasthead(rest)) for (const f of syms) own.add(f.symbol);
    }
  }
  const standaloneCount = new Map<string, number>();
  for (const i of nonEmpty) {
    const s = standaloneSymbol(raw[i]!.text);
    if (s) standaloneCount.set(s, (standaloneCount.get(s) ?? 0) + 1);
  }
  for (const [s, n] of standaloneCount) if (n >= 2) own.add(s);
  // A symbol alone on the first line of a page after the first is a page header, even if seen once.
  if (multiPage) {
    let lastPage = -1;
    for (const i of nonEmpty) {
      if (raw[i]!.page === lastPage) continue;
      lastPage = raw[i]!.page;
      const s = lastPage > 0 ? standaloneSymbol(raw[i]!.text) : null;
      if (s) own.add(s);
    }
  }

  // --- Furniture.
  const furniture = new Array<boolean>(raw.length).fill(false);
  for (const i of nonEmpty) {
    const t = raw[i]!.text;
    const rest = own.size ? stripOwn(t, own) : t;
    if (
      JOB_LINE.test(t) ||
      BARCODE.test(t) ||
      PAGE_NUM.test(t) ||
      RECYCLE.test(t) ||
      (rest !== t.replace(/\*+/g, '').trim() && (rest === '' || JOB_LINE.test(rest) || PAGE_NUM.test(rest) || /^\d{1,3}$/.test(rest)))
    ) {
      furniture[i] = true;
    }
  }
  // A bare number is a page number at a page boundary or next to other furniture.
  for (let k = 0; k < nonEmpty.length; k++) {
    const i = nonEmpty[k]!;
    if (!/^\d{1,3}$/.test(raw[i]!.text)) continue;
    const prev = nonEmpty[k - 1];
    const next = nonEmpty[k + 1];
    const atBoundary =
      multiPage && (prev === undefined || raw[prev]!.page !== raw[i]!.page || next === undefined || raw[next]!.page !== raw[i]!.page);
    if (atBoundary || (prev !== undefined && furniture[prev]) || (next !== undefined && furniture[next])) furniture[i] = true;
  }

  // --- Page-1 masthead (header block).
  const header: HeaderInfo = { symbols: [...own], distribution: null, documentDate: null, originalLanguage: null, lines: [] };
  const headerLine = new Array<boolean>(raw.length).fill(false);
  const zone = nonEmpty.filter((i) => raw[i]!.page === 0).slice(0, 40);
  let headerEnd = -1;
  zone.forEach((i, k) => {
    for (const cell of raw[i]!.text.split(/\s{3,}|\t/)) {
      const f = fold(cell);
      const d = DISTR_LINE.exec(f);
      if (d) {
        headerEnd = Math.max(headerEnd, i);
        const w = d[1]!;
        header.distribution = /^(?:general|générale|generale)$/.test(w) ? 'general' : /^(?:limited|limitée|limitee|limitada)$/.test(w) ? 'limited' : 'restricted';
        const sameLine = parseHeaderDate(cell);
        if (sameLine) header.documentDate = sameLine;
        else {
          const ni = zone[k + 1];
          const nd = ni !== undefined ? parseHeaderDate(raw[ni]!.text) : null;
          if (nd && ni !== undefined) {
            header.documentDate = nd;
            headerEnd = Math.max(headerEnd, ni);
          }
        }
      }
      const o = ORIGINAL_LINE.exec(f);
      if (o) {
        headerEnd = Math.max(headerEnd, i);
        header.originalLanguage = LANGUAGE_NAMES[o[1]!.replace(/[.*]+$/, '')] ?? null;
      }
      if (languageLine(cell) && headerEnd >= 0) headerEnd = Math.max(headerEnd, i);
    }
  });
  const isHeaderish = (t: string): boolean =>
    t.split(/\s{3,}|\t/).every((cell) => {
      const c = cell.trim();
      if (!c || c === '*') return true;
      const f = fold(c);
      if (DISTR_LINE.test(f) || ORIGINAL_LINE.test(f) || languageLine(c) || parseHeaderDate(c) === c.trim() || isMasthead(c)) return true;
      if (JOB_LINE.test(c) || BARCODE.test(c)) return true;
      const rest = stripOwn(c, own);
      return rest === '' || isMasthead(rest);
    });
  if (headerEnd >= 0) {
    for (const i of zone) {
      if (i > headerEnd) break;
      const t = raw[i]!.text;
      if (isHeaderish(t) || parseHeaderDate(t)) headerLine[i] = true;
    }
    // Masthead lines printed after the Distr. block in the extraction order.
    let extra = 0;
    for (const i of zone) {
      if (i <= headerEnd) continue;
      if (extra >= 6) break;
      const t = raw[i]!.text;
      if (furniture[i] || isMasthead(t) || stripOwn(t, own) === '') {
        headerLine[i] = true;
        extra++;
      } else break;
    }
  } else {
    // No Distr. block: drop masthead lines at the very top.
    for (const i of zone.slice(0, 8)) {
      const t = raw[i]!.text;
      if (furniture[i] || isMasthead(t) || (own.size && stripOwn(t, own) === '') || stripOwn(t, own).length === 0) headerLine[i] = true;
      else break;
    }
  }
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!.text;
    if (headerLine[i] && !raw[i]!.blank && !JOB_LINE.test(t) && !BARCODE.test(t) && !PAGE_NUM.test(t)) header.lines.push(t);
  }

  // --- Footnotes, and the content lines.
  const lines: SourceLine[] = [];
  const footnotes: RawFootnote[] = [];
  let inFn = false;
  let fnPage = -1;
  let current: { label: string; number: number | null; parts: string[]; at: number } | null = null;
  let lastNum: number | null = null;
  let sawBlank = false;
  let lastPage = 0;
  let pageHasContent = false;
  const closeFootnote = () => {
    if (current) footnotes.push({ label: current.label, number: current.number, text: joinLines(current.parts, lang), at: current.at });
    current = null;
  };
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (r.page !== lastPage) {
      lastPage = r.page;
      pageHasContent = false;
      sawBlank = false;
    }
    if (r.blank) {
      sawBlank = true;
      continue;
    }
    if (furniture[i] || headerLine[i]) continue;
    const t = r.text;
    if (SEPARATOR.test(t)) {
      closeFootnote();
      inFn = true;
      fnPage = r.page;
      continue;
    }
    if (inFn) {
      if (r.page !== fnPage) {
        closeFootnote();
        inFn = false;
      } else {
        const m = FOOTNOTE_START.exec(t);
        const label = m ? m[1]!.replace(/[()]/g, '') : '';
        const num = m && /^\d+$/.test(label) ? Number(label) : null;
        const validNew =
          m !== null &&
          (num === null ? true : lastNum === null || num === lastNum + 1 || (current === null && num > lastNum)) &&
          !(num !== null && paraMarker(t, lang) && !m[2]);
        if (validNew) {
          closeFootnote();
          current = { label, number: num, parts: [m[2]!], at: lines.length };
          if (num !== null) lastNum = num;
          continue;
        }
        const cur = current as { parts: string[] } | null;
        const curText = cur ? cur.parts.join(' ') : '';
        if (cur && !endsSentence(curText) && !/[)）]$/.test(curText.trim()) && !hasAnyMarker(t, lang)) {
          cur.parts.push(t);
          continue;
        }
        closeFootnote();
        inFn = false;
      }
    }
    lines.push({ text: t, page: r.page, blankBefore: sawBlank && pageHasContent, pageStart: !pageHasContent && r.page > 0, width: displayWidth(t) });
    pageHasContent = true;
    sawBlank = false;
  }
  closeFootnote();

  // A paragraph number or letter alone on its line ("1." then the text on the next line, as some extractors give
  // it): put it in front of its text.
  for (let k = lines.length - 2; k >= 0; k--) {
    const cur = lines[k]!;
    const next = lines[k + 1]!;
    if (LONE_MARKER.test(cur.text) && next.page === cur.page && !LONE_MARKER.test(next.text) && !hasAnyMarker(next.text, lang)) {
      const text = `${cur.text} ${next.text}`;
      lines.splice(k, 2, { ...cur, text, width: displayWidth(text) });
      for (const f of footnotes) if (f.at > k) f.at--;
    }
  }

  let pairs = 0;
  let blanks = 0;
  for (let k = 1; k < lines.length; k++) {
    if (lines[k]!.pageStart) continue;
    pairs++;
    if (lines[k]!.blankBefore) blanks++;
  }
  const blankMeaningful = pairs === 0 || blanks / pairs < 0.6;
  const widths = lines.map((l) => l.width).filter((w) => w > 10).sort((a, b) => a - b);
  const fullWidth = widths.length ? widths[Math.floor(widths.length * 0.85)]! : 80;

  return { lang, lines, footnotes, header, ownSymbols: [...own], blankMeaningful, fullWidth };
}

/** A line that plainly goes on on the next one (ends with a hyphen, a "/", a connector word, an open bracket). */
export function looksContinued(t: string): boolean {
  if (/[\/\-]$/.test(t) || hasUnclosed(t)) return true;
  const last = fold(t).split(' ').pop() ?? '';
  return /^(?:of|and|the|in|on|to|for|from|with|by|a|an|de|des|du|la|le|les|et|à|en|aux|au|pour|sur|del|el|los|las|y|para|por|con|и|в|по|о|на|с|к|для|от|في|من|على|الى|و|عن)$/u.test(last);
}

/**
 * Between two lines of unnumbered text: does the second start a new paragraph? Yes after a blank line (when
 * blank lines mean something), after the end of a sentence, or after a short line, unless the text plainly
 * goes on (lowercase start, hyphen, connector word, open bracket).
 */
export function startsNewTextBlock(prev: SourceLine, line: SourceLine, pre: Preprocessed): boolean {
  const lower = /^[a-zà-ÿа-яё]/u.test(line.text);
  if (pre.blankMeaningful && line.blankBefore) return true;
  if (endsSentence(prev.text) && !lower) return true;
  return prev.width < pre.fullWidth * 0.7 && !lower && !looksContinued(prev.text);
}

/** A heading line that seems to go on on the next line. */
export function looksWrapped(line: SourceLine, next: SourceLine | undefined, pre: Preprocessed): boolean {
  if (!next) return false;
  const t = line.text;
  const n = next.text;
  if (hasAnyMarker(n, pre.lang)) return false;
  if (/\/$/.test(t) || /\p{L}-$/u.test(t)) return true;
  if (/^[a-zà-ÿа-яё]/u.test(n)) return true;
  if (pre.lang !== 'zh' && pre.lang !== 'ar' && /^[A-ZÀ-ÞА-ЯЁ]/u.test(n) && /[.;:]$/.test(t)) return false;
  const lastWord = fold(t).split(' ').pop() ?? '';
  if (
    /^(?:of|and|the|in|on|to|for|from|with|by|against|a|an|its|de|des|du|la|le|les|et|à|en|aux|au|pour|sur|contre|d'|l'|del|el|los|las|y|para|por|con|sobre|и|в|по|о|об|на|с|к|для|от|против|في|من|على|الى|و|عن)$/u.test(lastWord)
  )
    return true;
  if (hasUnclosed(t)) return true;
  if (endsSentence(t) || /[:：]$/.test(t)) return false;
  return line.width >= pre.fullWidth * 0.8;
}

/** The label a block starts with ("1.", "一.", "II.", "A.", "(a)", "a)", "1-"), kept apart from its text. */
const BLOCK_LABEL = /^(\d{1,3}[.．]|\d{1,3}\s*[-–](?=\s)|[一二三四五六七八九十]{1,3}[.．、]|[IVXLC]{1,6}\.|[A-ZА-Я][.．]|[(（][^)）\s]{1,4}[)）]|[a-zа-я]\))\s*/u;

function lineStartsBlock(line: SourceLine, lang: UnLang): boolean {
  const t = line.text;
  return Boolean(
    paraMarker(t, lang) || subMarker(t, lang) || chapterMarker(t, lang) || sectionMarker(t, lang) || annexMarker(t, lang) || keywordHeading(t) || standaloneSymbol(t) || findSymbols(t)[0]?.index === 0,
  );
}

function isHeadingLine(line: SourceLine, lang: UnLang): boolean {
  const t = line.text;
  return Boolean(chapterMarker(t, lang) || sectionMarker(t, lang) || annexMarker(t, lang) || keywordHeading(t));
}

/**
 * Cleans the plain text of a PDF-extracted UN document: page furniture removed (page headers/footers, page
 * numbers, job numbers, barcodes), the page-1 masthead kept as its own lines at the top, broken lines joined
 * into one line per paragraph, heading, sub-paragraph or list entry (Chinese joined without spaces, other
 * languages with a space and de-hyphenated), and the footnotes gathered at the end after a "___" line.
 */
export function cleanPdfText(text: string, lang?: UnLang): string {
  const pre = preprocess(text, lang);
  const L = pre.lang;
  const blocks: string[] = [];
  let cur: string[] = [];
  let curIsHeading = false;
  let curIsMarked = false;
  const flush = () => {
    if (cur.length) {
      const joined = joinLines(cur, L);
      const m = BLOCK_LABEL.exec(joined);
      blocks.push(m ? `${m[1]!} ${normalizeInline(joined.slice(m[0].length), L)}` : normalizeInline(joined, L));
    }
    cur = [];
  };
  pre.lines.forEach((line, k) => {
    const prev = pre.lines[k - 1];
    let newBlock = cur.length === 0 || lineStartsBlock(line, L) || isTableHeader(fold(line.text)) || (prev !== undefined && isTableHeader(fold(prev.text)));
    if (!newBlock && prev) {
      if (curIsHeading) newBlock = !(looksWrapped(prev, line, pre) && (line.width < pre.fullWidth * 0.8 || /^[a-zà-ÿа-яё]/u.test(line.text)));
      // A numbered paragraph or sub-paragraph goes on up to the next marked line.
      else if (!curIsMarked) newBlock = startsNewTextBlock(prev, line, pre);
    }
    if (newBlock) {
      flush();
      curIsMarked = Boolean(paraMarker(line.text, L) || subMarker(line.text, L));
      // A short marked line without final punctuation ("(a) Opening of the meeting") is a heading.
      curIsHeading =
        isHeadingLine(line, L) ||
        (lineStartsBlock(line, L) && line.width < pre.fullWidth * 0.6 && !endsSentence(line.text) && !/[:：;；,，]$/u.test(line.text));
    }
    cur.push(line.text);
  });
  flush();
  const out = [...pre.header.lines.map((l) => l.replace(/\s{2,}/g, '  ')), ...blocks];
  if (pre.footnotes.length) {
    out.push('__________________');
    for (const f of pre.footnotes) out.push(`${f.label} ${normalizeInline(f.text, L)}`);
  }
  return out.join('\n') + '\n';
}
