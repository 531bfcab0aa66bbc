import type { ModuleAuthz } from '../../../test/support/authz.ts';

/**
 * The exchange's part of the authorization matrix: officers send (the workflow then requires an officer of the
 * requesting State and a case `ready`); officers and practitioners read a case's messages (which case: the
 * case's own access, tested in exchange.routes.test.ts — a case they may not see is a 404).
 */
const NO_CASE = '00000000-0000-4000-8000-000000000000';

export const exchangeAuthz: ModuleAuthz = {
  expected: {
    'POST /api/v1/cases/:id/send': ['officer'],
    'GET /api/v1/cases/:id/messages': ['practitioner', 'officer'],
  },
  request(route) {
    const url = route.split(' ')[1]!.replace(':id', NO_CASE);
    return route.startsWith('POST') ? { url, payload: { channel: 'platform' } } : { url };
  },
};
