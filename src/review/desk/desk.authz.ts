import type { ModuleAuthz } from '../../../test/support/authz.ts';

/**
 * The desk review in the authorization matrix, by platform role: reading a review's desk material is for anyone
 * signed in (the review then answers 404 to whoever is not in it — the matrix users are not — and only the
 * secretariat sees every review); writing is for the people of States (focal points and experts of the review
 * draft, its focal points send and submit: tested in desk.comments.test.ts and desk.outputs.test.ts); the
 * secretariat and admins do not write here (403 by role). Published outputs are public.
 */
const STATE_PEOPLE = ['practitioner', 'officer', 'focal_point', 'expert'] as const;
const REVIEW = '00000000-0000-4000-8000-00000000d35c';
const ITEM = '00000000-0000-4000-8000-00000000d35d';

export const deskAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/reviews/:id/comments': 'authenticated',
    'POST /api/v1/reviews/:id/comments': STATE_PEOPLE,
    'PATCH /api/v1/reviews/:id/comments/:cid': STATE_PEOPLE,
    'POST /api/v1/reviews/:id/comments/:cid/send': STATE_PEOPLE,
    'POST /api/v1/reviews/:id/steps': STATE_PEOPLE,
    'GET /api/v1/reviews/:id/observations': 'authenticated',
    'POST /api/v1/reviews/:id/observations': STATE_PEOPLE,
    'POST /api/v1/reviews/:id/observations/order': STATE_PEOPLE,
    'PATCH /api/v1/reviews/:id/observations/:oid': STATE_PEOPLE,
    'DELETE /api/v1/reviews/:id/observations/:oid': STATE_PEOPLE,
    'GET /api/v1/reviews/:id/summaries': 'authenticated',
    'PUT /api/v1/reviews/:id/summaries/:state': STATE_PEOPLE,
    'POST /api/v1/reviews/:id/publications': STATE_PEOPLE,
    'GET /api/v1/review/published': 'public',
    'GET /api/v1/review/published/:reviewId': 'public',
  },
  request(route) {
    const url = route.split(' ')[1]!.replace(':id', REVIEW).replace(':cid', ITEM).replace(':oid', ITEM).replace(':state', 'DEU').replace(':reviewId', REVIEW);
    const bodies: Record<string, unknown> = {
      'POST /api/v1/reviews/:id/comments': { kind: 'feedback', body: 'Matrix feedback' },
      'PATCH /api/v1/reviews/:id/comments/:cid': { body: 'Matrix edit' },
      'POST /api/v1/reviews/:id/steps': { step: 'feedback' },
      'POST /api/v1/reviews/:id/observations': { reviewingState: 'DEU', kind: 'gap', instrument: 'UNTOC', articles: [5], text: 'Matrix gap' },
      'POST /api/v1/reviews/:id/observations/order': { reviewingState: 'DEU', ids: [ITEM] },
      'PATCH /api/v1/reviews/:id/observations/:oid': { version: 1, text: 'Matrix edit' },
      'PUT /api/v1/reviews/:id/summaries/:state': { text: 'Matrix summary' },
      'POST /api/v1/reviews/:id/publications': { output: 'observations', reviewingState: 'DEU' },
    };
    return { url, payload: route in bodies ? bodies[route] : route.startsWith('GET') || route.startsWith('DELETE') ? undefined : {} };
  },
};
