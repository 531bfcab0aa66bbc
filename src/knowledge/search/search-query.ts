import { z } from 'zod';
import { FACETS, type Facet, type SearchQuery } from './search-provider.ts';

/** The search parameters of the API, the feed, exports and saved searches: one schema for all of them. */

/** Comma-separated or repeated query values → a list, each checked by `item`. */
const list = (item: z.ZodType<string, string>) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50))
    .optional();

export const searchQuerySchema = z.object({
  q: z.string().max(500).optional().describe('words; "a phrase" in quotes; -word to exclude; OR between alternatives'),
  type: list(z.string().regex(/^[a-z-]{2,30}$/, 'a record type such as cop-document')),
  state: list(z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as FRA')),
  group: list(z.string().regex(/^[a-z-]{2,40}$/, 'a regional group code such as african')),
  instrument: list(z.string().regex(/^[A-Z0-9]{2,12}$/, 'an instrument code such as UNTOC')),
  article: list(z.string().regex(/^[A-Z0-9]{2,12}:\d{1,3}(:\d{1,3})?$/, 'an article such as UNTOC:18 or UNTOC:18:13')),
  cluster: list(z.string().regex(/^[a-z-]{2,60}$/, 'a review cluster code')),
  crime: list(z.string().regex(/^[a-z-]{2,40}$/, 'a crime type such as money-laundering')),
  year: z.string().regex(/^\d{4}(-\d{4})?$/, 'a year (2016) or a range (2013-2016)').optional(),
  lang: list(z.string().regex(/^[a-z]{2,3}$/, 'a language code such as zh')),
  access: list(z.enum(['public', 'practitioners', 'state'])),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQueryInput = z.infer<typeof searchQuerySchema>;

export function toSearchQuery(q: SearchQueryInput): SearchQuery {
  const filters: Partial<Record<Facet, string[]>> = {};
  for (const f of FACETS) {
    if (f === 'year') continue;
    const v = q[f as Exclude<Facet, 'year'>];
    if (v?.length) filters[f] = v;
  }
  let yearFrom: number | undefined;
  let yearTo: number | undefined;
  if (q.year) {
    const [a, b] = q.year.split('-').map(Number);
    yearFrom = a;
    yearTo = b ?? a;
  }
  return { q: q.q, filters, yearFrom, yearTo, sort: q.sort, limit: q.limit, cursor: q.cursor };
}

