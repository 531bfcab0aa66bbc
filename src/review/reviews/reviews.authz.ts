import type { ModuleAuthz } from '../../../test/support/authz.ts';
import { createTestReview } from '../test-fixtures.ts';

/**
 * Reviews and their people in the authorization matrix. By platform role: people of a State and the secretariat
 * may call the review routes (which review each sees is review.policy.ts: the matrix's FRA users take no part in
 * the review set up here, so they get the review's 404 — still "allowed by role"); nominations and revocations come
 * from a State's focal point or officer or the secretariat; invitations from the secretariat; anyone signed in may
 * try an invitation link (a made-up one here: 404).
 */
const PEOPLE = ['practitioner', 'officer', 'focal_point', 'expert', 'secretariat'] as const;
const NOMINATORS = ['focal_point', 'officer', 'secretariat'] as const;
let reviewId = '00000000-0000-0000-0000-000000000000';
let participantId = '00000000-0000-0000-0000-000000000000';

export const reviewsAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/reviews': PEOPLE,
    'GET /api/v1/reviews/:id': PEOPLE,
    'POST /api/v1/reviews/:id/actions': PEOPLE,
    'GET /api/v1/reviews/:id/history': PEOPLE,
    'GET /api/v1/reviews/:id/participants': PEOPLE,
    'POST /api/v1/reviews/:id/nominations': NOMINATORS,
    'POST /api/v1/reviews/:id/participants/:pid/invite': ['secretariat'],
    'POST /api/v1/reviews/:id/participants/:pid/revoke': NOMINATORS,
    'POST /api/v1/review/invitations/accept': 'authenticated',
    'GET /api/v1/review/nominations': NOMINATORS,
  },
  async setup(t) {
    const review = await createTestReview(t.database.db, { reviewed: 'DEU', reviewers: ['ITA', 'ESP'] });
    reviewId = review.id;
    const p = await t.database.db.insertInto('review_participants').values({ review_id: review.id, state_iso3: 'DEU', side: 'reviewed', role: 'expert', name: 'Matrix nominee' })
      .returning('id').executeTakeFirstOrThrow();
    participantId = p.id;
  },
  request(route, n) {
    const url = route.split(' ')[1]!.replace(':id', reviewId).replace(':pid', participantId);
    switch (route) {
      case 'POST /api/v1/reviews/:id/actions':
        return { url, payload: { action: 'open_questionnaire' } };
      case 'POST /api/v1/reviews/:id/nominations':
        return { url, payload: { state: 'DEU', role: 'expert', name: `Matrix expert ${n}`, noteVerbaleRef: `NV/${n}` } };
      case 'POST /api/v1/reviews/:id/participants/:pid/revoke':
        return { url, payload: { reason: 'matrix' } };
      case 'POST /api/v1/review/invitations/accept':
        return { url, payload: { token: `matrix-token-that-was-never-issued-${n}` } };
      default:
        return { url, payload: route.startsWith('POST') ? {} : undefined };
    }
  },
};
