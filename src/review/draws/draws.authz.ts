import type { ModuleAuthz } from '../../../test/support/authz.ts';
import { as, login } from '../../../test/support/app.ts';

/**
 * Draws' part of the authorization matrix: the records are public (list, draw, package, verify); the secretariat
 * announces, draws, cancels, records redraws and creates reviews from a draw. A second call on the same draw may be
 * a 409/422 (already drawn, not a holder): allowed by role all the same.
 */
const D = '/api/v1/review/draws';
let cycleId = '00000000-0000-0000-0000-000000000000';
let drawnId = '00000000-0000-0000-0000-000000000000';
let announcedId = '00000000-0000-0000-0000-000000000000';

export const drawsAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/review/draws': 'public',
    'GET /api/v1/review/draws/:id': 'public',
    'GET /api/v1/review/draws/:id/package': 'public',
    'GET /api/v1/review/draws/:id/verify': 'public',
    'POST /api/v1/review/draws': ['secretariat'],
    'POST /api/v1/review/draws/:id/draw': ['secretariat'],
    'POST /api/v1/review/draws/:id/cancel': ['secretariat'],
    'POST /api/v1/review/draws/:id/redraws': ['secretariat'],
    'POST /api/v1/review/cycles/:id/reviews': ['secretariat'],
  },
  async setup(t) {
    const sec = await login(t.app, 'authz-secretariat');
    const cycle = await as(t.app, sec, 'POST', '/api/v1/review/cycles', { code: 'AUTHZ-DRAWS', title: 'Authorization matrix draws', instruments: ['UNTOC'], startYear: 2027 });
    if (cycle.statusCode !== 201) throw new Error(`draws authz setup: ${cycle.statusCode} ${cycle.body}`);
    cycleId = cycle.json().id;
    const announce = async () => {
      const res = await as(t.app, sec, 'POST', D, { cycleId, kind: 'reviewers', seedSource: 'Authorization matrix' });
      if (res.statusCode !== 201) throw new Error(`draws authz setup: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    drawnId = await announce();
    announcedId = await announce();
    const drawn = await as(t.app, sec, 'POST', `${D}/${drawnId}/draw`, { seed: '1 2 3' });
    if (drawn.statusCode !== 200) throw new Error(`draws authz setup: ${drawn.statusCode} ${drawn.body}`);
  },
  request(route, n) {
    const path = route.split(' ')[1]!;
    switch (route) {
      case 'POST /api/v1/review/draws':
        return { url: path, payload: { cycleId, kind: 'reviewers', seedSource: `Matrix ${n}` } };
      case 'POST /api/v1/review/draws/:id/draw':
        return { url: path.replace(':id', announcedId), payload: { seed: `seed ${n}` } };
      case 'POST /api/v1/review/draws/:id/cancel':
        return { url: path.replace(':id', announcedId) };
      case 'POST /api/v1/review/draws/:id/redraws':
        return { url: path.replace(':id', drawnId), payload: { reviewed: 'FRA', slot: 'own-group', replaced: 'DEU', requestedByState: 'FRA', requestedByName: 'Matrix', reason: `Matrix ${n}` } };
      case 'POST /api/v1/review/cycles/:id/reviews':
        return { url: path.replace(':id', cycleId), payload: { drawId: drawnId, phase: 1 } };
      default:
        return { url: path.replace(':id', drawnId) };
    }
  },
};
