/** The directory's addresses that are not API calls: the path segment of an entry type and the download links. */
import type { Entry } from '../../web/api/types.ts';

const BASE = '/api/v1/directory';

export type EntryPath = 'authorities' | 'measures' | 'notifications' | 'experts';
export const pathOf = (type: Entry['entryType']): EntryPath =>
  (({ authority: 'authorities', measure: 'measures', notification: 'notifications', expert: 'experts' }) as const)[type];

// vCards and exports are plain links: the browser downloads the file with the session cookie.
export const vcardUrl = (type: 'authorities' | 'experts', id: string) => `${BASE}/${type}/${encodeURIComponent(id)}/vcard`;
export const directoryExportUrl = (type: string, format: 'csv' | 'json') => `${BASE}/export?${new URLSearchParams({ type, format }).toString()}`;
