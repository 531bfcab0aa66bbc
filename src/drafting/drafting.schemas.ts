import { z } from 'zod';
import { REQUEST_KINDS } from '../reference/measures.ts';
import { LANGUAGES } from '../platform/i18n/languages.ts';
import { int4, queryInt, serialParam } from '../platform/platform.schemas.ts';
import { draftPolicy } from './drafting.policy.ts';
import { actionsSchema, historySchema, stateEnum } from '../platform/workflow/index.ts';
import { draftMachine } from './draft.workflow.ts';

/** Request and response shapes of the drafting routes (see API.md). The content itself is draft.schema.ts. */

export const idParam = z.object({ id: z.string().uuid('must be a draft id (UUID)') });
export const versionParam = idParam.extend({ version: serialParam('a version number (1, 2, …)') });

const person = z.object({ id: z.string(), name: z.string() });
const share = z.object({ id: z.string(), state: z.string(), note: z.string(), sharedAt: z.string(), sharedBy: person });
export const pendingCaseSchema = z.object({
  id: z.string(), draftId: z.string(), reference: z.string(), requestingState: z.string(), requestedState: z.string(),
  kind: z.enum(REQUEST_KINDS), legalBasis: z.string(), measures: z.array(z.string()), urgent: z.boolean(), deadline: z.string().nullable(),
  draftVersion: z.number(), status: z.string(), createdAt: z.string(), createdBy: person,
});

/** The draft's state in its workflow (draft.workflow.ts): shared = a consultation share is open. */
const draftStatus = stateEnum(draftMachine);

export const draftSchema = z
  .object({
    id: z.string(), reference: z.string(), requestingState: z.string(), requestedState: z.string().nullable(), kind: z.enum(REQUEST_KINDS),
    title: z.string(), status: draftStatus, version: z.number(),
    content: z.record(z.string(), z.unknown()).describe('DraftContent: see src/drafting/draft.schema.ts'),
    createdBy: person, createdAt: z.string(), updatedBy: person, updatedAt: z.string(), duplicatedFrom: z.string().nullable(),
    finalisedAt: z.string().nullable(), finalisedBy: person.nullable(), case: pendingCaseSchema.nullable(),
    finalDocument: z.object({ fileName: z.string(), mediaType: z.string(), language: z.string(), size: z.number(), sha256: z.string(), storedAt: z.string() }).nullable(),
    shares: z.array(share),
    access: z.enum(['owner', 'consultation']),
    permissions: draftPolicy.permissionsSchema,
    actions: actionsSchema(draftMachine),
  })
  .describe('Draft');

export const draftSummarySchema = z.object({
  id: z.string(), reference: z.string(), requestingState: z.string(), requestedState: z.string().nullable(), kind: z.enum(REQUEST_KINDS),
  title: z.string(), status: draftStatus, version: z.number(), updatedAt: z.string(), createdBy: person, shared: z.boolean(),
});

export const listQuery = z.object({
  status: draftStatus.optional(),
  kind: z.enum(REQUEST_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: queryInt(0).default(0),
});

export const createBody = z.object({ content: z.record(z.string(), z.unknown()).optional().describe('DraftContent input; anything omitted starts empty') }).strict();
export const patchBody = z
  .object({
    version: int4(1).describe('the version you last saw'),
    content: z.record(z.string(), z.unknown()).describe('a JSON merge patch (RFC 7396) of the content'),
  })
  .strict();
export const versionBody = z.object({ version: int4(1).describe('the version you checked') }).strict();
export const compareQuery = z.object({ from: serialParam('a version number').optional(), to: serialParam('a version number').optional() });
export const langQuery = z.object({ lang: z.enum(LANGUAGES).optional() });
export const shareBody = z.object({ note: z.string().max(2000).default('') }).strict();
export const JSON_PATH = /^\$(\.[A-Za-z][A-Za-z0-9]*|\[\d+\])*$/;
export const commentBody = z
  .object({
    body: z.string().trim().min(1, 'must not be empty').max(10_000),
    path: z.string().regex(JSON_PATH, 'must be a JSON path into the draft such as $.facts.summary or $.persons[0].name').max(300).optional(),
    audience: z.enum(['internal', 'consultation']).optional(),
  })
  .strict();

export const commentSchema = z.object({
  id: z.string(), body: z.string(), path: z.string().nullable(), audience: z.enum(['internal', 'consultation']),
  author: z.object({ id: z.string(), name: z.string(), state: z.string().nullable() }), version: z.number(), createdAt: z.string(),
});

export const draftHistorySchema = historySchema(draftMachine).describe('DraftHistory');
