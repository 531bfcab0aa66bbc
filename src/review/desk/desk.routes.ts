import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC, rolesPolicy } from '../../platform/auth/policy.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { noContent } from '../../platform/platform.responses.ts';
import * as comments from './comments.service.ts';
import * as s from './desk.schemas.ts';
import * as observations from './observations.service.ts';
import * as outputs from './outputs.service.ts';
import * as published from './published.service.ts';

/**
 * The desk review's API. Who may call by platform role: reading is for any signed-in person (the review itself then
 * says who sees it: its active participants and the secretariat, everyone else a 404); writing is for the people of
 * States (focal points and experts draft, the focal point sends and submits — the review's workflow and policy
 * decide); the secretariat reads and does not write here. Published outputs are public.
 */
const READ = AUTHENTICATED;
const WRITE = rolesPolicy('practitioner', 'officer', 'focal_point', 'expert');
const tags = ['review'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export function deskRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const db = ctx.db;

    app.get('/reviews/:id/comments', {
      config: { policy: READ },
      schema: { tags, summary: 'The desk review’s threads (feedback, clarifications, replies) the viewer may see; drafts only to their State', params: s.reviewParam, querystring: s.commentsQuery, response: { 200: s.threadsDto, ...errors } },
    }, async (req) => comments.listThreads(db, req.actor, req.params.id, req.query));

    app.post('/reviews/:id/comments', {
      config: { policy: WRITE },
      schema: { tags, summary: 'Draft feedback or a request for clarification (a reviewing State), or a reply (the reviewed State)', params: s.reviewParam, body: s.newCommentBody, response: { 201: s.commentDto, ...errors } },
    }, async (req, reply) => reply.status(201).send(await comments.createComment(db, req.actor, req.params.id, req.body)));

    app.patch('/reviews/:id/comments/:cid', {
      config: { policy: WRITE },
      schema: { tags, summary: 'Change a draft of one’s own State', params: s.commentParam, body: s.commentPatchBody, response: { 200: s.commentDto, ...errors } },
    }, async (req) => comments.updateComment(db, req.actor, req.params.id, req.params.cid, req.body));

    app.post('/reviews/:id/comments/:cid/send', {
      config: { policy: WRITE },
      schema: { tags, summary: 'Send a draft (the focal point of its State): the other side sees it; a reply answers its clarification', params: s.commentParam, response: { 200: s.commentDto, ...errors } },
    }, async (req) => comments.sendComment(db, req.actor, req.params.id, req.params.cid));

    app.post('/reviews/:id/steps', {
      config: { policy: WRITE },
      schema: { tags, summary: 'A focal point’s step: a reviewing State’s feedback, list of observations or summary; the reviewed State’s agreement to a list. The review moves on when every reviewing State has done its part', params: s.reviewParam, body: s.stepBody, response: { 201: s.stepsDto, ...errors } },
    }, async (req, reply) => reply.status(201).send(await outputs.takeStep(db, req.actor, req.params.id, req.body)));

    app.get('/reviews/:id/observations', {
      config: { policy: READ },
      schema: { tags, summary: 'The lists of observations, one per reviewing State, with agreement, submission and publication', params: s.reviewParam, querystring: s.observationsQuery, response: { 200: s.observationListsDto, ...errors } },
    }, async (req) => observations.listObservations(db, req.actor, req.params.id, req.query.state));

    app.post('/reviews/:id/observations', {
      config: { policy: WRITE },
      schema: { tags, summary: 'Add an item to a reviewing State’s list (withdraws the reviewed State’s agreement)', params: s.reviewParam, body: s.newObservationBody, response: { 201: s.observationDto, ...errors } },
    }, async (req, reply) => reply.status(201).send(await observations.createObservation(db, req.actor, req.params.id, req.body)));

    app.post('/reviews/:id/observations/order', {
      config: { policy: WRITE },
      schema: { tags, summary: 'Reorder a whole list', params: s.reviewParam, body: s.observationOrderBody, response: { 200: z.object({ items: z.array(s.observationDto) }), ...errors } },
    }, async (req) => ({ items: await observations.reorderObservations(db, req.actor, req.params.id, req.body) }));

    app.patch('/reviews/:id/observations/:oid', {
      config: { policy: WRITE },
      schema: { tags, summary: 'Change an item (version check: 409 when stale)', params: s.observationParam, body: s.observationPatchBody, response: { 200: s.observationDto, ...errors } },
    }, async (req) => observations.updateObservation(db, req.actor, req.params.id, req.params.oid, req.body));

    app.delete('/reviews/:id/observations/:oid', {
      config: { policy: WRITE },
      schema: { tags, summary: 'Remove an item', params: s.observationParam, response: { 204: noContent, ...errors } },
    }, async (req, reply) => { await observations.deleteObservation(db, req.actor, req.params.id, req.params.oid); return reply.status(204).send(null); });

    app.get('/reviews/:id/summaries', {
      config: { policy: READ },
      schema: { tags, summary: 'Each reviewing State’s summary (another State’s only once submitted)', params: s.reviewParam, response: { 200: s.summariesDto, ...errors } },
    }, async (req) => outputs.listSummaries(db, req.actor, req.params.id));

    app.put('/reviews/:id/summaries/:state', {
      config: { policy: WRITE },
      schema: { tags, summary: 'Write a reviewing State’s summary (its focal point and experts, summary stage)', params: s.summaryParam, body: s.summaryBody, response: { 200: s.summaryDto, ...errors } },
    }, async (req) => outputs.saveSummary(db, req.actor, req.params.id, req.params.state, req.body));

    app.post('/reviews/:id/publications', {
      config: { policy: WRITE },
      schema: { tags, summary: 'Publish a submitted output (the reviewed State’s focal point): it becomes public', params: s.reviewParam, body: s.publicationBody, response: { 201: s.publicationDto, ...errors } },
    }, async (req, reply) => reply.status(201).send(await outputs.publish(db, req.actor, req.params.id, req.body)));

    app.get('/review/published', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'Reviews with published outputs, in State-name order', querystring: s.publishedQuery, response: { 200: s.publishedListDto, 400: errorSchema } },
    }, async (req) => published.listPublished(db, req.query.lang ?? 'en'));

    app.get('/review/published/:reviewId', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'A review’s published outputs, and nothing else', params: s.publishedParam, querystring: s.publishedQuery, response: { 200: s.publishedReviewDto, 400: errorSchema, 404: errorSchema } },
    }, async (req) => published.getPublished(db, req.params.reviewId, req.query.lang ?? 'en'));
  };
}
