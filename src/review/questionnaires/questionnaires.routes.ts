import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC, rolesPolicy } from '../../platform/auth/policy.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { reviewIdParam } from '../reviews/reviews.schemas.ts';
import * as answers from './answers.service.ts';
import * as sets from './question-sets.service.ts';
import {
  answerBody, answerDto, answerParams, consultationBody, consultationDto, editSetBody, langQuery, newSetBody, questionnaireDto,
  questionSetDto, questionSetWithQuestionsDto, setIdParam, setListQuery,
} from './questionnaires.schemas.ts';

/**
 * Questionnaires and answers. Question sets are public once published (anyone may read what States are asked); the
 * secretariat drafts and publishes versions. A review's questionnaire, answers and national consultation are the
 * review's: any signed-in person may call, the review then decides (review.access.ts) — 404 for anyone not in it,
 * 403 for a participant who may read but not write, the workflow's reason (409/422) when the stage does not allow it.
 */

const tags = ['review'];
const SECRETARIAT = rolesPolicy('secretariat');
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export function questionnairesRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/review/question-sets', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'Question sets (published by default; drafts for the secretariat), by instrument, cluster and version', querystring: setListQuery, response: { 200: z.object({ items: z.array(questionSetDto) }), ...errors } },
    }, async (req) => ({ items: await sets.listSets(ctx.db, req.actor, req.query) }));

    app.get('/review/question-sets/:id', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'A question set with its questions (the viewer’s language, others as fallback, every language in texts)', params: setIdParam, querystring: langQuery, response: { 200: questionSetWithQuestionsDto, ...errors } },
    }, async (req) => sets.getSet(ctx.db, req.actor, req.params.id, req.query.lang));

    app.post('/review/question-sets', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'A new version of a question set, as a draft: copied from a version (default the latest) or given whole', body: newSetBody, response: { 201: questionSetWithQuestionsDto, ...errors } },
    }, async (req, reply) => {
      const s = await sets.newDraft(ctx.db, req.actor, req.body);
      return reply.code(201).send(await sets.getSet(ctx.db, req.actor, s.id));
    });

    app.put('/review/question-sets/:id', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'Edit a draft: its title and questions (a published version never changes: 409)', params: setIdParam, body: editSetBody, response: { 200: questionSetWithQuestionsDto, ...errors } },
    }, async (req) => {
      await sets.editDraft(ctx.db, req.actor, req.params.id, req.body);
      return sets.getSet(ctx.db, req.actor, req.params.id);
    });

    app.post('/review/question-sets/:id/publish', {
      config: { policy: SECRETARIAT },
      schema: { tags, summary: 'Publish a draft; the version published before becomes superseded', params: setIdParam, response: { 200: questionSetWithQuestionsDto, ...errors } },
    }, async (req) => {
      await sets.publish(ctx.db, req.actor, req.params.id);
      return sets.getSet(ctx.db, req.actor, req.params.id);
    });

    app.get('/reviews/:id/questionnaire', {
      config: { policy: AUTHENTICATED },
      schema: {
        tags, summary: 'The review’s questionnaire by instrument and article, with the answers, progress, previous-cycle answers to unchanged questions and the State’s legislation in the knowledge portal (audited)',
        params: reviewIdParam, querystring: langQuery, response: { 200: questionnaireDto, ...errors },
      },
    }, async (req) => answers.questionnaire(ctx.db, req.actor, req.params.id, req.query.lang));

    app.put('/reviews/:id/answers/:questionId', {
      config: { policy: AUTHENTICATED },
      schema: { tags, summary: 'Save the reviewed State’s answer to one question (its focal point or experts, while answering); send the version you read to change it', params: answerParams, body: answerBody, response: { 200: answerDto, ...errors } },
    }, async (req) => answers.saveAnswer(ctx.db, req.actor, req.params.id, req.params.questionId, req.body));

    app.get('/reviews/:id/consultations', {
      config: { policy: AUTHENTICATED },
      schema: { tags, summary: 'The national consultation: who the reviewed State consulted (audited)', params: reviewIdParam, response: { 200: z.object({ items: z.array(consultationDto) }), ...errors } },
    }, async (req) => ({ items: await answers.listConsultations(ctx.db, req.actor, req.params.id) }));

    app.post('/reviews/:id/consultations', {
      config: { policy: AUTHENTICATED },
      schema: { tags, summary: 'Record a body consulted (the reviewed State’s focal point or experts)', params: reviewIdParam, body: consultationBody, response: { 201: consultationDto, ...errors } },
    }, async (req, reply) => reply.code(201).send(await answers.addConsultation(ctx.db, req.actor, req.params.id, req.body)));
  };
}
