/**
 * UN document symbols, kept deliberately small: the structure parser needs them to tell the document's own
 * symbol from the ones it cites and to read lists of documents. (The reference extractor in
 * `src/knowledge/extraction` has the complete matcher; this one could be replaced by it.)
 */

// A symbol starts with a known series and has at least two "/"-separated parts, one of them with a digit.
// A space is tolerated right after a "/" (a symbol broken across lines).
const SYMBOL_RE =
  /(?<![A-Za-z0-9/.])((?:CTOC|A|E|S|ST|CAC|UNODC|TD|CCPCJ|CND|ECOSOC|UNEP|E\/CN\.\d{1,2}|A\/CONF\.\d{1,3})(?:\/ ?[A-Za-z0-9][A-Za-z0-9.\-]*){1,8})/g;

export interface SymbolMatch {
  symbol: string;
  index: number;
  length: number;
}

export function findSymbols(text: string): SymbolMatch[] {
  const out: SymbolMatch[] = [];
  if (!text.includes('/')) return out;
  for (const m of text.matchAll(SYMBOL_RE)) {
    let raw = m[1]!;
    // Trailing punctuation of the sentence is not part of the symbol.
    while (/[.\-]$/.test(raw)) raw = raw.slice(0, -1);
    const symbol = raw.replace(/\s+/g, '');
    if (!/\d/.test(symbol) || symbol.split('/').length < 3) {
      // "A/63" is not a symbol; "A/63/539" is. Short two-part ones are only kept for CTOC-like series.
      if (!/^(?:CTOC|UNODC|CAC)\//.test(symbol) || !/\d/.test(symbol)) continue;
    }
    out.push({ symbol, index: m.index, length: raw.length });
  }
  return out;
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
