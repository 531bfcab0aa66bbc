import type { ModuleAuthz } from '../../../test/support/authz.ts';

/**
 * The statistics' part of the authorization matrix: a State's statistics and submitting them are its officers';
 * the list of submissions and their combination, officers and the secretariat. (What each sees — its own State
 * only, metadata only for the secretariat — is tested in stats.routes.test.ts.)
 */
export const statsAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/cases/stats': ['officer'],
    'GET /api/v1/cases/stats.csv': ['officer'],
    'POST /api/v1/cases/stats/submissions': ['officer'],
    'GET /api/v1/cases/stats/submissions': ['officer', 'secretariat'],
    'GET /api/v1/cases/stats/combined': ['officer', 'secretariat'],
  },
  request(route, n) {
    const url = route.split(' ')[1]!;
    switch (route) {
      case 'GET /api/v1/cases/stats':
        return { url: `${url}?by=kind` };
      case 'GET /api/v1/cases/stats/combined':
        return { url: `${url}?from=2025-01-01&to=2025-12-31&by=kind` };
      case 'POST /api/v1/cases/stats/submissions':
        return { url, payload: { from: `${2000 + (n % 50)}-01-01`, to: `${2000 + (n % 50)}-12-31`, by: ['kind'] } };
      default:
        return { url };
    }
  },
};
