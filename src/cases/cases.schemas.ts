import { z } from 'zod';
import { int4, iso3Schema, isoDate, NO_NUL, NUL_MESSAGE, queryBoolean, queryInt, text } from '../platform/platform.schemas.ts';
import { actionsSchema, stateEnum } from '../platform/workflow/index.ts';
import { MEASURE_CODES } from '../reference/measures.ts';
import {
  AUTHORITY_ROLES, CASE_CHANNELS, CASE_KINDS, CONFIDENTIALITY_LEVELS, CRIME_TYPES, DIRECTIONS, LEGAL_BASES, PRIORITY_LEVELS,
  REFUSAL_GROUNDS, TRANSMISSION_STATES,
} from './case.vocabulary.ts';
import { caseMachine } from './case.workflow.ts';
import { casePolicy } from './cases.policy.ts';

/**
 * The case tracker's API shapes (zod: validation and the OpenAPI document). `newCaseBody` is also what the CSV
 * import and the demo seed feed `createCase`; `caseEventBody` is every action of the machine but `send`
 * (POST /cases/{id}/send, exchange/). Sizes are bounded everywhere: bad input is a 400 that changes nothing.
 */

/** Non-empty text of at most `max` characters, trimmed, NUL refused. */
const words = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).refine(NO_NUL, NUL_MESSAGE);
const uuid = (what: string) => z.string().uuid(`must be ${what} (UUID)`);

export const caseIdParam = z.object({ id: uuid('a case id') });

/** A provision id as the reference module writes it: UNTOC:18, UNTOC:18:3:a, TIP:6. */
export const provisionId = z.string().max(40).regex(/^[A-Z][A-Z0-9-]{1,15}(:[0-9A-Za-z]{1,6}){1,4}$/, 'must be a provision id such as UNTOC:18 or UNTOC:18:3:a');

export const authoritySchema = z.object({
  role: z.enum(AUTHORITY_ROLES),
  name: words(300),
  entryId: uuid('a directory entry id').nullable().optional(),
}).strict().meta({ id: 'CaseAuthority' });

export const personSchema = z.object({
  name: words(200),
  role: words(60).describe('suspect, accused, sentenced person, witness, victim, owner of assets…'),
  nationality: iso3Schema.nullable().optional(),
  inCustody: z.boolean().optional(),
  dateOfBirth: isoDate.nullable().optional(),
}).strict().meta({ id: 'CasePerson' });

export const priorityInputsSchema = z.object({
  personInCustody: z.boolean().optional(),
  evidenceAtRisk: z.boolean().optional(),
  evidenceLossDate: isoDate.nullable().optional(),
  maxPenaltyYears: int4(0, 200).nullable().optional(),
  organisedCriminalGroup: z.boolean().optional(),
  victims: int4(0, 1_000_000).nullable().optional(),
}).strict().meta({ id: 'PriorityInputs' });

export const legalBasisSchema = z.object({
  type: z.enum(LEGAL_BASES),
  article: provisionId.nullable().optional().describe('the Convention’s provision relied on, when type is convention'),
  treaty: text(300).nullable().optional().describe('the treaty’s name, when type is treaty'),
}).strict()
  .refine((b) => b.type !== 'treaty' || !!b.treaty?.trim(), { message: 'name the treaty', path: ['treaty'] })
  .meta({ id: 'CaseLegalBasis' });

