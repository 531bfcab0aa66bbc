import type { ModuleAuthz } from '../../test/support/authz.ts';
import { as, login } from '../../test/support/app.ts';
import { incomingInput } from './test-fixtures.ts';

/**
 * The case tracker core's part of the authorization matrix: cases are handled by officers and practitioners of
 * a State; only officers register one. (Which case each sees is tested in cases.confidentiality.test.ts: a
 * refusal there is a 404, not a 403 — the practitioner of the matrix, not assigned, gets a 404 here.)
 */
const HANDLERS = ['practitioner', 'officer'] as const;
const P = '/api/v1/cases';
let caseId = '00000000-0000-0000-0000-000000000000';

export const coreAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/cases/workflow': HANDLERS,
    'GET /api/v1/cases': HANDLERS,
    'POST /api/v1/cases': ['officer'],
    'GET /api/v1/cases/:id': HANDLERS,
    'POST /api/v1/cases/:id/events': HANDLERS,
  },
  async setup(t) {
    const officer = await login(t.app, 'authz-officer');
    const res = await as(t.app, officer, 'POST', P, incomingInput('DEU', { title: 'Authorization matrix case' }));
    if (res.statusCode !== 201) throw new Error(`cases authz setup: ${res.statusCode} ${res.body}`);
    caseId = res.json().id;
  },
  request(route, n) {
    const url = route.split(' ')[1]!.replace(':id', caseId);
    switch (route) {
      case 'POST /api/v1/cases':
        return { url, payload: incomingInput('DEU', { title: `Matrix case ${n}` }) };
      case 'POST /api/v1/cases/:id/events':
        return { url, payload: { type: 'note', note: `Note ${n}` } };
      default:
        return { url };
    }
  },
};
