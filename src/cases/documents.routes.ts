import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy } from '../platform/auth/policy.ts';
import type { AppContext } from '../platform/http/context.ts';
import { fileFromBody, sendStoredFile } from '../platform/documents/http.ts';
import { errorSchema, text } from '../platform/platform.schemas.ts';
import { fileBody } from '../platform/platform.responses.ts';
import { DOCUMENT_ROLES } from './case.vocabulary.ts';
import { deadlineConfig } from './deadlines.config.ts';
import * as documents from './documents.service.ts';

/**
 * A case's documents. The upload is the file itself as the request body (its Content-Type the file's type), its
 * name, role and links in the query string, as for a draft's attachments (drafting/attachments.routes.ts): no
 * multipart parser. Who may call: practitioners and officers by role; which cases each may touch is the case's
 * own rule (cases.policy.ts), refused with the same 404 as a case that does not exist.
 */

const HANDLERS = rolesPolicy('practitioner', 'officer');
const tags = ['cases'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

const uuid = (what: string) => z.uuid(`must be ${what} (a UUID)`);
const caseParam = z.object({ id: uuid('a case id') });
const documentParam = caseParam.extend({ docId: uuid('a document id') });
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as en, fr or pt-BR');

const uploadQuery = z.object({
  fileName: text(255).pipe(z.string().trim().min(1, 'must name the file')),
  role: z.enum(DOCUMENT_ROLES).optional().describe('default: the replaced version’s role; "translation" for a translation; else "other"'),
  language: language.optional().describe('the document’s language (required for a translation)'),
  title: text(300).optional(),
  replaces: uuid('a document id').optional().describe('a document of this case (its current version) that this file is a new version of'),
  translationOf: uuid('a document id').optional().describe('a document of this case that this file translates'),
});

const person = z.object({ id: z.string(), name: z.string(), state: z.string().nullable() });
export const caseDocumentSchema = z.object({
  id: z.string(),
  sha256: z.string().describe('SHA-256 of the bytes, hex'),
  size: z.number(),
  mediaType: z.string(),
  fileName: z.string(),
  role: z.string(),
  language: z.string().nullable(),
  title: z.string(),
  version: z.number().describe('1 for the first version'),
  series: z.string().describe('the same for every version of one document'),
  replaces: z.string().nullable().describe('the version this one supersedes'),
  translationOf: z.string().nullable().describe('the document this one translates'),
  latest: z.boolean().describe('the current version of its document'),
  addedBy: person,
  addedAt: z.string(),
}).meta({ id: 'CaseDocument' });

const versioned = { series: z.string(), current: caseDocumentSchema, versions: z.array(caseDocumentSchema).describe('oldest first') };
export const caseDocumentGroupSchema = z.object({
  ...versioned,
  translations: z.array(z.object({ ...versioned, language: z.string().nullable() })),
}).meta({ id: 'CaseDocumentGroup' });

export function caseDocumentRoutes(ctx: AppContext): FastifyPluginAsync {
  // Read at start-up: a bad PALERMO_CASE_DEADLINES file stops the server here, naming the field (deadlines.config.ts).
  deadlineConfig();
  return async (plain) => {
    // In this plugin only: the body is the file whatever its type (no JSON or text parsing), up to the store's limit.
    const limit = ctx.config.documents.maxBytes;
    plain.removeAllContentTypeParsers();
    plain.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) => done(null, body));
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/cases/:id/documents', {
      config: { policy: HANDLERS },
      schema: {
        tags,
        summary: 'The case’s documents, each with SHA-256, size, type, role, language and version; grouped by document with its versions and translations',
        params: caseParam,
        response: { 200: z.object({ items: z.array(caseDocumentGroupSchema) }), ...errors },
      },
    }, async (req) => documents.listCaseDocuments(ctx.db, req.actor, req.params.id));

    app.post('/cases/:id/documents', {
      config: { policy: HANDLERS },
      bodyLimit: limit,
      schema: {
        tags,
        summary: 'Add a document, a new version of one (replaces) or a translation (translationOf): the file is the request body, its Content-Type the file’s type (PDF, Word, OpenDocument, Excel, PNG, JPEG, TIFF or plain text)',
        params: caseParam,
        querystring: uploadQuery,
        response: { 201: caseDocumentSchema, 413: errorSchema, 415: errorSchema, ...errors },
      },
    }, async (req, reply) => {
      const created = await documents.addCaseDocument(ctx.db, req.actor, req.params.id, { bytes: fileFromBody(req.body), declaredType: req.headers['content-type'], ...req.query });
      return reply.status(201).send(created);
    });

    app.get('/cases/:id/documents/:docId', {
      config: { policy: HANDLERS },
      schema: {
        tags,
        summary: 'Download one document exactly as stored (its SHA-256 checked first: 409 if it no longer matches); ETag and Repr-Digest carry the digest',
        params: documentParam,
        response: { 200: fileBody(...documents.CASE_DOCUMENT_TYPES), ...errors },
      },
    }, async (req, reply) => {
      return sendStoredFile(reply, await documents.getCaseDocument(ctx.db, req.actor, req.params.id, req.params.docId));
    });
  };
}
