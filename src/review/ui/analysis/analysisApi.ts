import type { components } from '../../../../generated/api-schema.d.ts';
import { api, ok } from '../../../web/api/client.ts';
import { useApi } from '../../../web/useApi.ts';

export type Analysis = components['schemas']['ReviewAnalysis'];
export type Progress = components['schemas']['ReviewProgress'];
export interface AnalysisFilters {
  cycle?: string;
  instrument?: string;
  cluster?: string;
  group?: string;
}

const clean = (f: AnalysisFilters) => Object.fromEntries(Object.entries(f).filter(([, v]) => !!v)) as AnalysisFilters;

export function useAnalysis(f: AnalysisFilters, lang: string) {
  const query = { ...clean(f), lang: lang as 'en' };
  return useApi((signal) => ok(api.GET('/api/v1/review/analysis', { params: { query }, signal })), [JSON.stringify(query)]);
}

export function useProgress(cycle: string | undefined) {
  return useApi((signal) => ok(api.GET('/api/v1/review/progress', { params: { query: cycle ? { cycle } : {} }, signal })), [cycle ?? '']);
}

/** The CSV of one table: a plain link (downloads are links). */
export const csvHref = (f: AnalysisFilters, table: string) => `/api/v1/review/analysis.csv?${new URLSearchParams({ ...clean(f), table } as Record<string, string>).toString()}`;
