/** The wizard's client for /api/v1/drafting/… and the directory's routing answer (same origin, JSON, CSRF). */

import type { RouteAnswer } from '../../directory/routing.types.ts';
import type { Channel, RequestKind } from '../../reference/measures.ts';
import { request as call } from '../../web/api.ts';
import type { DraftContent, DraftContentInput } from '../draft.schema.ts';

export type { DraftContent, RouteAnswer, RequestKind, Channel };

export interface PersonRef {
  id: string;
  name: string;
}

export interface Share {
  id: string;
  state: string;
  sharedAt: string;
  sharedBy: PersonRef;
  note: string | null;
}

export interface PendingCase {
  id: string;
  draftId: string;
  reference: string;
  requestingState: string;
  requestedState: string;
  kind: RequestKind;
  status: string;
  createdAt: string;
}

export interface Draft {
  id: string;
  reference: string;
  requestingState: string;
  requestedState: string | null;
  kind: RequestKind;
  title: string;
  status: 'draft' | 'shared' | 'finalised';
  version: number;
  content: DraftContent;
  createdBy: PersonRef;
  createdAt: string;
  updatedBy: PersonRef;
  updatedAt: string;
  duplicatedFrom: string | null;
  finalisedAt: string | null;
  finalisedBy: PersonRef | null;
  case: PendingCase | null;
  /** The request as finalised, kept byte for byte (finalDocumentUrl). */
  finalDocument: { fileName: string; mediaType: string; language: string; size: number; sha256: string; storedAt: string } | null;
  shares: Share[];
  access: 'owner' | 'consultation';
  /** What the viewer may do with the draft (the server decides: drafting.policy.ts). */
  permissions: { view: boolean; comment: boolean; prepare: boolean; share: boolean; edit: boolean; attach: boolean };
  /** What this viewer may do now (the draft's workflow): the UI shows exactly these. */
  actions: Array<{ action: 'edit' | 'share' | 'unshare' | 'comment' | 'finalise' | 'duplicate'; allowed: boolean; reasons: Array<{ code: string; message: string }> }>;
}

export interface DraftSummary {
  id: string;
  reference: string;
  requestingState: string;
  requestedState: string | null;
  kind: RequestKind;
  title: string;
  status: 'draft' | 'shared' | 'finalised';
  version: number;
  updatedAt: string;
  createdBy: PersonRef;
  shared: boolean;
}

export interface VersionInfo {
  version: number;
  title: string;
  changedAt: string;
  changedBy: PersonRef;
}

export interface Change {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

export interface Comparison {
  from: number;
  to: number;
  changes: Change[];
}

export interface CheckResult {
  id: string;
  family: string;
  severity: 'error' | 'warning';
  path: string;
  step: string;
  message: string;
  fix: string;
  params?: Record<string, unknown>;
}

export interface CheckReport {
  ok: boolean;
  errors: number;
  warnings: number;
  results: CheckResult[];
  directory: unknown;
}

export interface DraftComment {
  id: string;
  body: string;
  path: string | null;
  audience: 'internal' | 'consultation';
  author: { id: string; name: string; state: string | null };
  version: number;
  createdAt: string;
}

export interface DraftingReference {
  kinds: RequestKind[];
  measures: { code: string; kinds: RequestKind[]; article: string; coercive: boolean; electronic: boolean }[];
  channels: Channel[];
  languages: string[];
  legalBasisTypes: { code: string; implies: string }[];
  checkIds: string[];
}

const BASE = '/api/v1';
const seg = encodeURIComponent;

export type DocumentKind = 'docx' | 'summary';

/** The address of a generated document (a plain link: the browser downloads it with the session cookie). */
export const finalDocumentUrl = (id: string) => `${BASE}/drafting/drafts/${seg(id)}/final.docx`;
export const documentUrl = (id: string, kind: DocumentKind, lang: string) => `${BASE}/drafting/drafts/${seg(id)}/${kind}?lang=${seg(lang)}`;

export const draftingApi = {
  reference: (signal?: AbortSignal) => call<DraftingReference>('/drafting/reference', { signal }),
  list: (signal?: AbortSignal) => call<{ items: DraftSummary[]; total: number }>('/drafting/drafts?limit=200', { signal }),
  shared: (signal?: AbortSignal) => call<{ items: DraftSummary[] }>('/drafting/shared', { signal }),
  create: (content: DraftContentInput, csrfToken: string) => call<Draft>('/drafting/drafts', { method: 'POST', body: { content }, csrfToken }),
  get: (id: string, signal?: AbortSignal) => call<Draft>(`/drafting/drafts/${seg(id)}`, { signal }),
  /** `patch` is a JSON merge patch of the content (see mergePatch.ts). */
  save: (id: string, version: number, patch: unknown, csrfToken: string) =>
    call<Draft>(`/drafting/drafts/${seg(id)}`, { method: 'PATCH', body: { version, content: patch }, csrfToken }),
  duplicate: (id: string, csrfToken: string) => call<Draft>(`/drafting/drafts/${seg(id)}/duplicate`, { method: 'POST', body: {}, csrfToken }),
  versions: (id: string, signal?: AbortSignal) => call<{ items: VersionInfo[] }>(`/drafting/drafts/${seg(id)}/versions`, { signal }).then((r) => r.items),
  compare: (id: string, from: number | undefined, to: number | undefined, signal?: AbortSignal) => {
    const q = new URLSearchParams();
    if (from !== undefined) q.set('from', String(from));
    if (to !== undefined) q.set('to', String(to));
    const s = q.toString();
    return call<Comparison>(`/drafting/drafts/${seg(id)}/compare${s ? '?' + s : ''}`, { signal });
  },
  checks: (id: string, signal?: AbortSignal) => call<CheckReport>(`/drafting/drafts/${seg(id)}/checks`, { signal }),
  finalise: (id: string, version: number, csrfToken: string) =>
    call<{ draft: Draft; case: PendingCase }>(`/drafting/drafts/${seg(id)}/finalise`, { method: 'POST', body: { version }, csrfToken }),
  share: (id: string, note: string, csrfToken: string) =>
    call<Share>(`/drafting/drafts/${seg(id)}/shares`, { method: 'POST', body: note ? { note } : {}, csrfToken }),
  unshare: (id: string, csrfToken: string) => call<void>(`/drafting/drafts/${seg(id)}/shares`, { method: 'DELETE', csrfToken }),
  comments: (id: string, signal?: AbortSignal) => call<{ items: DraftComment[] }>(`/drafting/drafts/${seg(id)}/comments`, { signal }).then((r) => r.items),
  comment: (id: string, input: { body: string; path?: string; audience?: 'internal' | 'consultation' }, csrfToken: string) =>
    call<DraftComment>(`/drafting/drafts/${seg(id)}/comments`, { method: 'POST', body: input, csrfToken }),
  route: (q: { from: string; to: string; kind: RequestKind; measure?: string; lang: string }, signal?: AbortSignal) => {
    const p = new URLSearchParams({ from: q.from, to: q.to, kind: q.kind, lang: q.lang });
    if (q.measure) p.set('measure', q.measure);
    return call<RouteAnswer>(`/directory/route?${p.toString()}`, { signal });
  },
};
