/**
 * The page-1 masthead of a UN document (own symbol, "Distr.", date, "Original:", language names): read into
 * `HeaderInfo` and marked so that `preprocess` keeps it out of the text.
 */
import type { HeaderInfo, RawLine } from './clean.ts';
import { findDateSpans } from '../extraction/dates.ts';
import { DISTR_LINE, LANGUAGE_NAMES, ORIGINAL_LINE } from './lexicon.ts';
import { BARCODE, JOB_LINE, PAGE_NUM, isMasthead, stripOwn } from './page-furniture.ts';
import { fold } from './text.ts';
import type { UnLang } from './types.ts';

/** A date written in English, French or Spanish (the page-1 "Distr." block of every language version). */
function parseHeaderDate(line: string): string | null {
  for (const lang of ['en', 'fr', 'es'] as const) {
    const hit = findDateSpans(line, lang).find((h) => !h.range);
    if (hit) return hit.start;
  }
  return null;
}

function languageLine(s: string): UnLang | null {
  const f = fold(s).replace(/[.*]+$/, '');
  return LANGUAGE_NAMES[f] ?? null;
}

/** The masthead's information, and which lines (indexed like `raw`) belong to it. */
export function readMasthead(
  raw: RawLine[],
  nonEmpty: number[],
  own: Set<string>,
  furniture: boolean[],
): { header: HeaderInfo; headerLine: boolean[] } {
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
  return { header, headerLine };
}
