/**
 * First stage: from PDF-extracted text to content lines. Removes page furniture (repeated symbol headers, page
 * numbers, job numbers, barcodes, "Please recycle"), reads and removes the page-1 masthead (symbol, "Distr.",
 * date, "Original:"), and takes the footnotes out of the flow of the text. `cleanPdfText` renders the result as
 * plain text with broken lines joined.
 */
import { isHeadingLine, lineStartsBlock, looksWrapped, startsNewTextBlock } from './block-breaks.ts';
import { contentLines } from './content-lines.ts';
import { detectLang } from './language.ts';
import { isTableHeader } from './lexicon.ts';
import { paraMarker, subMarker } from './markers.ts';
import { readMasthead } from './masthead.ts';
import { findOwnSymbols, markFurniture } from './page-furniture.ts';
import { endsSentence, fold, joinLines, normalizeChars, normalizeInline } from './text.ts';
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

/** One line of the input as extracted, before anything is removed. */
export interface RawLine {
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

  const nonEmpty = raw.map((r, i) => i).filter((i) => !raw[i]!.blank);
  const own = findOwnSymbols(raw, nonEmpty, multiPage);
  const furniture = markFurniture(raw, nonEmpty, own, multiPage);
  const { header, headerLine } = readMasthead(raw, nonEmpty, own, furniture);
  const { lines, footnotes } = contentLines(raw, (i) => furniture[i]! || headerLine[i]!, lang);

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

/** The label a block starts with ("1.", "一.", "II.", "A.", "(a)", "a)", "1-"), kept apart from its text. */
const BLOCK_LABEL = /^(\d{1,3}[.．]|\d{1,3}\s*[-–](?=\s)|[一二三四五六七八九十]{1,3}[.．、]|[IVXLC]{1,6}\.|[A-ZА-Я][.．]|[(（][^)）\s]{1,4}[)）]|[a-zа-я]\))\s*/u;

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
