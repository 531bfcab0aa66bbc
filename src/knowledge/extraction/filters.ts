import type { ArticleReference, SymbolReference } from './types.ts';

/** Drops article references that fall inside a document symbol (both lists sorted by start). */
export function articleFilter(articles: ArticleReference[], symbols: SymbolReference[]): ArticleReference[] {
  if (!symbols.length) return articles;
  const out: ArticleReference[] = [];
  let j = 0;
  for (const a of articles) {
    while (j < symbols.length && symbols[j]!.end <= a.start) j++;
    const s = symbols[j];
    if (s && s.start < a.end) continue;
    out.push(a);
  }
  return out;
}
