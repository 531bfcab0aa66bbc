import type { ModuleAuthz } from '../../test/support/authz.ts';
import { as, login } from '../../test/support/app.ts';

/**
 * The documents of a case in the authorization matrix: practitioners and officers by role. Which case each may
 * touch is the case's rule (an unassigned practitioner, another State: 404), tested in documents.test.ts.
 */
const HANDLERS = ['practitioner', 'officer'] as const;
let caseId = '00000000-0000-4000-8000-000000000000';
let documentId = '00000000-0000-4000-8000-000000000001';

export const documentsAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/cases/:id/documents': HANDLERS,
    'POST /api/v1/cases/:id/documents': HANDLERS,
    'GET /api/v1/cases/:id/documents/:docId': HANDLERS,
  },
  async setup(t) {
    const officer = await login(t.app, 'authz-officer');
    const created = await as(t.app, officer, 'POST', '/api/v1/cases', {
      direction: 'incoming', kind: 'mla', counterpartState: 'DEU', title: 'Authorization matrix case (documents)', channel: 'email',
      legalBasis: { type: 'reciprocity' },
    });
    if (created.statusCode !== 201) throw new Error(`documents authz setup: ${created.statusCode} ${created.body}`);
    caseId = created.json().id;
    const doc = await as(t.app, officer, 'POST', `/api/v1/cases/${caseId}/documents?fileName=request.txt&role=request`, 'The request', { 'content-type': 'text/plain' });
    if (doc.statusCode !== 201) throw new Error(`documents authz setup: ${doc.statusCode} ${doc.body}`);
    documentId = doc.json().id;
  },
  request(route, n) {
    const url = route.split(' ')[1]!.replace(':id', caseId).replace(':docId', documentId);
    if (route === 'POST /api/v1/cases/:id/documents') {
      return { url: `${url}?fileName=note-${n}.txt&role=correspondence`, payload: `Correspondence ${n}`, headers: { 'content-type': 'text/plain' } };
    }
    return { url };
  },
};
