import type { components } from '../../../../generated/api-schema.d.ts';
import { api, ok } from '../../../web/api/client.ts';
import { useApi } from '../../../web/useApi.ts';

/** The cycles' and draws' API (review/config, review/draws), typed from the generated schema. */
type S = components['schemas'];
export type Cycle = S['ReviewCycle'];
export type Draw = S['ReviewDraw'];
export type CycleSettings = Cycle['settings'];

export const useCycles = (deps: readonly unknown[] = []) => useApi((signal) => ok(api.GET('/api/v1/review/cycles', { signal })), deps);
export const useCycle = (id: string, deps: readonly unknown[] = []) =>
  useApi((signal) => ok(api.GET('/api/v1/review/cycles/{id}', { params: { path: { id } }, signal })), [id, ...deps]);
export const useDraws = (cycleId: string | undefined, deps: readonly unknown[] = []) =>
  useApi((signal) => ok(api.GET('/api/v1/review/draws', { params: { query: cycleId ? { cycleId } : {} }, signal })), [cycleId, ...deps]);
export const useDraw = (id: string, deps: readonly unknown[] = []) =>
  useApi((signal) => ok(api.GET('/api/v1/review/draws/{id}', { params: { path: { id } }, signal })), [id, ...deps]);
export const useClusters = () => useApi((signal) => ok(api.GET('/api/v1/clusters', { signal })), []);

export const createCycle = (body: { code: string; title: string; instruments: string[]; startYear: number }) => ok(api.POST('/api/v1/review/cycles', { body }));
export const patchCycle = (id: string, body: { version: number; title?: string; settings?: Partial<CycleSettings> }) =>
  ok(api.PATCH('/api/v1/review/cycles/{id}', { params: { path: { id } }, body }));
export type PhaseInput = { phase: number; clusters: string[]; yearOffset: number; years: number };
export const putPlan = (id: string, version: number, phases: PhaseInput[]) => ok(api.PUT('/api/v1/review/cycles/{id}/plan', { params: { path: { id } }, body: { version, phases } }));
export const announceDraw = (body: { cycleId: string; kind: 'reviewers' | 'groups'; seedSource: string; groups?: number }) => ok(api.POST('/api/v1/review/draws', { body }));
export const performDraw = (id: string, seed: string) => ok(api.POST('/api/v1/review/draws/{id}/draw', { params: { path: { id } }, body: { seed } }));
export const cancelDraw = (id: string) => ok(api.POST('/api/v1/review/draws/{id}/cancel', { params: { path: { id } } }));
export interface RedrawInput {
  reviewed: string;
  slot: 'own-group' | 'other-group' | 'additional';
  replaced: string;
  requestedByState: string;
  requestedByName: string;
  reason: string;
  exceptional?: boolean;
  exceptionReason?: string;
}
export const recordRedraw = (id: string, body: RedrawInput) => ok(api.POST('/api/v1/review/draws/{id}/redraws', { params: { path: { id } }, body }));
export const createReviews = (cycleId: string, body: { drawId: string; phase: number; group?: number }) =>
  ok(api.POST('/api/v1/review/cycles/{id}/reviews', { params: { path: { id: cycleId } }, body }));

export const packageHref = (id: string) => `/api/v1/review/draws/${id}/package`;
