import { z } from 'zod';
import { isoDate, text } from '../../platform/platform.schemas.ts';
import { MEASURE_CODES } from '../../reference/measures.ts';
import {
  CASE_CHANNELS, CASE_KINDS, CONFIDENTIALITY_LEVELS, CRIME_TYPES, DIRECTIONS, LEGAL_BASES, REFUSAL_GROUNDS,
} from '../case.vocabulary.ts';

/**
 * One row of the bulk-registration file (docs in README "Registering existing cases"): one case as a central
 * authority's register holds it — its fields as registered by hand, where it stands now (`status`, `status_on`)
 * and the dates of the steps it went through, so that its timeline can be rebuilt through the workflow machine.
 *
 * Cells are text; lists of codes are separated by ";" (measures, crime_types), lists of sentences by "|"
 * (offences); booleans are yes / no / empty; `persons` is JSON. Column names are the API's fields in snake_case.
 */

/** Where an imported case may stand. 'closed' is not one: give the outcome as the status and the date in closed_on. */
export const IMPORT_STATUSES = {
  incoming: ['received', 'registered', 'under_review', 'info_requested', 'accepted', 'passed', 'assigned', 'in_execution',
    'partially_executed', 'executed', 'postponed', 'refused', 'withdrawn', 'returned', 'forwarded'],
  outgoing: ['preparing', 'ready', 'sent', 'withdrawn'],
} as const;
const ANY_STATUS = [...new Set([...IMPORT_STATUSES.incoming, ...IMPORT_STATUSES.outgoing])] as [string, ...string[]];

/** The outcome an outgoing case closes with (what the requested State reported). */
export const OUTGOING_OUTCOMES = ['executed', 'partially-executed', 'refused', 'withdrawn', 'returned', 'forwarded'] as const;

/**
 * The dates of the steps on the way to the status, each optional: a step without its date is dated with the next
 * date the row gives (it happened by then at the latest), and its timeline entry says the date was not known.
 */
export const STEP_DATE_COLUMNS = [
  'acknowledged_on', 'registered_on', 'review_started_on', 'info_requested_on', 'info_supplied_on', 'accepted_on', 'passed_on',
  'assigned_on', 'execution_started_on', 'partially_executed_on', 'consulted_on', 'closed_on',
] as const;

export type CellKind = 'text' | 'codes' | 'sentences' | 'bool' | 'int' | 'json';

/** Every column, in the order of the template file, with how its cell is read. */
export const COLUMNS: ReadonlyArray<readonly [string, CellKind]> = [
  ['direction', 'text'], ['kind', 'text'], ['counterpart_state', 'text'], ['reference', 'text'], ['counterpart_reference', 'text'],
  ['title', 'text'], ['summary', 'text'], ['channel', 'text'], ['received_on', 'text'], ['sent_on', 'text'],
  ['legal_basis', 'text'], ['legal_basis_article', 'text'], ['legal_basis_treaty', 'text'],
  ['measures', 'codes'], ['crime_types', 'codes'], ['offences', 'sentences'],
  ['requesting_authority', 'text'], ['central_authority', 'text'], ['competent_authority', 'text'], ['executing_authority', 'text'],
  ['persons', 'json'], ['deadline', 'text'], ['deadline_reason', 'text'], ['confidentiality', 'text'],
  ['person_in_custody', 'bool'], ['evidence_at_risk', 'bool'], ['evidence_loss_date', 'text'], ['max_penalty_years', 'int'],
  ['organised_criminal_group', 'bool'], ['victims', 'int'],
  ['status', 'text'], ['status_on', 'text'], ['status_note', 'text'],
  ...STEP_DATE_COLUMNS.map((c) => [c, 'text'] as const),
  ['consultation_note', 'text'], ['refusal_ground', 'text'], ['refusal_reasons', 'text'], ['confirm_excluded_ground', 'bool'],
  ['forwarded_to', 'text'], ['outcome', 'text'], ['counterpart_status', 'text'],
];
export const COLUMN_NAMES = COLUMNS.map(([c]) => c);
export const REQUIRED_COLUMNS = ['direction', 'kind', 'counterpart_state', 'reference', 'title', 'channel', 'legal_basis', 'status'];

