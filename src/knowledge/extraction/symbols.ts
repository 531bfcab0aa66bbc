/**
 * UN document symbols (CTOC/COP/WG.2/2016/1, A/RES/55/25, E/CN.15/2016/10, CTOC/COP/WG.3/2016/1/Add.1,
 * S/RES/2331 (2016)) and job numbers (V.16-03174), which are not symbols. `findSymbols` is the one symbol
 * matcher of the platform: the reference extractor reports what it finds, and the structure parser
 * (`../parsing`) uses it to tell a document's own symbol from the ones it cites and to read lists of documents.
 */
import type { DocContext } from './context.ts';
import type { JobNumberReference, SymbolReference } from './types.ts';

const ROOTS = 'A|E|S|ST|CTOC|CAC|UNODC|CND|INCB|TD|UNEP|CRC|CEDAW|CCPR|CERD|CAT|DP|HRC|IDB|GC|ECE|ESCAP|ECLAC|ECA|ESCWA|UNDP|UNICEF|UNHCR|ICCD|JIU|FCCC|CTC|SG|ISBA|UNW|CCPCJ|UNCAC|ECOSOC';
// A segment: "COP", "WG.2", "2016", "L.3", "Add.1", "CRP.1", "INF", "Rev.1", "CN.15". A line break may
// follow a slash (PDF extraction).
const SEG = String.raw`[A-Z0-9][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*`;
const SYMBOL = new RegExp(String.raw`(?<![A-Za-z0-9/.\-])(?:${ROOTS})(?:/[ \t]*(?:\r?\n[ \t]*)?${SEG}){2,}(?:\s?\(\d{4}\))?`, 'g');
const JOB = /(?<![A-Za-z0-9])[VN]\.?\s?\d{2}-\d{5}(?!\d)/g;

export interface SymbolMatch {
  /** The symbol with whitespace (line breaks inside it) removed; "S/RES/2331 (2016)" keeps its one space. */
  symbol: string;
  /** The symbol as written, and where. */
  text: string;
  index: number;
  length: number;
}

export function findSymbols(text: string): SymbolMatch[] {
  const out: SymbolMatch[] = [];
  if (!text.includes('/')) return out;
  for (const m of text.matchAll(SYMBOL)) {
    let t = m[0];
    // "(2016)" belongs only to Security Council resolutions.
    if (/\(\d{4}\)$/.test(t) && !/^S\/RES\//.test(t)) t = t.replace(/\s?\(\d{4}\)$/, '');
    out.push({ symbol: t.replace(/\s+/g, '').replace(/\(/, ' ('), text: t, index: m.index, length: t.length });
  }
  return out;
}

export function extractSymbols(ctx: DocContext): SymbolReference[] {
  return findSymbols(ctx.text).map((s) => ({ kind: 'symbol', symbol: s.symbol, text: s.text, start: s.index, end: s.index + s.length }));
}

export function extractJobNumbers(ctx: DocContext): JobNumberReference[] {
  const out: JobNumberReference[] = [];
  for (const m of ctx.text.matchAll(JOB)) {
    out.push({ kind: 'job-number', jobNumber: m[0].replace(/\s+/g, ''), text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
