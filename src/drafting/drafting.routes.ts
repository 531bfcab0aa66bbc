import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy } from '../platform/auth/policy.ts';
import type { AppContext } from '../platform/http/context.ts';
import { errorSchema } from '../platform/platform.schemas.ts';
import { CHANNELS, MEASURES, REQUEST_KINDS } from '../reference/measures.ts';
import { LANGUAGES } from '../platform/i18n/languages.ts';
import * as drafting from './drafting.service.ts';
import * as consultation from './consultation.service.ts';
import { attachmentRoutes } from './attachments.routes.ts';
import {
  ATTACHMENT_KINDS, IDENTIFIER_TYPES, LEGAL_BASIS_TYPES, PERSON_ROLES, PROCEEDING_TYPES, PROPERTY_TYPES, emptyDraftContent,
} from './draft.schema.ts';
import { CHECK_IDS } from './checks/index.ts';
import {
  commentBody, commentSchema, compareQuery, createBody, draftSchema, draftSummarySchema, idParam, langQuery, listQuery, patchBody,
  draftHistorySchema, pendingCaseSchema, shareBody, versionBody, versionParam,
} from './drafting.schemas.ts';
import { checkReportSchema, comparisonSchema, draftingReferenceSchema, shareSchema, versionContentSchema, versionInfoSchema } from './drafting.schemas.ts';
import { fileBody, noContent } from '../platform/platform.responses.ts';

/** Who drafts: practitioners and central-authority officers of a State. Finalising: officers (see drafting.policy.ts). */
const DRAFTERS = rolesPolicy('practitioner', 'officer');
const OFFICERS = rolesPolicy('officer');
const tags = ['drafting'];
const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What each legal basis implies (the wizard shows it; art. 18(7), 16(4)–(5), 13). */
const LEGAL_BASIS_IMPLIES: Record<(typeof LEGAL_BASIS_TYPES)[number], string> = {
  convention:
    'Both States must be parties to the Convention. For MLA, art. 18(7)–(29) govern the request where no MLA treaty binds the two States (or where they agree to apply them); ' +
    'for extradition, a State that makes extradition conditional on a treaty may use the Convention as the legal basis unless it has notified otherwise (art. 16(5)(a)); ' +
    'for confiscation, art. 13 with art. 14 on disposal and return.',
  treaty: 'A bilateral or regional treaty binding both States governs the content and transmission of the request; name it and the article relied on. The Convention may complement it.',
  reciprocity: 'Without a treaty, the requested State may assist on the basis of its domestic law and reciprocity: give an assurance that the requesting State would grant a similar request. Assistance is discretionary.',
};

function sendFile(reply: FastifyReply, f: drafting.DocumentFile) {
  return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.data);
}

