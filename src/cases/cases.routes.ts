import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rolesPolicy } from '../platform/auth/policy.ts';
import type { AppContext } from '../platform/http/context.ts';
import { errorSchema } from '../platform/platform.schemas.ts';
import * as cases from './cases.service.ts';
import { caseDto, caseEventBody, caseIdParam, caseListDto, caseListQuery, registerCaseBody, workflowDto } from './cases.schemas.ts';
import { inTransaction } from '../platform/db/transaction.ts';

/**
 * The case tracker's core routes. Who may call them: central-authority officers and practitioners of a State
 * (registering a case: officers); which cases they see and what they may do with each is cases.policy.ts and the
 * workflow (case.workflow.ts) — a case they may not see is a 404, as for one that does not exist.
 */
const HANDLERS = rolesPolicy('practitioner', 'officer');
const OFFICERS = rolesPolicy('officer');
const tags = ['cases'];
const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export function casesRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/cases/workflow', {
      config: { policy: HANDLERS },
      schema: { tags, summary: 'The case workflow as data: states, actions, transitions with their guards, and a Mermaid diagram', response: { 200: workflowDto } },
    }, async () => cases.caseWorkflow());

    app.get('/cases', {
      config: { policy: HANDLERS },
      schema: {
        tags,
        summary: 'Work queues: my State’s cases I may see (queue=all) or those assigned to me (queue=mine), by direction, status, overdue; sorted by priority by default',
        querystring: caseListQuery,
        response: { 200: caseListDto, 400: errorSchema },
      },
    }, async (req) => cases.listCases(ctx.db, req.actor, req.query));

    app.post('/cases', {
      config: { policy: OFFICERS },
      schema: {
        tags,
        summary: 'Register a case by hand: an incoming request that arrived by another channel, an outgoing one to prepare, or one already sent outside the platform (officers)',
        body: registerCaseBody,
        response: { 201: caseDto, ...errors },
      },
    }, async (req, reply) => {
      const row = await inTransaction(ctx.db, (trx) => cases.createCase(trx, req.actor, req.body));
      return reply.status(201).send(await cases.caseView(ctx.db, req.actor, row));
    });

    app.get('/cases/:id', {
      config: { policy: HANDLERS },
      schema: { tags, summary: 'One case with its timeline, due steps, priority and the actions the viewer may take; 404 for anyone not on the holding side', params: caseIdParam, response: { 200: caseDto, ...errors } },
    }, async (req) => cases.getCase(ctx.db, req.actor, req.params.id));

    app.post('/cases/:id/events', {
      config: { policy: HANDLERS },
      schema: {
        tags,
        summary: 'Record a transition or an event ({"type": …}); a transition the machine does not allow is a 409 naming the allowed ones, a missing field a 422',
        params: caseIdParam,
        body: caseEventBody,
        response: { 201: caseDto, ...errors },
      },
    }, async (req, reply) => {
      const { case: row } = await inTransaction(ctx.db, (trx) => cases.recordEvent(trx, req.actor, req.params.id, req.body));
      return reply.status(201).send(await cases.caseView(ctx.db, req.actor, row));
    });
  };
}
