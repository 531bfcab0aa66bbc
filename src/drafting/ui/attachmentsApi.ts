/** The wizard's client for a draft's supporting files (/api/v1/drafting/drafts/{id}/attachments…). */

import { request as call } from '../../web/api.ts';

export interface Attachment {
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  language: string | null;
  title: string;
  addedBy: { id: string; name: string; state: string | null };
  addedAt: string;
}

const seg = encodeURIComponent;
const base = (draftId: string) => `/drafting/drafts/${seg(draftId)}/attachments`;

/** What the file picker offers (the server checks the bytes, whatever the picker allowed). */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg,.tif,.tiff,.txt,application/pdf,image/png,image/jpeg,image/tiff,text/plain';

/** A plain link: the browser downloads it with the session cookie. */
export const attachmentUrl = (draftId: string, sha256: string) => `/api/v1${base(draftId)}/${seg(sha256)}`;

export const attachmentsApi = {
  list: (draftId: string, signal?: AbortSignal) => call<{ items: Attachment[] }>(base(draftId), { signal }).then((r) => r.items),
  add: (draftId: string, file: File, opts: { language?: string; title?: string }, csrfToken: string) => {
    const q = new URLSearchParams({ fileName: file.name });
    if (opts.language) q.set('language', opts.language);
    if (opts.title) q.set('title', opts.title);
    return call<Attachment>(`${base(draftId)}?${q}`, { method: 'POST', file, csrfToken });
  },
  remove: (draftId: string, sha256: string, csrfToken: string) => call<void>(`${base(draftId)}/${seg(sha256)}`, { method: 'DELETE', csrfToken }),
};