/** A new case: registered by hand (POST /cases), imported, seeded, created from a finalised draft or delivered by exchange. */
export const newCaseBody = z.object({
  direction: z.enum(DIRECTIONS),
  kind: z.enum(CASE_KINDS),
  counterpartState: iso3Schema.describe('the other State: the requested State of an outgoing case, the requesting State of an incoming one'),
  reference: z.string().trim().min(3).max(60).regex(/^[A-Za-z0-9][A-Za-z0-9/._-]*$/, 'letters, digits and / . _ - only').optional()
    .describe('this side’s reference; generated (FRA-MLA-2026-0001) when omitted'),
  counterpartReference: text(100).nullable().optional().describe('the other side’s reference, as it quotes it'),
  title: words(300),
  summary: text(10_000).default(''),
  channel: z.enum(CASE_CHANNELS).optional().describe('how the request travelled; anything but platform means it was registered by hand'),
  legalBasis: legalBasisSchema,
  offences: z.array(words(300)).max(50).default([]),
  crimeTypes: z.array(z.enum(CRIME_TYPES)).max(CRIME_TYPES.length).default([]),
  measures: z.array(z.enum(MEASURE_CODES)).max(50).default([]).describe('forms of assistance sought (the directory’s measures vocabulary)'),
  authorities: z.array(authoritySchema).max(30).default([]),
  persons: z.array(personSchema).max(200).default([]),
  priorityInputs: priorityInputsSchema.default({}),
  deadline: isoDate.nullable().optional(),
  deadlineReason: text(1000).nullable().optional(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('confidential'),
  assignees: z.array(uuid('a user id')).max(50).default([]),
  receivedAt: isoDate.optional().describe('incoming, registered by hand: when the request arrived (default today)'),
  sentAt: isoDate.optional().describe('outgoing already sent outside the platform: when it was sent'),
  initialState: z.enum(['sent']).optional().describe('register an outgoing request already sent outside the platform'),
}).strict()
  .refine((b) => !b.deadline || !!b.deadlineReason?.trim(), { message: 'give the deadline’s reason', path: ['deadlineReason'] })
  .refine((b) => !b.initialState || b.direction === 'outgoing', { message: 'only an outgoing request is registered as already sent', path: ['initialState'] })
  .refine((b) => !b.receivedAt || b.direction === 'incoming', { message: 'receivedAt is for an incoming request', path: ['receivedAt'] })
  .refine((b) => !b.sentAt || b.initialState === 'sent', { message: 'sentAt is for an outgoing request registered as already sent', path: ['sentAt'] })
  .meta({ id: 'NewCase' });
/** What callers of `createCase` pass (defaults filled by parsing). */
export type NewCase = z.input<typeof newCaseBody>;
export type ParsedNewCase = z.output<typeof newCaseBody>;

/**
 * POST /cases: registering by hand. An incoming request, or an outgoing one already sent, came through another
 * channel (the statistics count it as handled outside the system): 'platform' is for what the platform delivered.
 */
export const registerCaseBody = newCaseBody.refine(
  (b) => (b.direction === 'outgoing' && !b.initialState) || (b.channel !== undefined && b.channel !== 'platform'),
  { message: 'a request registered by hand names the channel it came by (post, e-mail, diplomatic…), not platform', path: ['channel'] },
);

/* ---------- events: POST /cases/{id}/events ---------- */

const note = text(10_000).optional();
const base = { note, expectedVersion: int4(1).optional().describe('the version you last saw: 409 if the case changed since') };
const ev = <T extends string>(type: T) => z.object({ type: z.literal(type), ...base }).strict();
const namedAuthority = z.object({ name: words(300), entryId: uuid('a directory entry id').nullable().optional() }).strict();

export const caseEventBody = z.discriminatedUnion('type', [
  ev('submit'), ev('reopen'),
  ev('record_counterpart_status').extend({ status: text(100).optional().describe('what the requested State reported (its state)') }).strict(),
  ev('acknowledge'), ev('register'), ev('return_incomplete'),
  ev('forward').extend({ authority: namedAuthority.optional().describe('the competent authority it is forwarded to') }).strict(),
  ev('start_review'), ev('request_info'), ev('supply_info'), ev('accept'),
  ev('pass_to_executing').extend({ authority: namedAuthority.optional().describe('the executing authority') }).strict(),
  ev('assign'), ev('start_execution'), ev('report_partial'),
  ev('execute').extend({ partial: z.boolean().optional().describe('executed only in part (the outcome says so)') }).strict(),
  ev('postpone'), ev('resume'),
  ev('refuse').extend({
    ground: z.enum(REFUSAL_GROUNDS).optional(),
    reasons: text(10_000).optional(),
    confirmExcludedGround: z.boolean().optional().describe('refuse on a ground the Convention excludes (fiscal matters, bank secrecy) all the same'),
  }).strict(),
  ev('withdraw'), ev('close'),
  ev('note'),
  ev('consult').extend({ date: isoDate.optional().describe('when the consultation took place (default today)') }).strict(),
  ev('progress_query').extend({ dueBy: isoDate.optional().describe('answer expected by (default: the configured period)') }).strict(),
  ev('answer_query').extend({ answersSeq: int4(1).describe('the seq of the progress query answered') }).strict(),
  ev('explain_delay').extend({ step: words(60).describe('the overdue step (dueSteps[].step)'), reason: text(2000).optional(), newEstimate: isoDate.optional() }).strict(),
  ev('set_priority').extend({ level: z.enum(PRIORITY_LEVELS).nullable().describe('null: back to the computed priority'), reason: text(2000).optional() }).strict(),
  ev('set_deadline').extend({ deadline: isoDate.nullable(), reason: text(1000).optional() }).strict(),
  ev('set_assignees').extend({ userIds: z.array(uuid('a user id')).max(50) }).strict(),
]).meta({ id: 'CaseEvent' });
export type CaseEventBody = z.infer<typeof caseEventBody>;
export type CaseEventType = CaseEventBody['type'];

/* ---------- answers ---------- */

const personRef = z.object({ id: z.string().nullable(), name: z.string() });
const caseState = stateEnum(caseMachine);

export const priorityFactorSchema = z.object({
  factor: z.string(),
  points: z.number(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
}).meta({ id: 'PriorityFactor' });

export const casePrioritySchema = z.object({
  score: z.number(),
  level: z.enum(PRIORITY_LEVELS).describe('the effective level: the override when there is one'),
  computedLevel: z.enum(PRIORITY_LEVELS),
  factors: z.array(priorityFactorSchema),
  override: z.object({ level: z.enum(PRIORITY_LEVELS), reason: z.string(), by: z.object({ id: z.string(), name: z.string() }), at: z.string() }).nullable(),
}).meta({ id: 'CasePriority' });

export const dueStepSchema = z.object({
  step: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  seq: z.number().optional(),
  explained: z.object({ reason: z.string(), newEstimate: z.string(), at: z.string() }).optional(),
}).meta({ id: 'CaseDueStep' });

export const timelineEntrySchema = z.object({
  seq: z.number(),
  type: z.string().describe('an action of the machine, or a system event (created, document_added, evidence, counterpart_update)'),
  from: caseState.nullable().describe('set for a transition'),
  to: caseState.nullable(),
  actor: z.object({ id: z.string().nullable(), name: z.string(), state: z.string().nullable() }),
  at: z.string(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()),
  dueAt: z.string().nullable().describe('a progress query: when its answer is due (art. 18(24))'),
  answersSeq: z.number().nullable().describe('an answer: the seq of the progress query it answers'),
  answeredBy: z.number().nullable().describe('a progress query: the seq of its answer, once answered'),
  overdue: z.boolean().describe('an unanswered progress query past its due date'),
}).meta({ id: 'CaseTimelineEntry' });

export const caseDto = z.object({
  id: z.string(),
  ownerState: z.string(),
  direction: z.enum(DIRECTIONS),
  kind: z.enum(CASE_KINDS),
  counterpartState: z.string(),
  reference: z.string(),
  counterpartReference: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  status: caseState,
  transmission: z.enum(TRANSMISSION_STATES),
  counterpartStatus: z.string().nullable(),
  channel: z.enum(CASE_CHANNELS),
  handledOutsideSystem: z.boolean().describe('registered by hand: the request travelled by another channel'),
  legalBasis: z.object({ type: z.enum(LEGAL_BASES), article: z.string().nullable(), treaty: z.string().nullable() }),
  offences: z.array(z.string()),
  crimeTypes: z.array(z.string()),
  measures: z.array(z.string()),
  authorities: z.array(z.object({ role: z.enum(AUTHORITY_ROLES), name: z.string(), entryId: z.string().nullable().optional() })),
  persons: z.array(z.object({ name: z.string(), role: z.string(), nationality: z.string().nullable().optional(), inCustody: z.boolean().optional(), dateOfBirth: z.string().nullable().optional() })),
  priorityInputs: z.record(z.string(), z.unknown()),
  priority: casePrioritySchema,
  deadline: z.string().nullable(),
  deadlineReason: z.string().nullable(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
  draftId: z.string().nullable(),
  counterpartCaseId: z.string().nullable(),
  conversationId: z.string(),
  receivedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  pausedSince: z.string().nullable(),
  pausedSeconds: z.number(),
  outcome: z.string().nullable(),
  refusalGround: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  version: z.number(),
  createdBy: personRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  dueSteps: z.array(dueStepSchema),
  timeline: z.array(timelineEntrySchema),
  permissions: casePolicy.permissionsSchema,
  actions: actionsSchema(caseMachine),
}).meta({ id: 'Case' });
export type CaseDto = z.infer<typeof caseDto>;

/* ---------- lists: GET /cases ---------- */

const statusList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
  z.array(caseState).min(1).max(caseMachine.states.length),
);

export const CASE_SORTS = ['priority', 'received', 'updated', 'due'] as const;

export const caseListQuery = z.object({
  direction: z.enum(DIRECTIONS).optional(),
  status: statusList.optional().describe('one state, several (status=a&status=b or status=a,b)'),
  overdue: queryBoolean.optional().describe('true: only cases with a step past due'),
  queue: z.enum(['all', 'mine']).default('all').describe('all: my State’s cases I may see; mine: assigned to me'),
  sort: z.enum(CASE_SORTS).default('priority'),
  q: text(200).optional().describe('in the reference, the other side’s reference or the title'),
  limit: queryInt(1, 100).default(50),
  offset: queryInt(0, 1_000_000).optional(),
  cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor returned as next').optional().describe('the `next` of the previous page'),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseSummaryDto = z.object({
  id: z.string(),
  reference: z.string(),
  counterpartReference: z.string().nullable(),
  title: z.string(),
  kind: z.enum(CASE_KINDS),
  direction: z.enum(DIRECTIONS),
  counterpartState: z.string(),
  status: caseState,
  // factors: what makes up the computed score now (the queue's badge explains itself; the case page has the override)
  priority: z.object({ level: z.enum(PRIORITY_LEVELS), score: z.number(), overridden: z.boolean(), factors: z.array(priorityFactorSchema) }),
  ageDays: z.number().describe('days since received (incoming), sent or created (outgoing)'),
  overdueSteps: z.number(),
  nextDueAt: z.string().nullable(),
  transmission: z.enum(TRANSMISSION_STATES),
  channel: z.enum(CASE_CHANNELS),
  assignedToMe: z.boolean(),
  receivedAt: z.string().nullable(),
  updatedAt: z.string(),
}).meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof caseSummaryDto>;

export const caseListDto = z.object({ items: z.array(caseSummaryDto), total: z.number(), next: z.string().nullable() }).meta({ id: 'CaseList' });

/* ---------- the machine as data: GET /cases/workflow ---------- */

export const workflowDto = z.object({
  states: z.array(z.string()),
  initial: z.object({ incoming: z.string(), outgoing: z.string() }),
  terminal: z.array(z.string()),
  paused: z.array(z.string()),
  actions: z.array(z.string()),
  transitions: z.array(z.object({ action: z.string(), from: z.array(z.string()), to: z.string().nullable(), guards: z.array(z.string()) })),
  mermaid: z.string(),
}).meta({ id: 'CaseWorkflow' });
export type WorkflowDto = z.infer<typeof workflowDto>;
