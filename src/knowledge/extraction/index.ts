/**
 * Reference extractor: finds in a text of any of the six UN languages the articles of the Convention and
 * its Protocols (and of UNCAC and the 1988 Convention), resolutions and decisions, document symbols,
 * States and dates. Pure functions, no database. Offsets are UTF-16 indices into the input as given.
 */
import { articleFilter } from './filters.ts';
import { extractArticles } from './articles.ts';
import { DocContext } from './context.ts';
import { extractDates } from './dates.ts';
import { MentionIndex, findMentions } from './instruments.ts';
import { detectLanguage } from './language.ts';
import { shadow } from './numbers.ts';
import { extractResolutions } from './resolutions.ts';
import { extractStates } from './states.ts';
import { extractJobNumbers, extractSymbols } from './symbols.ts';
import type { Lang, Reference, ReferenceKind } from './types.ts';

export type * from './types.ts';
export { detectLanguage } from './language.ts';
export { parseChineseNumeral } from './numbers.ts';

export interface ExtractOptions {
  /** Language of the text; detected from its script and stop words when absent. */
  lang?: Lang;
  /** Only these kinds (default: all). */
  kinds?: ReferenceKind[];
}

export function extractReferences(text: string, opts: ExtractOptions = {}): Reference[] {
  const lang = opts.lang ?? detectLanguage(text);
  const ctx = new DocContext(text, shadow(text), lang);
  const want = (k: ReferenceKind) => !opts.kinds || opts.kinds.includes(k);
  const out: Reference[] = [];
  const symbols = want('symbol') || want('article') ? extractSymbols(ctx) : [];
  if (want('article')) {
    const index = new MentionIndex(findMentions(ctx));
    out.push(...articleFilter(extractArticles(ctx, index), symbols));
  }
  if (want('resolution') || want('decision')) out.push(...extractResolutions(ctx).filter((r) => want(r.kind)));
  if (want('symbol')) out.push(...symbols);
  if (want('job-number')) out.push(...extractJobNumbers(ctx));
  if (want('state')) out.push(...extractStates(ctx));
  if (want('date')) out.push(...extractDates(ctx));
  return out
    .map((r, i) => [r, i] as const)
    .sort((a, b) => a[0].start - b[0].start || a[1] - b[1])
    .map(([r]) => r);
}
