import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database, Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor, usersByIds } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { AppError, ForbiddenError, NotFoundError, ValidationError, type Issue } from '../platform/http/errors.ts';
import { assertAllowed, toMermaid, transition } from '../platform/workflow/index.ts';
import { assertVersion } from '../platform/versioning.ts';
import type { CaseKind, SystemEvent, TransmissionState } from './case.vocabulary.ts';
import { caseActions, caseMachine, initialState, PAUSED_STATES, TERMINAL_STATES, type CaseCtx, type CaseSide, type CaseState } from './case.workflow.ts';
import { CASE_TARGET } from './cases.audit.ts';
import { effectsOf, type RecordableEvent } from './case-effects.ts';
import { caseDtoOf, deadlineTimeline, summaryOf } from './case-dto.ts';
import { casePolicy, sideOf } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import { newCaseBody, type CaseDto, type CaseListQuery, type CaseSummary, type NewCase, type WorkflowDto } from './cases.schemas.ts';
import { tellAssigned } from './cases.notices.ts';
import { computePriority, effectiveLevel } from './priority.ts';
import { dueSteps, nextDueAt } from './deadlines.ts';
import { refreshCaseFacts } from './stats/facts.ts';
import { afterEvent, afterOpen } from './exchange/hooks.ts';

/**
 * The case tracker's core: creating cases, recording events through the workflow machine, reading a case and
 * work queues — each change in one transaction with its timeline entry, derived fields (priority, next due
 * date), statistics facts, exchange hooks and audit entry. The module's other parts (documents, exchange,
 * statistics, import) call these functions; the routes are cases.routes.ts.
 */

export type CaseRow = repo.CaseRow;
export type TimelineRow = repo.TimelineRow;
export type { CaseSide, CaseState, RecordableEvent };
type Trx = Transaction<Database>;

const KIND_CODES: Record<CaseKind, string> = {
  mla: 'MLA', extradition: 'EXT', confiscation: 'CONF', 'transfer-of-sentenced-persons': 'TSP',
  'transfer-of-proceedings': 'TOP', 'joint-investigation': 'JIT', 'law-enforcement': 'LEC',
};

