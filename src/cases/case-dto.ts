import type { ActionAvailability } from '../platform/workflow/index.ts';
import type { CaseAction, CaseState } from './case.workflow.ts';
import type { CaseRow, TimelineRow } from './cases.repository.ts';
import type { CaseDto, CaseSummary } from './cases.schemas.ts';
import type { DueStep, TimelineEntry } from './deadlines.ts';
import type { Priority } from './priority.ts';
import { computePriority, effectiveLevel } from './priority.ts';

/** Rows → the API's shapes (cases.schemas.ts). Pure. */

const iso = (d: Date | null) => d?.toISOString() ?? null;
const DAY_MS = 86_400_000;

/** The timeline as deadlines.ts reads it. */
export const deadlineTimeline = (rows: readonly TimelineRow[]): TimelineEntry[] =>
  rows.map((e) => ({ seq: e.seq, type: e.type, from_state: e.from_state, to_state: e.to_state, occurred_at: e.occurred_at, data: e.data, due_at: e.due_at, answers_seq: e.answers_seq }));

/** When the case started for its holder: received (incoming), sent (outgoing), else registered. */
export const startedAt = (c: Pick<CaseRow, 'received_at' | 'sent_at' | 'created_at'>) => c.received_at ?? c.sent_at ?? c.created_at;

export function timelineDto(rows: readonly TimelineRow[], now: Date): CaseDto['timeline'] {
  // answered here (incoming), or — on the requesting side's case — by the requested side through the exchange
  const answers = new Map<number, number>();
  for (const e of rows) {
    if (e.type === 'answer_query' && e.answers_seq !== null) answers.set(e.answers_seq, e.seq);
    if (e.type === 'counterpart_update' && e.data.type === 'answer_query' && typeof e.data.answersSeq === 'number') answers.set(e.data.answersSeq, e.seq);
  }
  return rows.map((e) => {
    const answeredBy = e.type === 'progress_query' ? (answers.get(e.seq) ?? null) : null;
    return {
      seq: e.seq,
      type: e.type,
      from: e.from_state,
      to: e.to_state,
      actor: { id: e.actor_id, name: e.actor_name, state: e.actor_state },
      at: e.occurred_at.toISOString(),
      note: e.note,
      data: e.data,
      dueAt: iso(e.due_at),
      answersSeq: e.answers_seq,
      answeredBy,
      overdue: e.type === 'progress_query' && answeredBy === null && e.due_at !== null && e.due_at < now,
    };
  });
}

export interface CaseView {
  row: CaseRow;
  timeline: readonly TimelineRow[];
  steps: readonly DueStep[];
  priority: Priority;
  permissions: CaseDto['permissions'];
  actions: ActionAvailability<CaseAction>[];
  people: ReadonlyMap<string, string>;
  now: Date;
}

export function caseDtoOf(v: CaseView): CaseDto {
  const c = v.row;
  return {
    id: c.id,
    ownerState: c.owner_state,
    direction: c.direction,
    kind: c.kind,
    counterpartState: c.counterpart_state,
    reference: c.reference,
    counterpartReference: c.counterpart_reference,
    title: c.title,
    summary: c.summary,
    status: c.status as CaseState,
    transmission: c.transmission,
    counterpartStatus: c.counterpart_status,
    channel: c.channel,
    handledOutsideSystem: c.channel !== 'platform',
    legalBasis: { type: c.legal_basis, article: c.legal_basis_article, treaty: c.legal_basis_treaty },
    offences: c.offences,
    crimeTypes: c.crime_types,
    measures: c.measures,
    authorities: c.authorities,
    persons: c.persons,
    priorityInputs: c.priority_inputs as Record<string, unknown>,
    priority: {
      score: v.priority.score,
      level: effectiveLevel(v.priority, c.priority_override),
      computedLevel: v.priority.level,
      factors: v.priority.factors,
      override: c.priority_override,
    },
    deadline: c.deadline,
    deadlineReason: c.deadline_reason,
    confidentiality: c.confidentiality,
    assignees: c.assignees.map((id) => ({ id, name: v.people.get(id) ?? '—' })),
    draftId: c.draft_id,
    counterpartCaseId: c.counterpart_case_id,
    conversationId: c.conversation_id,
    receivedAt: iso(c.received_at),
    sentAt: iso(c.sent_at),
    closedAt: iso(c.closed_at),
    pausedSince: iso(c.paused_since),
    pausedSeconds: Number(c.paused_seconds),
    outcome: c.outcome,
    refusalGround: c.refusal_ground,
    nextDueAt: iso(c.next_due_at),
    version: c.version,
    createdBy: { id: c.created_by, name: c.created_by_name },
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    dueSteps: [...v.steps],
    timeline: timelineDto(v.timeline, v.now),
    permissions: v.permissions,
    actions: v.actions,
  };
}

export function summaryOf(c: CaseRow, steps: readonly DueStep[], me: string | null, now: Date): CaseSummary {
  return {
    id: c.id,
    reference: c.reference,
    counterpartReference: c.counterpart_reference,
    title: c.title,
    kind: c.kind,
    direction: c.direction,
    counterpartState: c.counterpart_state,
    status: c.status as CaseState,
    priority: { level: c.priority_level, score: c.priority_score, overridden: c.priority_override !== null, factors: computePriority(c, now).factors },
    ageDays: Math.max(0, Math.floor((now.getTime() - startedAt(c).getTime()) / DAY_MS)),
    overdueSteps: steps.filter((s) => s.overdue).length,
    nextDueAt: iso(c.next_due_at),
    transmission: c.transmission,
    channel: c.channel,
    assignedToMe: me !== null && c.assignees.includes(me),
    receivedAt: iso(c.received_at),
    updatedAt: c.updated_at.toISOString(),
  };
}
