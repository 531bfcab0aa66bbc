import type { ModuleAuthz } from '../../../test/support/authz.ts';

/**
 * The analysis' part of the authorization matrix: the analysis and its CSV tables are the secretariat's (the
 * working group on technical assistance gets them from it); a cycle's progress, counts per stage with no State in
 * them, any signed-in user's. What the figures are is tested in analysis.test.ts.
 */
export const analysisAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/review/analysis': ['secretariat'],
    'GET /api/v1/review/analysis.csv': ['secretariat'],
    'GET /api/v1/review/progress': 'authenticated',
  },
  request(route) {
    const url = route.split(' ')[1]!;
    return route === 'GET /api/v1/review/analysis.csv' ? { url: `${url}?table=articles` } : { url };
  },
};
