/** The wizard's calls for a draft's supporting files (/api/v1/drafting/drafts/{id}/attachments…), on the generated client. */

import { api, ok } from '../../web/api/client.ts';
import type { paths } from '../../../generated/api-schema.d.ts';

type ListAnswer = paths['/api/v1/drafting/drafts/{id}/attachments']['get']['responses'][200]['content']['application/json'];
export type Attachment = ListAnswer['items'][number];

/** What the file picker offers (the server checks the bytes, whatever the picker allowed). */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg,.tif,.tiff,.txt,application/pdf,image/png,image/jpeg,image/tiff,text/plain';

/** A plain link: the browser downloads it with the session cookie (a binary answer, not JSON). */
export const attachmentUrl = (draftId: string, sha256: string) =>
  `/api/v1/drafting/drafts/${encodeURIComponent(draftId)}/attachments/${encodeURIComponent(sha256)}`;

export const attachmentsApi = {
  list: (draftId: string, signal?: AbortSignal) =>
    ok(api.GET('/api/v1/drafting/drafts/{id}/attachments', { params: { path: { id: draftId } }, signal })).then((r) => r.items),
  /** The file is the request's body as it is (no multipart); its name and description travel in the query. */
  add: (draftId: string, file: File, opts: { language?: string; title?: string }) =>
    ok(
      api.POST('/api/v1/drafting/drafts/{id}/attachments', {
        params: { path: { id: draftId }, query: { fileName: file.name, ...(opts.language && { language: opts.language }), ...(opts.title && { title: opts.title }) } },
        body: file as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      }),
    ),
  remove: (draftId: string, sha256: string) =>
    ok(api.DELETE('/api/v1/drafting/drafts/{id}/attachments/{sha256}', { params: { path: { id: draftId, sha256 } } })),
};
