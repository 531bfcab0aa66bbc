import type { paths } from '../../../generated/api-schema.d.ts';

/** The filters of GET /states (its query without the language). */
export type StateFilters = Omit<NonNullable<paths['/api/v1/states']['get']['parameters']['query']>, 'lang'>;

export const FILTER_KEYS = ['group', 'party', 'status', 'legal', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const STATUSES = ['party', 'signatory', 'none', 'unknown'] as const;

/** The States filters as held in the address (?group=&party=&status=&legal=&q=), cleaned for the API. */
export function filtersFromParams(params: URLSearchParams): StateFilters {
  const get = (k: FilterKey) => params.get(k)?.trim() || undefined;
  const party = get('party');
  const status = get('status');
  return {
    group: get('group'),
    party,
    status: party && status && (STATUSES as readonly string[]).includes(status) ? (status as (typeof STATUSES)[number]) : undefined,
    legal: get('legal') as StateFilters['legal'],
    q: get('q'),
  };
}

export function hasFilters(f: StateFilters): boolean {
  return FILTER_KEYS.some((k) => f[k] !== undefined);
}
