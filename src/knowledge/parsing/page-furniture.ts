/**
 * Page furniture of a PDF extraction, which `preprocess` drops before reading the text: the document's own
 * symbol (in the page-1 masthead and repeated as page headers), page numbers, job numbers, barcodes and
 * "Please recycle".
 */
import type { RawLine } from './clean.ts';
import { findSymbols } from '../extraction/symbols.ts';
import { MASTHEAD_NAMES } from './lexicon.ts';
import { compact } from './text.ts';

export const JOB_LINE =
  /^(?:\d{1,3}\s*\/\s*\d{1,3}\s+)?(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+(?:[A-Z]{1,4}|\d{6}|\d{1,3}\s*\/\s*\d{1,3}))*\s*$/;
export const BARCODE = /^\*\s?\d{6,9}\s?\*$/;
export const PAGE_NUM = /^(?:\d{1,3}\s*\/\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|(?:page|página|страница)\s+\d{1,3}(?:\s+(?:of|de|из)\s+\d{1,3})?)$/i;
const RECYCLE = /^(?:please recycle|merci de recycler|sírvase reciclar|просьба отправить на вторичную переработку|يرجى [اإ]عادة الاستعمال|请回收)/iu;

/** A name of the masthead ("United Nations", "Conference of the Parties …") or part of one. */
export function isMasthead(s: string): boolean {
  const c = compact(s);
  if (c.length < 3) return false;
  return MASTHEAD_NAMES.some((n) => n.includes(c));
}

/** The line without the document's own symbols and "*". */
export function stripOwn(line: string, own: Set<string>): string {
  let rest = line;
  for (const f of findSymbols(line).reverse()) if (own.has(f.symbol)) rest = rest.slice(0, f.index) + rest.slice(f.index + f.length);
  return rest.replace(/\*+/g, '').trim();
}

/** The line is a symbol and nothing else (a page header), possibly with "*" or a page number. */
export function standaloneSymbol(line: string): string | null {
  const t = line.trim().replace(/\*+$/, '').trim();
  const found = findSymbols(t);
  if (found.length !== 1) return null;
  const f = found[0]!;
  const rest = (t.slice(0, f.index) + t.slice(f.index + f.length)).trim();
  if (rest === '' || /^\d{1,3}(?:\s*\/\s*\d{1,3})?$/.test(rest)) return f.symbol;
  return null;
}

/** The document's own symbol(s): masthead of page 1, and standalone symbol lines repeated as page headers. */
export function findOwnSymbols(raw: RawLine[], nonEmpty: number[], multiPage: boolean): Set<string> {
  const own = new Set<string>();
  for (const i of nonEmpty.slice(0, 14)) {
    const line = raw[i]!.text;
    if (raw[i]!.page > 0) break;
    for (const cell of line.split(/\s{3,}|\t/)) {
      const syms = findSymbols(cell);
      if (!syms.length) continue;
      let rest = cell;
      for (const f of [...syms].reverse()) rest = rest.slice(0, f.index) + rest.slice(f.index + f.length);
      rest = rest.replace(/[*\s–—-]+/g, ' ').trim();
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
  return own;
}

/** Which lines are furniture (indexed like `raw`). */
export function markFurniture(raw: RawLine[], nonEmpty: number[], own: Set<string>, multiPage: boolean): boolean[] {
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
  return furniture;
}