const line = (max: number) => text(max).refine((s) => !/[\r\n]/.test(s), 'must be on one line');
const code = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (i) => `"${String(i.input)}" is not ${what} (one of ${values.join(', ')})` });
const date = isoDate.nullable().default(null);
const personSchema = z.strictObject({
  name: line(200).min(1),
  role: line(60).min(1),
  nationality: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as FRA').nullable().optional(),
  inCustody: z.boolean().optional(),
  dateOfBirth: isoDate.nullable().optional(),
});

/** A row after its cells were read: the shape is checked here, the cross-field rules in case-import.plan.ts. */
export const importRowSchema = z.strictObject({
  direction: code(DIRECTIONS, 'a direction'),
  kind: code(CASE_KINDS, 'a kind of case'),
  counterpart_state: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as FRA').transform((s) => s.toUpperCase()),
  // as cases.schemas.ts newCaseBody takes it
  reference: z.string().min(3, 'must be at least 3 characters').max(60, 'must be at most 60 characters').regex(/^[A-Za-z0-9][A-Za-z0-9/._-]*$/, 'letters, digits and / . _ - only'),
  counterpart_reference: line(100).nullable().default(null),
  title: line(300).min(1, 'is required'),
  summary: text(10_000).nullable().default(null),
  channel: code(CASE_CHANNELS, 'a channel').refine((c) => c !== 'platform', 'an imported case was not exchanged through the platform: name the channel it came or went by (post, email, diplomatic…)'),
  received_on: date,
  sent_on: date,
  legal_basis: code(LEGAL_BASES, 'a legal basis'),
  legal_basis_article: z.string().max(40).regex(/^[A-Z][A-Z0-9-]{1,15}(:[0-9A-Za-z]{1,6}){1,4}$/, 'must be a provision id such as UNTOC:18 or UNTOC:18:3:a').nullable().default(null),
  legal_basis_treaty: line(300).nullable().default(null),
  measures: z.array(code(MEASURE_CODES, 'a form of assistance')).max(30).default([]),
  crime_types: z.array(code(CRIME_TYPES, 'a crime type')).max(20).default([]),
  offences: z.array(line(300)).max(50).default([]),
  requesting_authority: line(300).nullable().default(null),
  central_authority: line(300).nullable().default(null),
  competent_authority: line(300).nullable().default(null),
  executing_authority: line(300).nullable().default(null),
  persons: z.array(personSchema).max(200).nullable().default(null),
  deadline: date,
  deadline_reason: line(1000).nullable().default(null),
  confidentiality: code(CONFIDENTIALITY_LEVELS, 'a confidentiality level').nullable().default(null),
  person_in_custody: z.boolean().nullable().default(null),
  evidence_at_risk: z.boolean().nullable().default(null),
  evidence_loss_date: date,
  max_penalty_years: z.number().int().min(0).max(200, 'must be at most 200').nullable().default(null),
  organised_criminal_group: z.boolean().nullable().default(null),
  victims: z.number().int().min(0).max(1_000_000).nullable().default(null),
  status: code(ANY_STATUS as unknown as readonly [string, ...string[]], 'a status an imported case may have (a closed case: its outcome here and the date in closed_on)'),
  status_on: date,
  status_note: text(5000).nullable().default(null),
  acknowledged_on: date,
  registered_on: date,
  review_started_on: date,
  info_requested_on: date,
  info_supplied_on: date,
  accepted_on: date,
  passed_on: date,
  assigned_on: date,
  execution_started_on: date,
  partially_executed_on: date,
  consulted_on: date,
  closed_on: date,
  consultation_note: text(5000).nullable().default(null),
  refusal_ground: code(REFUSAL_GROUNDS, 'a ground of refusal').nullable().default(null),
  refusal_reasons: text(5000).nullable().default(null),
  confirm_excluded_ground: z.boolean().nullable().default(null),
  forwarded_to: line(300).nullable().default(null),
  outcome: code(OUTGOING_OUTCOMES, 'an outcome').nullable().default(null),
  counterpart_status: line(100).nullable().default(null),
});
export type ImportRow = z.infer<typeof importRowSchema>;
