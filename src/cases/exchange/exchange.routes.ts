import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rolesPolicy } from '../../platform/auth/policy.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { caseIdParam } from '../cases.schemas.ts';
import { messagesDto, sendBody, sendResultDto } from './exchange.schemas.ts';
import { caseMessages, sendCase } from './exchange.service.ts';

/**
 * The exchange's routes (docs/EXCHANGE.md). Sending: officers (the machine's `send` guard: an officer of the
 * requesting State, the outgoing case `ready`). Messages: whoever may see the case. A case the caller may not
 * see is a 404, word for word as for one that does not exist.
 */
const tags = ['cases'];
const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export function exchangeRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post('/cases/:id/send', {
      config: { policy: rolesPolicy('officer') },
      schema: {
        tags,
        summary: 'Send an outgoing case that is ready: through the platform it is delivered at once as an incoming case to the requested State’s central authority when it uses this instance (with the same documents and digests, and time-stamped evidences); by another channel only the sending is recorded',
        params: caseIdParam,
        body: sendBody,
        response: { 200: sendResultDto, ...errors },
      },
    }, async (req) => sendCase(ctx.db, req.actor, req.params.id, req.body));

    app.get('/cases/:id/messages', {
      config: { policy: rolesPolicy('practitioner', 'officer') },
      schema: {
        tags,
        summary: 'The messages exchanged about a case (envelopes as sent and received, with their SHA-256) and the evidences of their transmission; same access as the case',
        params: caseIdParam,
        response: { 200: messagesDto, ...errors },
      },
    }, async (req) => caseMessages(ctx.db, req.actor, req.params.id));
  };
}
