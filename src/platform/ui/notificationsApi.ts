import { request } from '../../web/api.ts';

/** The browser's calls to the notification API (platform/notifications/notifications.routes.ts). */

export interface InboxMessage {
  id: number;
  kind: string;
  /** Rendered by the server in the language asked for. */
  subject: string;
  body?: string;
  items?: Array<{ text: string; link?: string; lang?: string; detail?: string }>;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface InboxPageData {
  items: InboxMessage[];
  unread: number;
  next: number | null;
}

export interface NoticePreference {
  kind: string;
  module: string;
  label: string;
  inApp: boolean;
  email: boolean;
  defaults: { inApp: boolean; email: boolean };
}

export interface NoticePreferences {
  language: string;
  kinds: NoticePreference[];
}

const q = (params: Record<string, string | number | boolean | undefined>) =>
  '?' + new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export const notificationsApi = {
  inbox: (opts: { lang?: string; unread?: boolean; limit?: number; before?: number }, signal?: AbortSignal) =>
    request<InboxPageData>(`/me/notifications${q(opts)}`, { signal }),
  markRead: (id: number, csrfToken: string) => request<void>(`/me/notifications/${id}/read`, { method: 'POST', csrfToken }),
  markAllRead: (csrfToken: string) => request<{ marked: number }>('/me/notifications/read-all', { method: 'POST', csrfToken }),
  preferences: (lang: string, signal?: AbortSignal) => request<NoticePreferences>(`/me/notification-preferences${q({ lang })}`, { signal }),
  savePreferences: (lang: string, change: { language?: string; kinds?: Array<{ kind: string; inApp: boolean; email: boolean }> }, csrfToken: string) =>
    request<NoticePreferences>(`/me/notification-preferences${q({ lang })}`, { method: 'PUT', body: change, csrfToken }),
};
