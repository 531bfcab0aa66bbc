/** The case page's calls for documents (/api/v1/cases/{id}/documents…, the rules helper's routes), on the generated client. */
import { api, ok } from '../../web/api/client.ts';
import type { components, paths } from '../../../generated/api-schema.d.ts';

export type CaseDocument = components['schemas']['CaseDocument'];
type AddQuery = NonNullable<paths['/api/v1/cases/{id}/documents']['post']['parameters']['query']>;

/** What the file picker offers (the server checks the bytes, whatever the picker allowed). */
export const DOCUMENT_ACCEPT = '.pdf,.docx,.doc,.odt,.xlsx,.png,.jpg,.jpeg,.tif,.tiff,.txt,application/pdf,image/png,image/jpeg,image/tiff,text/plain';

/** A plain link: the browser downloads it with the session cookie (a binary answer, not JSON). */
export const documentUrl = (caseId: string, docId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(docId)}`;

export const documentsApi = {
  list: (caseId: string, signal?: AbortSignal) =>
    ok(api.GET('/api/v1/cases/{id}/documents', { params: { path: { id: caseId } }, signal })).then((r) => r.items),
  /** The file is the request's body as it is (no multipart); its name and how it relates to the others travel in the query. */
  add: (caseId: string, file: File, opts: { role: string; language?: string; replaces?: string; translationOf?: string }) =>
    ok(
      api.POST('/api/v1/cases/{id}/documents', {
        params: { path: { id: caseId }, query: { fileName: file.name, ...opts, role: opts.role as AddQuery['role'] } },
        body: file as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      }),
    ),
};
