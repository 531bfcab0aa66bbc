import type { ModuleAuthz } from '../../../test/support/authz.ts';
import { as, login } from '../../../test/support/app.ts';

/**
 * Review cycles' part of the authorization matrix: configuration is public to read; only the secretariat creates
 * and changes it (each change with the version read: the matrix's repeated calls may answer 409, never 401/403).
 */
const P = '/api/v1/review/cycles';
let cycleId = '00000000-0000-0000-0000-000000000000';

export const configAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/review/cycles': 'public',
    'GET /api/v1/review/cycles/:id': 'public',
    'POST /api/v1/review/cycles': ['secretariat'],
    'PATCH /api/v1/review/cycles/:id': ['secretariat'],
    'PUT /api/v1/review/cycles/:id/plan': ['secretariat'],
    'PUT /api/v1/review/cycles/:id/groups': ['secretariat'],
  },
  async setup(t) {
    const sec = await login(t.app, 'authz-secretariat');
    const res = await as(t.app, sec, 'POST', P, { code: 'AUTHZ-CYCLE', title: 'Authorization matrix cycle', instruments: ['UNTOC'], startYear: 2027 });
    if (res.statusCode !== 201) throw new Error(`config authz setup: ${res.statusCode} ${res.body}`);
    cycleId = res.json().id;
  },
  request(route, n) {
    const url = route.split(' ')[1]!.replace(':id', cycleId);
    switch (route) {
      case 'POST /api/v1/review/cycles':
        return { url, payload: { code: `AUTHZ-${n}`, title: `Matrix cycle ${n}`, instruments: ['UNTOC'], startYear: 2027 } };
      case 'PATCH /api/v1/review/cycles/:id':
        return { url, payload: { version: 1, title: `Matrix cycle renamed ${n}` } };
      case 'PUT /api/v1/review/cycles/:id/plan':
        return { url, payload: { version: 1, phases: [{ phase: 1, clusters: ['criminalization-jurisdiction'], yearOffset: 0, years: 2 }] } };
      case 'PUT /api/v1/review/cycles/:id/groups':
        return { url, payload: { version: 1, groups: [{ group: 1, startYear: 2027, states: ['FRA'] }] } };
      default:
        return { url };
    }
  },
};
