/** The review pages' calls, on the generated client (paths and answers checked against the API). */
import { api, ok } from '../../../web/api/client.ts';

export const reviewApi = {
  list: (query: { stage?: string; lang: string }, signal?: AbortSignal) =>
    ok(api.GET('/api/v1/reviews', { params: { query: { ...(query.stage && { stage: query.stage as never }), lang: query.lang as never } }, signal })),
  get: (id: string, lang: string, signal?: AbortSignal) => ok(api.GET('/api/v1/reviews/{id}', { params: { path: { id }, query: { lang: lang as never } }, signal })),
  participants: (id: string, lang: string, signal?: AbortSignal) => ok(api.GET('/api/v1/reviews/{id}/participants', { params: { path: { id }, query: { lang: lang as never } }, signal })),
  act: (id: string, action: string) => ok(api.POST('/api/v1/reviews/{id}/actions', { params: { path: { id } }, body: { action: action as never } })),
  nominate: (id: string, body: { state: string; role: 'focal_point' | 'expert' | 'observer'; name: string; email?: string; username?: string; noteVerbaleRef: string }) =>
    ok(api.POST('/api/v1/reviews/{id}/nominations', { params: { path: { id } }, body })),
  invite: (id: string, pid: string) => ok(api.POST('/api/v1/reviews/{id}/participants/{pid}/invite', { params: { path: { id, pid } } })),
  revoke: (id: string, pid: string) => ok(api.POST('/api/v1/reviews/{id}/participants/{pid}/revoke', { params: { path: { id, pid } }, body: {} })),
  accept: (token: string) => ok(api.POST('/api/v1/review/invitations/accept', { body: { token } })),
  nominations: (lang: string, signal?: AbortSignal) => ok(api.GET('/api/v1/review/nominations', { params: { query: { lang: lang as never } }, signal })),
};
