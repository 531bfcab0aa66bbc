import { CASE_CHANNELS, CASE_KINDS, CRIME_TYPES, DIRECTIONS, LEGAL_BASES, REFUSAL_GROUNDS } from '../../case.vocabulary.ts';
import { MEASURE_CODES } from '../../../reference/measures.ts';

/**
 * What the statistics pages filter and group by: the same names as the API's query (`GET /api/v1/cases/stats`,
 * stats/stats.schemas.ts) and `palermo cases stats --by`, so a page's address, its CSV link and the CLI read alike.
 */
export const DIMENSIONS = ['kind', 'direction', 'counterpart', 'regional-group', 'measure', 'legal-basis', 'crime-type', 'outcome', 'refusal-ground', 'channel', 'month', 'year'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The final outcomes a case records (0017_cases.sql `outcome`). */
export const OUTCOMES = ['executed', 'partially-executed', 'refused', 'withdrawn', 'returned', 'forwarded'] as const;

/** The stages whose processing time the API reports (stats/stages.ts), in the order a request lives them. */
export const STAGES = ['preparation', 'registration', 'review', 'transfer', 'execution'] as const;
export type Stage = (typeof STAGES)[number];

/** The filters of the page, as query parameters. Period first; the codes' lists feed the selects. */
export const FILTERS = ['from', 'to', 'direction', 'kind', 'counterpart', 'regionalGroup', 'measure', 'legalBasis', 'crimeType', 'outcome'] as const;
export type FilterName = (typeof FILTERS)[number];
export type Filters = Partial<Record<FilterName, string>>;

/** The codes a select offers for a coded filter (States and regional groups come from the reference API). */
export const FILTER_CODES: Partial<Record<FilterName, readonly string[]>> = {
  direction: DIRECTIONS,
  kind: CASE_KINDS,
  measure: MEASURE_CODES,
  legalBasis: LEGAL_BASES,
  crimeType: CRIME_TYPES,
  outcome: OUTCOMES,
};

/** The dimension whose value labels a filter's options use. */
export const FILTER_DIMENSION: Record<Exclude<FilterName, 'from' | 'to'>, Dimension> = {
  direction: 'direction',
  kind: 'kind',
  counterpart: 'counterpart',
  regionalGroup: 'regional-group',
  measure: 'measure',
  legalBasis: 'legal-basis',
  crimeType: 'crime-type',
  outcome: 'outcome',
};

/** Every coded value of a dimension the UI labels itself (for the locale test and the selects). */
export const DIMENSION_CODES = {
  kind: CASE_KINDS,
  direction: DIRECTIONS,
  measure: MEASURE_CODES,
  'legal-basis': LEGAL_BASES,
  'crime-type': CRIME_TYPES,
  outcome: OUTCOMES,
  'refusal-ground': REFUSAL_GROUNDS,
  channel: CASE_CHANNELS,
} as const satisfies Partial<Record<Dimension, readonly string[]>>;

const isDimension = (s: string): s is Dimension => (DIMENSIONS as readonly string[]).includes(s);

/** The page's state from its address: filters, and one or two dimensions to group by (kind when none is given). */
export function readParams(params: URLSearchParams): { filters: Filters; by: Dimension[] } {
  const filters: Filters = {};
  for (const f of FILTERS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  const by = [...new Set((params.get('by') ?? '').split(',').filter(isDimension))].slice(0, 2);
  return { filters, by: by.length ? by : ['kind'] };
}

/** The query string of the same filters and grouping (for the address, the API call and the CSV link). */
export function toQuery(filters: Filters, by: readonly Dimension[]): URLSearchParams {
  const q = new URLSearchParams();
  for (const f of FILTERS) if (filters[f]) q.set(f, filters[f]!);
  if (by.length) q.set('by', by.join(','));
  return q;
}
