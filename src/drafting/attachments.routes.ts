import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy } from '../platform/auth/policy.ts';
import type { AppContext } from '../platform/http/context.ts';
import { fileFromBody, sendStoredFile } from '../platform/documents/http.ts';
import { errorSchema, text } from '../platform/platform.schemas.ts';
import { fileBody, noContent } from '../platform/platform.responses.ts';
import * as attachments from './attachments.service.ts';
import { idParam } from './drafting.schemas.ts';

/**
 * A draft's supporting files. The upload is the file itself as the request body (its Content-Type the file's
 * type), its name and description in the query string: Fastify reads that without a multipart parser, and a
 * client needs nothing but fetch(url, { body: file }). @fastify/multipart is not installed and is not needed.
 */

const DRAFTERS = rolesPolicy('practitioner', 'officer');
const tags = ['drafting'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

const person = z.object({ id: z.string(), name: z.string(), state: z.string().nullable() });
export const attachmentSchema = z
  .object({
    sha256: z.string(), size: z.number(), mediaType: z.string(), fileName: z.string(), language: z.string().nullable(), title: z.string(),
    addedBy: person, addedAt: z.string(),
  })
  .describe('Attachment');
const fileParam = idParam.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest (64 lower-case hex digits)') });
const uploadQuery = z.object({
  fileName: text(255).pipe(z.string().trim().min(1, 'must name the file')),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as en, fr or pt-BR').optional(),
  title: text(300).optional(),
});

export function attachmentRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    // In this plugin only: the body is the file whatever its type (no JSON or text parsing), up to the store's limit.
    const limit = ctx.config.documents.maxBytes;
    plain.removeAllContentTypeParsers();
    plain.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) => done(null, body));
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/drafting/drafts/:id/attachments', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'The draft’s supporting files, with SHA-256, size, type, language, who added them and when', params: idParam, response: { 200: z.object({ items: z.array(attachmentSchema) }), ...errors } },
    }, async (req) => attachments.listAttachments(ctx.db, req.actor, req.params.id));

    app.post('/drafting/drafts/:id/attachments', {
      config: { policy: DRAFTERS },
      bodyLimit: limit,
      schema: {
        tags,
        summary: 'Attach a file (the request body; its Content-Type the file’s type: PDF, Word, OpenDocument, Excel, PNG, JPEG, TIFF or plain text). Owner side, while the draft is not finalised',
        params: idParam,
        querystring: uploadQuery,
        response: { 201: attachmentSchema, 413: errorSchema, 415: errorSchema, ...errors },
      },
    }, async (req, reply) => {
      const created = await attachments.addAttachment(ctx.db, req.actor, req.params.id, { bytes: fileFromBody(req.body), declaredType: req.headers['content-type'], ...req.query });
      return reply.status(201).send(created);
    });

    app.get('/drafting/drafts/:id/attachments/:sha256', {
      config: { policy: DRAFTERS },
      schema: {
        tags,
        summary: 'Download one attachment, exactly as stored (its SHA-256 checked first: 409 if it no longer matches); ETag and Repr-Digest carry the digest',
        params: fileParam,
        response: { 200: fileBody(...attachments.ATTACHMENT_TYPES), ...errors },
      },
    }, async (req, reply) => {
      return sendStoredFile(reply, await attachments.getAttachment(ctx.db, req.actor, req.params.id, req.params.sha256));
    });

    app.delete('/drafting/drafts/:id/attachments/:sha256', {
      config: { policy: DRAFTERS },
      schema: { tags, summary: 'Remove an attachment (owner side, while the draft is not finalised)', params: fileParam, response: { 204: noContent, ...errors } },
    }, async (req, reply) => {
      await attachments.deleteAttachment(ctx.db, req.actor, req.params.id, req.params.sha256);
      return reply.status(204).send(null);
    });
  };
}
