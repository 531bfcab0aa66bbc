import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC, rolesPolicy } from '../../platform/auth/policy.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { createCycleBody, cycleDto, cycleIdParam, cycleListDto, groupsBody, patchCycleBody, planBody } from './config.schemas.ts';
import * as config from './config.service.ts';

/**
 * Review cycles: configuration is public (the Conference's decisions: instruments, work plan, groups, rules); the
 * secretariat creates and changes it, each change with the version it read (409 when stale).
 */
const SECRETARIAT = rolesPolicy('secretariat');
const tags = ['review'];
const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema };

export function configRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/review/cycles', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'Review cycles (public configuration), newest first', response: { 200: cycleListDto } },
    }, async () => config.listCycles(ctx.db));

    app.get('/review/cycles/:id', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'One cycle: instruments, work plan phases with clusters and years, groups with their States in ISO3 order, settings, and the articles reviewed only for some States (UNTOC 8 and 9: not parties to UNCAC) with those States',
        params: cycleIdParam,
        response: { 200: cycleDto, 400: errorSchema, 404: errorSchema },
      },
    }, async (req) => config.cycleView(ctx.db, await config.findCycle(ctx.db, req.params.id)));

    app.post('/review/cycles', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'Create a cycle (secretariat); settings default to resolution 8/2 as it ran', body: createCycleBody, response: { 201: cycleDto, ...errors } },
    }, async (req, reply) => {
      const row = await inTransaction(ctx.db, (trx) => config.createCycle(trx, req.actor, req.body));
      return reply.status(201).send(await config.cycleView(ctx.db, row));
    });

    app.patch('/review/cycles/:id', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'Change a cycle’s title, instruments, start year, status or settings (partial; deadlines one by one), with the version read', params: cycleIdParam, body: patchCycleBody, response: { 200: cycleDto, ...errors } },
    }, async (req) => {
      const row = await inTransaction(ctx.db, (trx) => config.patchCycle(trx, req.actor, req.params.id, req.body));
      return config.cycleView(ctx.db, row);
    });

    app.put('/review/cycles/:id/plan', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'Set the work plan: phases 1…n, each reviewing clusters (from the reference data, each once) from a year offset for some years, phases not overlapping', params: cycleIdParam, body: planBody, response: { 200: cycleDto, ...errors } },
    }, async (req) => {
      const row = await inTransaction(ctx.db, (trx) => config.putPlan(trx, req.actor, req.params.id, req.body));
      return config.cycleView(ctx.db, row);
    });

    app.put('/review/cycles/:id/groups', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'Set the groups by hand (when the Conference decided otherwise than a groups draw): groups 1…n with start years, each State in one group', params: cycleIdParam, body: groupsBody, response: { 200: cycleDto, ...errors } },
    }, async (req) => {
      const row = await inTransaction(ctx.db, (trx) => config.putGroups(trx, req.actor, req.params.id, req.body));
      return config.cycleView(ctx.db, row);
    });
  };
}