const concealed = (id: string) => new NotFoundError(`No case ${id}`);
const midnight = (d: string) => new Date(`${d}T00:00:00Z`);

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues: Issue[] = r.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message }));
  throw new ValidationError(`Invalid case: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
}

/** People who may be assigned: accounts of the holding State, practitioners or officers, not disabled (422 naming who is not). */
async function assertAssignable(db: Db | Trx, state: string, ids: readonly string[], field: string) {
  const found = new Map((await usersByIds(db, [...ids])).map((u) => [u.id, u]));
  const bad = ids.filter((id) => {
    const u = found.get(id);
    return !u || u.disabled_at || u.state_iso3 !== state || !u.roles.some((r) => r === 'practitioner' || r === 'officer');
  });
  if (bad.length) {
    throw new AppError(422, 'unprocessable', `Only practitioners and officers of ${state} can be assigned to its cases`, bad.map((id) => ({ path: `body.${field}`, message: `${id} cannot be assigned` })));
  }
}

/** Loads a case row with no access check: for the module's other parts, which check access themselves. */
export function loadCaseRow(trx: Db | Trx, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRow | undefined> {
  return repo.findCase(trx, id, opts);
}

/**
 * The case if the actor may view it (or act on it); anyone else gets the same 404 as for a case that does not
 * exist, and the refusal is audited (`cases.case.read_denied`). Documents, messages and exchange use it.
 */
export async function assertCaseAccess(db: Db | Trx, actor: Actor, id: string, action: 'view' | 'act'): Promise<CaseRow> {
  const row = await repo.findCase(db, id);
  if (!row || !casePolicy.can(actor, action, row)) {
    await audit(db, { actor: auditActor(actor), action: 'cases.case.read_denied', targetType: CASE_TARGET, targetId: id, outcome: 'denied', details: { action } });
    throw concealed(id);
  }
  return row;
}

/** Recomputes what is derived from the case and its timeline: priority score and effective level, next due date. */
export async function refreshDerived(trx: Trx, caseId: string, now: Date = new Date()): Promise<void> {
  const row = await repo.findCase(trx, caseId);
  if (!row) return;
  const p = computePriority(row, now);
  const steps = TERMINAL_STATES.includes(row.status) ? [] : dueSteps(row, deadlineTimeline(await repo.timeline(trx, caseId)), now);
  await trx
    .updateTable('cases_cases')
    .set({ priority_score: p.score, priority_level: effectiveLevel(p, row.priority_override), next_due_at: nextDueAt(steps) })
    .where('id', '=', caseId)
    .execute();
}

/** What follows every timeline entry, in its transaction: derived fields, statistics facts, the exchange's mirror. */
async function after(trx: Trx, actor: Actor, entry: TimelineRow, opts: { exchange: boolean; now: Date }) {
  await refreshDerived(trx, entry.case_id, opts.now);
  await refreshCaseFacts(trx, entry.case_id);
  if (opts.exchange) {
    await afterEvent(trx, { caseId: entry.case_id, seq: entry.seq, type: entry.type, fromState: entry.from_state, toState: entry.to_state, note: entry.note, data: entry.data }, actor);
  }
}

const who = (actor: Actor) => (actor.kind === 'user' ? { actor_id: actor.id, actor_name: actor.displayName, actor_state: actor.state } : { actor_id: null, actor_name: 'Palermo', actor_state: null });

export interface CreateOptions {
  /** 'system': created by the platform for the other side (exchange delivering an incoming case), not by a person of the holding State. */
  side?: CaseSide;
  /** The State holding the new case (default: the actor's). Exchange delivers into the requested State. */
  ownerState?: string;
  /** Import and seed: when it happened (the 'created' entry, received_at/sent_at by default). */
  occurredAt?: Date;
  initialState?: CaseState;
  draftId?: string;
  counterpartCaseId?: string;
  conversationId?: string;
  transmission?: TransmissionState;
}

/** Creates a case and its 'created' timeline entry (to_state: the first state), in the caller's transaction. */
export async function createCase(trx: Trx, actor: Actor, raw: NewCase, opts: CreateOptions = {}): Promise<CaseRow> {
  const input = parse(newCaseBody, raw);
  const owner = opts.ownerState ?? (actor.kind === 'user' ? actor.state : null);
  if (!owner) throw new ForbiddenError('Cases belong to a State; your account has none');
  if (opts.side !== 'system' && sideOf(actor, { id: '', owner_state: owner, assignees: [] }) !== 'officer') {
    throw new ForbiddenError('Only an officer of the central authority registers a case');
  }
  if (input.counterpartState === owner) throw new ValidationError('The other State must not be your own', [{ path: 'body.counterpartState', message: 'must be another State' }]);
  await assertAssignable(trx, owner, input.assignees, 'assignees');
  const at = opts.occurredAt ?? new Date();
  const status = opts.initialState ?? input.initialState ?? initialState(input.direction);
  const year = (input.receivedAt ? midnight(input.receivedAt) : at).getUTCFullYear();
  const reference = input.reference ?? `${owner}-${KIND_CODES[input.kind]}-${year}-${String(await repo.nextReferenceNumber(trx, owner, year)).padStart(4, '0')}`;
  const p = computePriority({ kind: input.kind, measures: input.measures, deadline: input.deadline ?? null, priority_inputs: input.priorityInputs, status }, at);
  const row = await repo.insertCase(trx, {
    owner_state: owner,
    direction: input.direction,
    kind: input.kind,
    counterpart_state: input.counterpartState,
    reference,
    counterpart_reference: input.counterpartReference ?? null,
    title: input.title,
    summary: input.summary,
    status,
    transmission: opts.transmission ?? 'none',
    channel: input.channel ?? 'platform',
    legal_basis: input.legalBasis.type,
    legal_basis_article: input.legalBasis.article ?? null,
    legal_basis_treaty: input.legalBasis.treaty ?? null,
    offences: input.offences,
    crime_types: input.crimeTypes,
    measures: input.measures,
    authorities: repo.json(input.authorities),
    persons: repo.json(input.persons),
    priority_inputs: repo.json(input.priorityInputs),
    priority_score: p.score,
    priority_level: p.level,
    deadline: input.deadline ?? null,
    deadline_reason: input.deadline ? (input.deadlineReason ?? null) : null,
    confidentiality: input.confidentiality,
    assignees: input.assignees,
    draft_id: opts.draftId ?? null,
    counterpart_case_id: opts.counterpartCaseId ?? null,
    ...(opts.conversationId && { conversation_id: opts.conversationId }),
    received_at: input.direction === 'incoming' ? (input.receivedAt ? midnight(input.receivedAt) : at) : null,
    sent_at: status === 'sent' ? (input.sentAt ? midnight(input.sentAt) : at) : null,
    paused_since: PAUSED_STATES.includes(status) ? at : null,
    created_by: actor.kind === 'user' ? actor.id : null,
    created_by_name: actor.kind === 'user' ? actor.displayName : 'Palermo',
    created_at: at,
    updated_at: at,
  });
  const entry = await repo.appendEvent(trx, row.id, {
    type: 'created', from_state: null, to_state: status, ...who(actor), occurred_at: at,
    note: '', data: { channel: row.channel, ...(opts.side === 'system' && { by: 'system' }), ...(opts.draftId && { draftId: opts.draftId }) },
  });
  await after(trx, actor, entry, { exchange: true, now: at });
  await audit(trx, { actor: auditActor(actor), action: 'cases.case.created', targetType: CASE_TARGET, targetId: row.id, details: { reference, direction: row.direction, status, channel: row.channel } });
  await tellAssigned(trx, row, row.assignees, actor);
  return (await repo.findCase(trx, row.id))!;
}

export interface EventOptions {
  /** 'system': the platform applying the other side's change (exchange); the machine's guards accept it. */
  side?: CaseSide;
  /** Import and seed: when it happened (never reachable from the API). */
  occurredAt?: Date;
}

/**
 * Records an event: locks the case, checks the machine (409 naming the allowed actions; 422 for what the action
 * needs; 409 for refusing or postponing before a consultation), moves the state (platform transition(), with
 * its history row and version check) or only appends, keeps the clock and the derived fields, and audits it.
 */
export async function recordEvent(trx: Trx, actor: Actor, caseId: string, body: RecordableEvent, opts: EventOptions = {}): Promise<{ case: CaseRow; entry: TimelineRow }> {
  const row = await repo.findCase(trx, caseId, { forUpdate: true });
  const side = row ? (opts.side ?? sideOf(actor, row)) : null;
  if (!row || !side) {
    await audit(trx, { actor: auditActor(actor), action: 'cases.case.read_denied', targetType: CASE_TARGET, targetId: caseId, outcome: 'denied', details: { action: 'event', type: body.type } });
    throw concealed(caseId);
  }
  if (body.expectedVersion !== undefined) assertVersion(row.version, body.expectedVersion, 'case');
  const history = await repo.timeline(trx, caseId);
  const ctx: CaseCtx = { side, history: history.map((e) => ({ action: e.type })), body: body as unknown as Record<string, unknown> };
  const entity = { id: row.id, version: row.version, direction: row.direction, status: row.status };
  const t = assertAllowed(caseMachine, actor, entity, ctx, body.type);
  if (body.type === 'set_assignees') await assertAssignable(trx, row.owner_state, body.userIds, 'userIds');
  const at = opts.occurredAt ?? new Date();
  const fx = effectsOf(row, history, body, t.to, actor, at);
  const set = { ...fx.set, updated_at: at };
  if (t.to) await transition(trx, caseMachine, { entity, action: body.type, actor, ctx, reason: fx.note || null, set, bump: true });
  else await repo.updateCase(trx, caseId, set);
  const entry = await repo.appendEvent(trx, caseId, {
    type: body.type, from_state: t.to ? row.status : null, to_state: t.to ?? null, ...who(actor), occurred_at: at,
    note: fx.note, data: fx.data, due_at: fx.dueAt, answers_seq: fx.answersSeq,
  });
  await after(trx, actor, entry, { exchange: true, now: at });
  await audit(trx, { actor: auditActor(actor), action: 'cases.case.event', targetType: CASE_TARGET, targetId: caseId, details: { type: body.type, seq: entry.seq, from: entry.from_state, to: entry.to_state, side } });
  const updated = (await repo.findCase(trx, caseId))!;
  if (fx.newlyAssigned.length) await tellAssigned(trx, updated, fx.newlyAssigned, actor);
  return { case: updated, entry };
}

/**
 * A timeline entry written by the platform, not an action of the machine (document added, transmission
 * evidence, the other side's update). Locks the case for its seq; `exchange: true` also calls the exchange's
 * afterEvent (off by default: exchange writes most of these entries itself).
 */
export async function appendTimeline(
  trx: Trx, actor: Actor, caseId: string,
  entry: { type: SystemEvent; note?: string; data?: Record<string, unknown> },
  opts: { occurredAt?: Date; exchange?: boolean } = {},
): Promise<TimelineRow> {
  const row = await repo.findCase(trx, caseId, { forUpdate: true });
  if (!row) throw concealed(caseId);
  const at = opts.occurredAt ?? new Date();
  const written = await repo.appendEvent(trx, caseId, { type: entry.type, from_state: null, to_state: null, ...who(actor), occurred_at: at, note: entry.note ?? '', data: entry.data ?? {} });
  await repo.updateCase(trx, caseId, {}, { bump: false });
  await after(trx, actor, written, { exchange: opts.exchange ?? false, now: at });
  return written;
}

/** Exchange: the transmission state and the link to the other side's case (kept apart from the request's state). */
export async function setExchangeFields(trx: Trx, caseId: string, f: { transmission?: TransmissionState; counterpartCaseId?: string; counterpartReference?: string; counterpartStatus?: string }): Promise<CaseRow> {
  return repo.updateCase(trx, caseId, {
    ...(f.transmission && { transmission: f.transmission }),
    ...(f.counterpartCaseId && { counterpart_case_id: f.counterpartCaseId }),
    ...(f.counterpartReference && { counterpart_reference: f.counterpartReference }),
    ...(f.counterpartStatus && { counterpart_status: f.counterpartStatus }),
  }, { bump: false });
}

/** One case with its timeline, due steps, priority, permissions and actions; 404 to anyone not on the holding side. Audited. */
export async function getCase(db: Db, actor: Actor, id: string): Promise<CaseDto> {
  await assertCaseAccess(db, actor, id, 'view');
  return inTransaction(db, async (trx) => {
    await afterOpen(trx, id, actor);
    await audit(trx, { actor: auditActor(actor), action: 'cases.case.read', targetType: CASE_TARGET, targetId: id, details: { what: 'case' } });
    const row = (await repo.findCase(trx, id))!;
    return caseView(trx, actor, row);
  });
}

/** The DTO of a case the actor may see (no audit: the caller audits the read). */
export async function caseView(db: Db | Trx, actor: Actor, row: CaseRow): Promise<CaseDto> {
  const now = new Date();
  const timeline = await repo.timeline(db, row.id);
  const side = sideOf(actor, row);
  const steps = TERMINAL_STATES.includes(row.status) ? [] : dueSteps(row, deadlineTimeline(timeline), now);
  const people = new Map((await usersByIds(db, [...row.assignees])).map((u) => [u.id, u.display_name]));
  const ctx: CaseCtx = { side, history: timeline.map((e) => ({ action: e.type })) };
  return caseDtoOf({
    row, timeline, steps, people, now,
    priority: computePriority(row, now),
    permissions: casePolicy.permissions(actor, row),
    actions: caseActions(actor, { id: row.id, version: row.version, direction: row.direction, status: row.status }, ctx),
  });
}

/* ---------- lists ---------- */

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new ValidationError('Invalid cursor', [{ path: 'querystring.cursor', message: 'must be a cursor returned as next' }]);
  return Number(m[1]);
}

/** A work queue or list: only cases the actor may see, filtered and sorted (priority first by default), paged. Audited. */
export async function listCases(db: Db, actor: Actor, query: CaseListQuery): Promise<{ items: CaseSummary[]; total: number; next: string | null }> {
  const now = new Date();
  const me = actor.kind === 'user' ? actor.id : null;
  const offset = query.cursor ? decodeCursor(query.cursor) : (query.offset ?? 0);
  const { rows, total } = await repo.listCases(db, {
    access: casePolicy.accessFilter(actor, 'view', 'cases_cases'),
    ...(query.queue === 'mine' && { assignedTo: me ?? '00000000-0000-0000-0000-000000000000' }),
    direction: query.direction,
    status: query.status,
    ...(query.overdue && { overdueAt: now }),
    q: query.q?.trim() || undefined,
  }, query.sort, { limit: query.limit, offset });
  const timelines = await repo.timelines(db, rows.map((r) => r.id));
  const items = rows.map((r) => summaryOf(r, TERMINAL_STATES.includes(r.status) ? [] : dueSteps(r, deadlineTimeline(timelines.get(r.id)!), now), me, now));
  await audit(db, { actor: auditActor(actor), action: 'cases.case.listed', targetType: CASE_TARGET, details: { query: { ...query }, returned: items.length, total } });
  return { items, total, next: offset + rows.length < total ? encodeCursor(offset + rows.length) : null };
}

/* ---------- the machine as data ---------- */

/** The workflow for the UI and the documentation: states, actions, transitions with their guards' names, a Mermaid diagram. */
export function caseWorkflow(): WorkflowDto {
  return {
    states: [...caseMachine.states],
    initial: { incoming: initialState('incoming'), outgoing: initialState('outgoing') },
    terminal: [...TERMINAL_STATES],
    paused: [...PAUSED_STATES],
    actions: [...caseMachine.actions],
    transitions: caseMachine.transitions.map((t) => ({ action: t.action, from: [...t.from], to: t.to ?? null, guards: (t.guards ?? []).map((g) => g.name) })),
    mermaid: toMermaid(caseMachine),
  };
}
