import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC, rolesPolicy } from '../../platform/auth/policy.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { cycleIdParam } from '../config/config.schemas.ts';
import {
  announceBody, drawBody, drawDto, drawIdParam, drawListDto, drawListQuery, drawPackageDto, redrawBody, reviewsFromDrawBody, reviewsFromDrawDto, verifyDto,
} from './draws.schemas.ts';
import * as draws from './draws.service.ts';
import { recordRedraw } from './redraw.ts';
import { createReviewsFromDraw } from './reviews-from-draw.ts';

/**
 * Drawing of lots: public records (inputs and seed source published before the draw, the result, redraws with who
 * asked and why, a package anyone can recompute); the secretariat announces, draws, records redraws at the meeting,
 * cancels an announced draw and creates the reviews of a phase from a draw.
 */
const SECRETARIAT = rolesPolicy('secretariat');
const tags = ['review'];
const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export function drawsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/review/draws', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'Draws (public), newest first, optionally of one cycle', querystring: drawListQuery, response: { 200: drawListDto, 400: errorSchema } },
    }, async (req) => draws.listDraws(ctx.db, req.query));

    app.get('/review/draws/:id', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'One draw (public): seed source, seed, the inputs’ and result’s SHA-256, pools, pairs in ISO3 order, excluded States, redraws with who asked and why',
        params: drawIdParam,
        response: { 200: drawDto, 400: errorSchema, 404: errorSchema },
      },
    }, async (req) => draws.drawView(ctx.db, await draws.findDraw(ctx.db, req.params.id)));

    app.get('/review/draws/:id/package', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'A drawn draw’s package for verification (inputs, seed, redraws, result and their hashes): node tools/verify-draw.mjs package.json (docs/DRAW.md)',
        params: drawIdParam,
        response: { 200: drawPackageDto, 400: errorSchema, 404: errorSchema },
      },
    }, async (req, reply) => {
      const pkg = await draws.getDrawPackage(ctx.db, req.params.id);
      if (!pkg) throw new NotFoundError(`No drawn draw ${req.params.id}`);
      return reply.header('content-disposition', `attachment; filename="draw-${pkg.id}.json"`).send(pkg);
    });

    app.get('/review/draws/:id/verify', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'Recomputes a drawn draw here from its inputs, seed and redraws: OK, or the differences', params: drawIdParam, response: { 200: verifyDto, 400: errorSchema, 404: errorSchema } },
    }, async (req) => draws.verifyDraw(ctx.db, req.params.id));

    app.post('/review/draws', {
      config: { policy: SECRETARIAT },
      schema: {
        tags,
        summary: 'Announce a draw (secretariat): its inputs are built from the reference data and the cycle’s settings and published with their SHA-256 and the seed’s source; States with an unknown party status are listed',
        body: announceBody,
        response: { 201: drawDto, ...errors },
      },
    }, async (req, reply) => {
      const row = await inTransaction(ctx.db, (trx) => draws.announceDraw(trx, req.actor, req.body));
      return reply.status(201).send(await draws.drawView(ctx.db, row));
    });

    app.post('/review/draws/:id/draw', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'Draw an announced draw with the seed’s value (secretariat); a groups draw sets the cycle’s groups', params: drawIdParam, body: drawBody, response: { 200: drawDto, ...errors } },
    }, async (req) => draws.drawView(ctx.db, await inTransaction(ctx.db, (trx) => draws.performDraw(trx, req.actor, req.params.id, req.body.seed))));

    app.post('/review/draws/:id/cancel', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'Cancel an announced draw (e.g. to complete the reference data and announce again)', params: drawIdParam, response: { 200: drawDto, ...errors } },
    }, async (req) => draws.drawView(ctx.db, await inTransaction(ctx.db, (trx) => draws.cancelDraw(trx, req.actor, req.params.id))));

    app.post('/review/draws/:id/redraws', {
      config: { policy: SECRETARIAT },
      schema: {
        tags,
        summary: 'Record a redraw asked for at the meeting (secretariat): the reviewed State or one of its reviewers, two per review, then only as an exception with its reason (422 naming the limit); reviews already created follow',
        params: drawIdParam,
        body: redrawBody,
        response: { 201: drawDto, ...errors },
      },
    }, async (req, reply) => {
      const row = await inTransaction(ctx.db, (trx) => recordRedraw(trx, req.actor, req.params.id, req.body));
      return reply.status(201).send(await draws.drawView(ctx.db, row));
    });

    app.post('/review/cycles/:id/reviews', {
      config: { policy: SECRETARIAT },
      schema: {
        tags,
        summary: 'Create the reviews of a phase from a drawn reviewers’ draw (secretariat): one per pair and cluster of the phase, optionally one group’s; those that exist stay',
        params: cycleIdParam,
        body: reviewsFromDrawBody,
        response: { 200: reviewsFromDrawDto, ...errors },
      },
    }, async (req) => inTransaction(ctx.db, (trx) => createReviewsFromDraw(trx, req.actor, req.params.id, req.body)));
  };
}
