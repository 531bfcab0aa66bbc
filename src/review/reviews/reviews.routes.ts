import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUTHENTICATED, rolesPolicy } from '../../platform/auth/policy.ts';
import { reviewTransaction as inTransaction } from '../review.access.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { historySchema } from '../../platform/workflow/index.ts';
import { reviewMachine } from '../review.workflow.ts';
import * as people from './participants.service.ts';
import {
  acceptBody, acceptDto, invitationDto, nominationBody, nominationsOverviewDto, participantDto, participantListDto, participantParams,
  reviewActionBody, reviewDto, reviewGetQuery, reviewIdParam, reviewListDto, reviewListQueryWithLang, revokeBody,
} from './reviews.schemas.ts';
import * as reviews from './reviews.service.ts';

/**
 * Reviews and the people in them. Who may call a route is by platform role (people of a State and the secretariat);
 * which review each sees is review.policy.ts — a review someone is not in is a 404, word for word as for one that
 * does not exist. Nominations come from a State's focal point or officer (or the secretariat on its behalf),
 * invitations from the secretariat; anyone signed in may accept an invitation sent to them.
 */
const PEOPLE = rolesPolicy('practitioner', 'officer', 'focal_point', 'expert', 'secretariat');
const NOMINATORS = rolesPolicy('focal_point', 'officer', 'secretariat');
const SECRETARIAT = rolesPolicy('secretariat');
const tags = ['review'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export function reviewsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/reviews', {
      config: { policy: PEOPLE },
      schema: {
        tags, summary: 'My reviews (the secretariat: all), filtered by cycle, stage or State; ordered by cycle and the reviewed State’s name — never by a figure — with counts per stage',
        querystring: reviewListQueryWithLang, response: { 200: reviewListDto, 400: errorSchema },
      },
    }, async (req) => reviews.listReviews(ctx.db, req.actor, req.query));

    app.get('/reviews/:id', {
      config: { policy: PEOPLE },
      schema: { tags, summary: 'One review: reviewed State, cluster, reviewers, stage, the viewer’s standing, the actions they may take now, deadlines; 404 for anyone not in it', params: reviewIdParam, querystring: reviewGetQuery, response: { 200: reviewDto, ...errors } },
    }, async (req) => reviews.getReview(ctx.db, req.actor, req.params.id, req.query.lang));

    app.post('/reviews/:id/actions', {
      config: { policy: PEOPLE },
      schema: { tags, summary: 'Move the review to its next stage (the machine’s guards: 409/422 with the reasons)', params: reviewIdParam, body: reviewActionBody, response: { 200: reviewDto, ...errors } },
    }, async (req) => {
      const r = await inTransaction(ctx.db, (trx) => reviews.actOnReview(trx, req.actor, req.params.id, req.body.action, req.body.reason ?? null));
      return reviews.reviewView(ctx.db, req.actor, r);
    });

    app.get('/reviews/:id/history', {
      config: { policy: PEOPLE },
      schema: { tags, summary: 'The review’s stage changes, oldest first', params: reviewIdParam, response: { 200: historySchema(reviewMachine), ...errors } },
    }, async (req) => reviews.reviewHistory(ctx.db, req.actor, req.params.id));

    app.get('/reviews/:id/participants', {
      config: { policy: PEOPLE },
      schema: { tags, summary: 'The people of the review: name, State, side, role, status', params: reviewIdParam, querystring: reviewGetQuery, response: { 200: participantListDto, ...errors } },
    }, async (req) => people.listParticipants(ctx.db, req.actor, req.params.id, req.query.lang));

    app.post('/reviews/:id/nominations', {
      config: { policy: NOMINATORS },
      schema: { tags, summary: 'A State nominates one of its own people (note verbale); one focal point per State', params: reviewIdParam, body: nominationBody, response: { 201: participantDto, ...errors } },
    }, async (req, reply) => reply.status(201).send(await inTransaction(ctx.db, (trx) => people.nominate(trx, req.actor, req.params.id, req.body))));

    app.post('/reviews/:id/participants/:pid/invite', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'Invite a nominee: a link valid the cycle’s invitation days (shown once; the named account is told)', params: participantParams, response: { 200: invitationDto, ...errors } },
    }, async (req) => inTransaction(ctx.db, (trx) => people.invite(trx, req.actor, req.params.id, req.params.pid)));

    app.post('/reviews/:id/participants/:pid/revoke', {
      config: { policy: NOMINATORS },
      schema: { tags, summary: 'Revoke a participation (the secretariat, or the person’s own State): they lose access at once', params: participantParams, body: revokeBody, response: { 200: participantDto, ...errors } },
    }, async (req) => inTransaction(ctx.db, (trx) => people.revoke(trx, req.actor, req.params.id, req.params.pid, req.body.reason ?? null)));

    app.post('/review/invitations/accept', {
      config: { policy: AUTHENTICATED },
      schema: { tags, summary: 'Accept an invitation with an account of the invited State: an expired link is a 410 saying what to do', body: acceptBody, response: { 200: acceptDto, ...errors, 410: errorSchema } },
    }, async (req) => inTransaction(ctx.db, (trx) => people.accept(trx, req.actor, req.body.token)));

    app.get('/review/nominations', {
      config: { policy: NOMINATORS },
      schema: { tags, summary: 'For a State’s focal point or officer: the reviews the State takes part in, what is still to nominate and by when (no review content)', querystring: reviewGetQuery, response: { 200: nominationsOverviewDto, 400: errorSchema } },
    }, async (req) => people.nominationsOverview(ctx.db, req.actor, req.query.lang));
  };
}
