import type { ModuleAuthz } from '../../../test/support/authz.ts';

/**
 * The export's part of the authorization matrix: any signed-in user may ask for a review's DOCX; the review then
 * answers (its participants and the secretariat get it, anyone else a 404 — tested in export.test.ts). The matrix
 * asks for a review that does not exist: a 404 for every role that passes, a 401 for the public.
 */
export const exportAuthz: ModuleAuthz = {
  expected: {
    'GET /api/v1/reviews/:id/export.docx': 'authenticated',
  },
  request(route) {
    return { url: `${route.split(' ')[1]!.replace(':id', '00000000-0000-4000-8000-000000000000')}?lang=en` };
  },
};
