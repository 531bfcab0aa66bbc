import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUTHENTICATED } from '../../platform/auth/policy.ts';
import { contentDisposition } from '../../platform/documents/documents.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { fileBody } from '../../platform/platform.responses.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { reviewIdParam } from '../reviews/reviews.schemas.ts';
import { exportQuery } from './export.schemas.ts';
import { exportReview } from './export.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A review's outputs as a DOCX file in any of the six languages. Any signed-in user may ask; the review itself
 * decides (openReview): its participants and the secretariat get the file, anyone else the review's 404.
 */
export function exportRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/reviews/:id/export.docx', {
      config: { policy: AUTHENTICATED },
      schema: {
        tags: ['review'],
        summary: 'A review’s outputs as DOCX (cover, each reviewing State’s list of observations by kind and summary, optionally the answers) in one of the six languages; drafts only for the side that writes them (participants and secretariat; others 404)',
        params: reviewIdParam,
        querystring: exportQuery,
        response: { 200: fileBody(DOCX), 400: errorSchema, 401: errorSchema, 404: errorSchema },
      },
    }, async (req, reply) => {
      const file = await exportReview(ctx.db, req.actor, req.params.id, req.query);
      return reply.type(DOCX).header('content-disposition', contentDisposition(file.fileName)).header('cache-control', 'no-store').send(file.data);
    });
  };
}
