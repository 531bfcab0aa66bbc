/** The request's Word documents as plain links: the browser downloads them with the session cookie (no JSON). */
const BASE = '/api/v1';
const seg = encodeURIComponent;

export type DocumentKind = 'docx' | 'summary';

/** The request exactly as finalised. */
export const finalDocumentUrl = (id: string) => `${BASE}/drafting/drafts/${seg(id)}/final.docx`;
export const documentUrl = (id: string, kind: DocumentKind, lang: string) => `${BASE}/drafting/drafts/${seg(id)}/${kind}?lang=${seg(lang)}`;
