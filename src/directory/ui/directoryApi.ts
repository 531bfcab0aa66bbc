/** The directory's part of the browser client: same origin, JSON, errors as the platform's ApiError. */
import { request, type RequestOptions } from '../../web/api.ts';
import type { RouteAnswer } from '../routing.types.ts';

export type { RouteAnswer };

export interface Entry {
  id: string;
  entryType: 'authority' | 'measure' | 'notification' | 'expert';
  iso3: string | null;
  version: number;
  lastVerified: string | null;
  updatedAt: string;
  updatedBy: string | null;
  contactsVisible: boolean;
  /** What the viewer may do with the entry (the server decides: directory.policy.ts). */
  permissions: { read: boolean; contacts: boolean; edit: boolean };
  retired: boolean;
  [field: string]: unknown;
}

export interface StateDirectory {
  iso3: string;
  part1: Entry[];
  part2: Entry[];
  focalPoints: Entry[];
  firearmsPocs: Entry[];
  measures: Entry[];
  notifications: Entry[];
  canEdit: boolean;
}

export interface HistoryItem {
  version: number;
  action: 'create' | 'update' | 'retire' | 'confirm';
  changedAt: string;
  changedBy: string | null;
  changes: Record<string, { from: unknown; to: unknown; hidden?: boolean }>;
}

export interface StaleItem {
  entryType: Entry['entryType'];
  id: string;
  iso3: string | null;
  label: string;
  lastVerified: string | null;
  updatedAt: string;
}

export interface StateCount {
  iso3: string;
  authorities: number;
  centralAuthorities: number;
  measures: number;
  notifications: number;
  lastVerified: string | null;
}

const BASE = '/api/v1/directory';

/** The directory's calls go through the one API client (errors, CSRF, aborts handled there). */
const call = <T,>(path: string, opts: { method?: RequestOptions['method']; body?: unknown; csrf?: string | null; signal?: AbortSignal } = {}) =>
  request<T>(`/directory${path}`, { method: opts.method, body: opts.body, csrfToken: opts.csrf, signal: opts.signal });

const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return s ? `?${s}` : '';
};

export type EntryPath = 'authorities' | 'measures' | 'notifications' | 'experts';
export const pathOf = (type: Entry['entryType']): EntryPath =>
  (({ authority: 'authorities', measure: 'measures', notification: 'notifications', expert: 'experts' }) as const)[type];

export const dirApi = {
  states: (signal?: AbortSignal) => call<{ items: StateCount[] }>('/states', { signal }).then((r) => r.items),
  state: (iso3: string, signal?: AbortSignal) => call<StateDirectory>(`/states/${encodeURIComponent(iso3)}`, { signal }),
  authorities: (f: { state?: string; category?: string; function?: string; q?: string }, signal?: AbortSignal) =>
    call<{ items: Entry[] }>(`/authorities${q(f)}`, { signal }).then((r) => r.items),
  authority: (id: string, signal?: AbortSignal) => call<Entry>(`/authorities/${encodeURIComponent(id)}`, { signal }),
  history: (type: EntryPath, id: string, signal?: AbortSignal) => call<{ items: HistoryItem[] }>(`/${type}/${encodeURIComponent(id)}/history`, { signal }).then((r) => r.items),
  route: (p: { from: string; to: string; kind: string; measure?: string; lang: string }, signal?: AbortSignal) => call<RouteAnswer>(`/route${q(p)}`, { signal }),
  stale: (signal?: AbortSignal) => call<{ before: string; items: StaleItem[] }>('/stale', { signal }),
  experts: (signal?: AbortSignal) => call<{ items: Entry[] }>('/experts', { signal }).then((r) => r.items),
  confirm: (type: EntryPath, id: string, csrf: string | null) => call<Entry>(`/${type}/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: {}, csrf }),
  retire: (type: EntryPath, id: string, reason: string, csrf: string | null) => call<Entry>(`/${type}/${encodeURIComponent(id)}/retire`, { method: 'POST', body: { reason }, csrf }),
  create: (type: 'authorities' | 'notifications' | 'experts', body: Record<string, unknown>, csrf: string | null) => call<Entry>(`/${type}`, { method: 'POST', body, csrf }),
  update: (type: 'authorities' | 'notifications' | 'experts', id: string, body: Record<string, unknown>, csrf: string | null) =>
    call<Entry>(`/${type}/${encodeURIComponent(id)}`, { method: 'PATCH', body, csrf }),
  putMeasure: (iso3: string, measure: string, body: Record<string, unknown>, csrf: string | null) =>
    call<Entry>(`/states/${encodeURIComponent(iso3)}/measures/${encodeURIComponent(measure)}`, { method: 'PUT', body, csrf }),
  vcardUrl: (type: 'authorities' | 'experts', id: string) => `${BASE}/${type}/${encodeURIComponent(id)}/vcard`,
  exportUrl: (type: string, format: 'csv' | 'json') => `${BASE}/export${q({ type, format })}`,
};
