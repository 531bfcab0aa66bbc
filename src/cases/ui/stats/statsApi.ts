import type { components, paths } from '../../../../generated/api-schema.d.ts';
import { api, ok } from '../../../web/api/client.ts';
import { useApi } from '../../../web/useApi.ts';
import { toQuery, type Dimension, type Filters } from './dimensions.ts';

/** The statistics API's shapes (stats/stats.schemas.ts), from the generated schema. */
type S = components['schemas'];
export type Stats = S['CaseStatistics'];
export type StatsGroup = Stats['groups'][number];
export type Submission = S['CaseStatSubmission'];
export type SubmittedCell = NonNullable<Submission['cells']>[number];
export type Combined = S['CaseStatCombined'];
export type CombinedCell = Combined['cells'][number];
export type Distribution = StatsGroup['totalDays'];

type StatsQuery = NonNullable<paths['/api/v1/cases/stats']['get']['parameters']['query']>;

/** The query as the API takes it: filters by name, `by` comma-separated (the client's serializer joins arrays). */
function statsQuery(filters: Filters, by: readonly Dimension[]): StatsQuery {
  return Object.fromEntries(toQuery(filters, by)) as StatsQuery;
}

/** A State's statistics for these filters and grouping (reloaded when either changes). */
export function useStats(filters: Filters, by: readonly Dimension[]) {
  const key = toQuery(filters, by).toString();
  return useApi((signal) => ok(api.GET('/api/v1/cases/stats', { params: { query: statsQuery(filters, by) }, signal })), [key]);
}

/** The CSV of the same figures: a plain link (file downloads are links, docs/ARCHITECTURE.md). */
export const csvHref = (filters: Filters, by: readonly Dimension[]) => `/api/v1/cases/stats.csv?${toQuery(filters, by).toString()}`;

export function useSubmissions(deps: readonly unknown[] = []) {
  return useApi((signal) => ok(api.GET('/api/v1/cases/stats/submissions', { signal })), deps);
}

export interface SubmissionInput {
  from: string;
  to: string;
  by: Dimension[];
  direction?: 'incoming' | 'outgoing';
}

export const submitAggregates = (body: SubmissionInput) => ok(api.POST('/api/v1/cases/stats/submissions', { body }));

export interface CombinedInput {
  from: string;
  to: string;
  by: Dimension[];
  direction?: 'incoming' | 'outgoing';
  across: 'all' | 'regional-group';
}

export function useCombined(q: CombinedInput | null) {
  const key = q ? JSON.stringify(q) : '';
  return useApi(
    (signal) => (q ? ok(api.GET('/api/v1/cases/stats/combined', { params: { query: { ...q, by: q.by.join(',') } }, signal })) : Promise.resolve(null)),
    [key],
  );
}
