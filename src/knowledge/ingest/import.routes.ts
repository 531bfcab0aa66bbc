import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy } from '../../platform/auth/policy.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { RECORD_TYPES } from '../knowledge.tables.ts';
import { importFile } from './import.service.ts';
import { MAX_FILE_BYTES } from './readers.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { importOutcomeSchema } from '../knowledge.responses.ts';

/** The secretariat's import in the UI: the file is the request body, its name and options the query. */
export function importRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    // The file is the body whatever its type: no JSON or text parsing here.
    plain.removeAllContentTypeParsers();
    plain.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.post('/imports', {
      config: { policy: rolesPolicy('secretariat') },
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags: ['knowledge'],
        summary: 'Import one file (text, HTML, DOCX or PDF) as a knowledge record; the file is the request body',
        querystring: z.object({
          fileName: z.string().min(1).max(255),
          type: z.enum(RECORD_TYPES).optional(),
          lang: z.string().regex(/^[a-z]{2,3}$/).optional(),
          access: z.enum(['public', 'practitioners', 'state']).optional(),
          state: z.string().regex(/^[A-Z]{3}$/).optional(),
        }),
        response: { 200: importOutcomeSchema, 400: errorSchema },
      },
    }, async (req) => {
      const body = req.body as unknown;
      if (!Buffer.isBuffer(body)) throw new ValidationError('Send the file as the request body', [{ path: 'body', message: 'expected the file' }]);
      const outcome = await importFile(ctx.db, req.query.fileName, body, {
        actor: req.actor,
        type: req.query.type,
        lang: req.query.lang,
        access: req.query.access,
        accessState: req.query.state,
      });
      if (outcome.status === 'rejected') throw new ValidationError(`${outcome.file} was not imported: ${outcome.reason}`, [{ path: 'body', message: outcome.reason ?? 'rejected' }]);
      return outcome;
    });
  };
}