export function draftingRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    await plain.register(attachmentRoutes(ctx));

    app.get('/drafting/reference', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'The vocabulary the request writer uses: kinds, forms of assistance, channels, legal bases (with what each implies), an empty draft, the check ids', response: { 200: draftingReferenceSchema } },
    }, async () => ({
      kinds: REQUEST_KINDS,
      measures: MEASURES,
      channels: CHANNELS,
      languages: LANGUAGES,
      legalBasisTypes: LEGAL_BASIS_TYPES.map((code) => ({ code, implies: LEGAL_BASIS_IMPLIES[code] })),
      proceedingTypes: PROCEEDING_TYPES,
      personRoles: PERSON_ROLES,
      identifierTypes: IDENTIFIER_TYPES,
      propertyTypes: PROPERTY_TYPES,
      attachmentKinds: ATTACHMENT_KINDS,
      emptyDraft: emptyDraftContent(),
      checkIds: CHECK_IDS,
    }));

    app.get('/drafting/drafts', {
      config: { policy: DRAFTERS },
      schema: {
        tags,
        summary: 'My drafts: all of my State’s for an officer, the ones I created for a practitioner',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(draftSummarySchema), total: z.number() }), 400: errorSchema },
      },
    }, async (req) => drafting.listDrafts(ctx.db, req.actor, req.query));

    app.post('/drafting/drafts', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'Start a draft (the requesting State is mine); content may be partial', body: createBody, response: { 201: draftSchema, 400: errorSchema } },
    }, async (req, reply) => reply.status(201).send(await drafting.createDraft(ctx.db, req.actor, req.body.content)));

    app.get('/drafting/shared', {
      config: { policy: OFFICERS },
      schema: { tags, summary: 'Drafts other States share with my State’s central authority for informal consultation', response: { 200: z.object({ items: z.array(draftSummarySchema) }) } },
    }, async (req) => drafting.listSharedWithMe(ctx.db, req.actor));

    app.get('/drafting/drafts/:id', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'One draft (owner side, or a consultation share: read-only); 404 for anyone else', params: idParam, response: { 200: draftSchema, ...errors } },
    }, async (req) => drafting.getDraft(ctx.db, req.actor, req.params.id));

    app.patch('/drafting/drafts/:id', {
      config: { policy: DRAFTERS },
      schema: {
        tags,
        summary: 'Save (autosave): a JSON merge patch of the content with the version last seen; 409 if someone saved in between',
        params: idParam,
        body: patchBody,
        response: { 200: draftSchema, ...errors },
      },
    }, async (req) => drafting.patchDraft(ctx.db, req.actor, req.params.id, req.body));

    app.post('/drafting/drafts/:id/duplicate', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'Copy a draft into a new one (new reference, version 1)', params: idParam, response: { 201: draftSchema, ...errors } },
    }, async (req, reply) => reply.status(201).send(await drafting.duplicateDraft(ctx.db, req.actor, req.params.id)));

    app.get('/drafting/drafts/:id/versions', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'Every saved version of a draft, newest first', params: idParam, response: { 200: z.object({ items: z.array(versionInfoSchema) }), ...errors } },
    }, async (req) => drafting.listVersions(ctx.db, req.actor, req.params.id));

    app.get('/drafting/drafts/:id/versions/:version', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'The content of one version (to reopen or compare)', params: versionParam, response: { 200: versionContentSchema, ...errors } },
    }, async (req) => drafting.getVersion(ctx.db, req.actor, req.params.id, req.params.version));

    app.get('/drafting/drafts/:id/compare', {
      config: { policy: DRAFTERS },
      schema: {
        tags,
        summary: 'Field-by-field differences between two versions (default: the current one and the one before)',
        params: idParam,
        querystring: compareQuery,
        response: {
          200: comparisonSchema,
          ...errors,
        },
      },
    }, async (req) => drafting.compareVersions(ctx.db, req.actor, req.params.id, req.query));

    app.get('/drafting/drafts/:id/history', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'The draft’s workflow history, oldest first: created, shared, unshared, finalised — who, when, why (same access as the draft)', params: idParam, response: { 200: draftHistorySchema, ...errors } },
    }, async (req) => drafting.draftHistory(ctx.db, req.actor, req.params.id));

    app.get('/drafting/drafts/:id/checks', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'The checks before finalising (art. 18(15) elements, language, channel, legal basis, dual criminality, clarity), from the directory', params: idParam, response: { 200: checkReportSchema, ...errors } },
    }, async (req) => drafting.checkDraft(ctx.db, req.actor, req.params.id));

    app.get('/drafting/drafts/:id/docx', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'The request as a Word document in one of the six UN languages (headings translated, free text as written)', params: idParam, querystring: langQuery, response: { 200: fileBody(DOCX), ...errors } },
    }, async (req, reply) => sendFile(reply, await drafting.exportDocx(ctx.db, req.actor, req.params.id, req.query.lang)));

    app.get('/drafting/drafts/:id/summary', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'A one-page summary sheet of the request (Word document)', params: idParam, querystring: langQuery, response: { 200: fileBody(DOCX), ...errors } },
    }, async (req, reply) => sendFile(reply, await drafting.exportSummary(ctx.db, req.actor, req.params.id, req.query.lang)));

    app.get('/drafting/drafts/:id/final.docx', {
      config: { policy: DRAFTERS },
      schema: {
        tags,
        summary: 'The request exactly as finalised (stored at finalising, never generated again); ETag and Repr-Digest carry its SHA-256',
        params: idParam,
        response: { 200: fileBody(DOCX), ...errors },
      },
    }, async (req, reply) => {
      const doc = await drafting.finalDocument(ctx.db, req.actor, req.params.id);
      const b64 = Buffer.from(doc.sha256, 'hex').toString('base64');
      return reply
        .header('etag', `"sha256-${doc.sha256}"`)
        .header('repr-digest', `sha-256=:${b64}:`)
        .header('cache-control', 'private, no-cache')
        .type(doc.mediaType)
        .header('content-disposition', `attachment; filename="${doc.fileName}"`)
        .send(doc.bytes);
    });

    app.post('/drafting/drafts/:id/finalise', {
      config: { policy: OFFICERS },
      schema: {
        tags,
        summary: 'Finalise the draft (no check errors) and hand it to the case tracker as an outgoing case, in one step (officers)',
        params: idParam,
        body: versionBody,
        response: { 200: z.object({ draft: draftSchema, case: pendingCaseSchema }), 422: errorSchema, ...errors },
      },
    }, async (req) => drafting.finaliseDraft(ctx.db, req.actor, req.params.id, req.body.version));

    app.post('/drafting/drafts/:id/shares', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'Share the draft read-only with the requested State’s central authority for informal consultation', params: idParam, body: shareBody, response: { 201: shareSchema, ...errors } },
    }, async (req, reply) => reply.status(201).send(await consultation.shareDraft(ctx.db, req.actor, req.params.id, req.body.note)));

    app.delete('/drafting/drafts/:id/shares', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'End the consultation share (its comments stay with the draft)', params: idParam, response: { 204: noContent, ...errors } },
    }, async (req, reply) => {
      await consultation.endShare(ctx.db, req.actor, req.params.id);
      return reply.status(204).send(null);
    });

    app.get('/drafting/drafts/:id/comments', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'Comments on the draft (a consultation reader sees the consultation comments only)', params: idParam, response: { 200: z.object({ items: z.array(commentSchema) }), ...errors } },
    }, async (req) => consultation.listComments(ctx.db, req.actor, req.params.id));

    app.post('/drafting/drafts/:id/comments', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'Comment on the draft, optionally on one field (JSON path)', params: idParam, body: commentBody, response: { 201: commentSchema, ...errors } },
    }, async (req, reply) => reply.status(201).send(await consultation.addComment(ctx.db, req.actor, req.params.id, req.body)));
  };
}
