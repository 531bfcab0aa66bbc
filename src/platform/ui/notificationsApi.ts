import { api, ok } from '../../web/api/client.ts';
import type { paths } from '../../../generated/api-schema.d.ts';

/**
 * The browser's calls to the notification API (platform/notifications/notifications.routes.ts), through the
 * generated client; the types are the answers' as docs/openapi.json declares them.
 */

type Answer<P extends keyof paths, M extends 'get' | 'put'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type InboxPageData = Answer<'/api/v1/me/notifications', 'get'>;
export type InboxMessage = InboxPageData['items'][number];
export type NoticePreferences = Answer<'/api/v1/me/notification-preferences', 'get'>;
export type NoticePreference = NoticePreferences['kinds'][number];
type Language = NoticePreferences['language'];

export const notificationsApi = {
  inbox: (query: { lang?: Language; unread?: boolean; limit?: number; before?: number }, signal?: AbortSignal) =>
    ok(api.GET('/api/v1/me/notifications', { params: { query: query as never }, signal })) as Promise<InboxPageData>,
  markRead: (id: number) => ok(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
  markAllRead: () => ok(api.POST('/api/v1/me/notifications/read-all', {})),
  preferences: (lang: Language, signal?: AbortSignal) =>
    ok(api.GET('/api/v1/me/notification-preferences', { params: { query: { lang } }, signal })) as Promise<NoticePreferences>,
  savePreferences: (lang: Language, change: { language?: Language; kinds?: Array<{ kind: string; inApp: boolean; email: boolean }> }) =>
    ok(api.PUT('/api/v1/me/notification-preferences', { params: { query: { lang } }, body: change })) as Promise<NoticePreferences>,
};
