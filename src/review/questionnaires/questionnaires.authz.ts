import type { ModuleAuthz } from '../../../test/support/authz.ts';
import { loadStandardQuestionnaires } from './standard.ts';

/**
 * The questionnaires' part of the authorization matrix. Published question sets are public; only the secretariat
 * drafts and publishes versions. A review's questionnaire, answers and consultation are open to anyone signed in by
 * role — the review itself decides (participants only: the matrix users are in no review, so they get the review's
 * 404, tested with real participants in questionnaires.test.ts).
 */
const SECRETARIAT = ['secretariat'] as const;
const NO_REVIEW = '00000000-0000-4000-8000-0000000000a1';
const NO_QUESTION = '00000000-0000-4000-8000-0000000000b2';
let setId = '00000000-0000-4000-8000-0000000000c3';

export const questionnairesAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/review/question-sets': 'public',
    'GET /api/v1/review/question-sets/:id': 'public',
    'POST /api/v1/review/question-sets': SECRETARIAT,
    'PUT /api/v1/review/question-sets/:id': SECRETARIAT,
    'POST /api/v1/review/question-sets/:id/publish': SECRETARIAT,
    'GET /api/v1/reviews/:id/questionnaire': 'authenticated',
    'PUT /api/v1/reviews/:id/answers/:questionId': 'authenticated',
    'GET /api/v1/reviews/:id/consultations': 'authenticated',
    'POST /api/v1/reviews/:id/consultations': 'authenticated',
  },
  async setup(t) {
    await loadStandardQuestionnaires(t.database.db);
    const s = await t.database.db.selectFrom('review_question_sets').select('id').where('instrument_code', '=', 'SOM').where('cluster_code', '=', 'international-cooperation').executeTakeFirstOrThrow();
    setId = s.id;
  },
  request(route, n) {
    const url = route.split(' ')[1]!.replace('/question-sets/:id', `/question-sets/${setId}`).replace('/reviews/:id', `/reviews/${NO_REVIEW}`).replace(':questionId', NO_QUESTION);
    switch (route) {
      case 'POST /api/v1/review/question-sets':
        return { url, payload: { instrument: 'SOM', cluster: 'international-cooperation' } };
      case 'PUT /api/v1/review/question-sets/:id':
        return { url, payload: { title: { en: `SOM ${n}` }, questions: [{ key: 'SOM-7-1', article: 7, answerType: 'text', texts: { en: 'How?' } }] } };
      case 'PUT /api/v1/reviews/:id/answers/:questionId':
        return { url, payload: { value: { text: `Answer ${n}` } } };
      case 'POST /api/v1/reviews/:id/consultations':
        return { url, payload: { bodyName: `Body ${n}`, sector: 'academia' } };
      default:
        return { url, payload: route.startsWith('GET') ? undefined : {} };
    }
  },
};
