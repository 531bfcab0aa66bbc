import type { ModuleAuthz } from '../../test/support/authz.ts';
import { as, login } from '../../test/support/app.ts';

/**
 * The drafting module's part of the authorization matrix: drafters are practitioners and officers; only
 * officers finalise and see what other States share with them. (Which draft each may see is tested in
 * drafting.routes.test.ts: a refusal there is a 404, not a 403.)
 */
const DRAFTERS = ['practitioner', 'officer'] as const;
const P = '/api/v1/drafting';
let draftId = '00000000-0000-0000-0000-000000000000';

export const draftingAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/drafting/reference': DRAFTERS,
    'GET /api/v1/drafting/drafts': DRAFTERS,
    'POST /api/v1/drafting/drafts': DRAFTERS,
    'GET /api/v1/drafting/shared': ['officer'],
    'GET /api/v1/drafting/drafts/:id': DRAFTERS,
    'PATCH /api/v1/drafting/drafts/:id': DRAFTERS,
    'POST /api/v1/drafting/drafts/:id/duplicate': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/versions': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/versions/:version': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/compare': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/history': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/checks': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/docx': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/summary': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/final.docx': DRAFTERS,
    'POST /api/v1/drafting/drafts/:id/finalise': ['officer'],
    'POST /api/v1/drafting/drafts/:id/shares': DRAFTERS,
    'DELETE /api/v1/drafting/drafts/:id/shares': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/comments': DRAFTERS,
    'POST /api/v1/drafting/drafts/:id/comments': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/attachments': DRAFTERS,
    'POST /api/v1/drafting/drafts/:id/attachments': DRAFTERS,
    'GET /api/v1/drafting/drafts/:id/attachments/:sha256': DRAFTERS,
    'DELETE /api/v1/drafting/drafts/:id/attachments/:sha256': DRAFTERS,
  },
  async setup(t) {
    const officer = await login(t.app, 'authz-officer');
    const res = await as(t.app, officer, 'POST', `${P}/drafts`, { content: { title: 'Authorization matrix draft' } });
    if (res.statusCode !== 201) throw new Error(`drafting authz setup: ${res.statusCode} ${res.body}`);
    draftId = res.json().id;
  },
  request(route, n) {
    const url = route.split(' ')[1]!.replace(':id', draftId).replace(':version', '1').replace(':sha256', '0'.repeat(64));
    switch (route) {
      case 'POST /api/v1/drafting/drafts':
        return { url, payload: { content: { title: `Draft ${n}` } } };
      case 'PATCH /api/v1/drafting/drafts/:id':
        return { url, payload: { version: 1, content: { title: `Title ${n}` } } };
      case 'POST /api/v1/drafting/drafts/:id/finalise':
        return { url, payload: { version: 1 } };
      case 'POST /api/v1/drafting/drafts/:id/shares':
        return { url, payload: {} };
      case 'POST /api/v1/drafting/drafts/:id/comments':
        return { url, payload: { body: `Comment ${n}` } };
      case 'POST /api/v1/drafting/drafts/:id/attachments':
        return { url: `${url}?fileName=note-${n}.txt`, payload: `Supporting note ${n}`, headers: { 'content-type': 'text/plain' } };
      case 'POST /api/v1/drafting/drafts/:id/duplicate':
        return { url, payload: {} };
      default:
        return { url };
    }
  },
};
