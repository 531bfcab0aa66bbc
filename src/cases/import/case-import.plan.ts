import type { Issue } from '../../platform/http/errors.ts';
import { EXCLUDED_GROUNDS, type CaseState } from '../case.vocabulary.ts';
import { caseMachine, initialState, type CaseAction } from '../case.workflow.ts';
import type { ImportRow } from './case-import.row.ts';

/**
 * From a row to the timeline that brings a case, through the workflow machine, to where the register says it
 * stands: the creation, then each transition the machine needs (register, start_review, accept…), the
 * consultation before a refusal or postponement, the closing. A step is dated by its own column when the row
 * has it, else by the next date the row gives (it happened by then at the latest; `dateKnown: false` says so).
 * Every step is checked against the machine here, so a row the machine could not replay is a bad row, named.
 */

export interface PlannedStep {
  action: CaseAction;
  /** YYYY-MM-DD */
  on: string;
  dateKnown: boolean;
  note: string;
  /** The event's own fields (authority, refusal ground and reasons, reported status, outcome). */
  body: Record<string, unknown>;
  /** The column the step comes from, to name it when the step is refused. */
  column: string;
}

export interface RowPlan {
  createdOn: string;
  /** The first state: received (incoming), preparing (outgoing), or sent for an outgoing request sent outside the platform. */
  createdState: CaseState;
  steps: PlannedStep[];
  finalState: CaseState;
}

const IMPORTED = 'Imported from the central authority’s register';

/** The incoming line, in order; the date column of each state, and the states passed only when the row names them. */
const IN_LINE: ReadonlyArray<{ state: CaseState; action: CaseAction | null; column: keyof ImportRow | null; optional?: boolean }> = [
  { state: 'received', action: null, column: 'received_on' },
  { state: 'registered', action: 'register', column: 'registered_on' },
  { state: 'under_review', action: 'start_review', column: 'review_started_on' },
  { state: 'accepted', action: 'accept', column: 'accepted_on' },
  { state: 'passed', action: 'pass_to_executing', column: 'passed_on' },
  { state: 'assigned', action: 'assign', column: 'assigned_on', optional: true },
  { state: 'in_execution', action: 'start_execution', column: 'execution_started_on' },
  { state: 'partially_executed', action: 'report_partial', column: 'partially_executed_on', optional: true },
  { state: 'executed', action: 'execute', column: null },
];
/** Outgoing, before sending (the platform's send is exchange's; a request sent another way is created as sent). */
const OUT_LINE: typeof IN_LINE = [
  { state: 'preparing', action: null, column: null },
  { state: 'ready', action: 'submit', column: null },
];
const SENT_LINE: typeof IN_LINE = [{ state: 'sent', action: null, column: 'sent_on' }];

/** The action that ends the path when the status is off the main line. */
const OFF_LINE: Partial<Record<CaseState, CaseAction>> = {
  refused: 'refuse', returned: 'return_incomplete', forwarded: 'forward', withdrawn: 'withdraw', postponed: 'postpone',
};

interface Draft {
  action: CaseAction;
  on: string | null;
  note: string;
  body: Record<string, unknown>;
  column: string;
}

export function planRow(row: ImportRow, today: string): { plan: RowPlan | null; issues: Array<{ column: string; message: string }> } {
  const issues: Array<{ column: string; message: string }> = [];
  const bad = (column: string, message: string) => issues.push({ column, message });
  const incoming = row.direction === 'incoming';
  const status = row.status as CaseState;
  // An outgoing request already sent (by post, diplomatic channel…) is registered as sent, on the day it was sent.
  const wasSent = !incoming && (status === 'sent' || (status === 'withdrawn' && row.sent_on !== null));
  const line = incoming ? IN_LINE : wasSent ? SENT_LINE : OUT_LINE;
  const allowed = (incoming ? ['received', 'registered', 'under_review', 'info_requested', 'accepted', 'passed', 'assigned', 'in_execution', 'partially_executed', 'executed', 'postponed', 'refused', 'withdrawn', 'returned', 'forwarded'] : ['preparing', 'ready', 'sent', 'withdrawn']) as CaseState[];
  if (!allowed.includes(status)) bad('status', `"${status}" is not a status of an ${row.direction} case (one of ${allowed.join(', ')})`);

  // Fields that belong to one direction only.
  if (incoming && !row.received_on) bad('received_on', 'is required for an incoming case (the date the request was received)');
  const inOnly = ['registered_on', 'review_started_on', 'info_requested_on', 'info_supplied_on', 'accepted_on', 'passed_on', 'assigned_on', 'execution_started_on', 'partially_executed_on', 'consulted_on', 'acknowledged_on', 'refusal_ground', 'forwarded_to'] as const;
  if (!incoming) for (const c of inOnly) if (row[c] !== null) bad(c, 'is for an incoming case only');
  if (incoming && row.outcome && !(row.outcome === 'partially-executed' && status === 'executed')) {
    bad('outcome', 'of an incoming case is its status; only an executed case may say partially-executed here');
  }
  if (incoming && row.counterpart_status) bad('counterpart_status', 'is for an outgoing case only');
  if (incoming && row.sent_on) bad('sent_on', 'is for an outgoing case only (an incoming case has received_on)');
  if (!incoming && row.received_on) bad('received_on', 'is for an incoming case only (an outgoing case sent already has sent_on)');
  if (row.legal_basis === 'treaty' && !row.legal_basis_treaty) bad('legal_basis_treaty', 'name the treaty when the legal basis is a treaty');
  if (row.legal_basis !== 'treaty' && row.legal_basis_treaty) bad('legal_basis_treaty', 'is given only when the legal basis is a treaty');
  if (row.legal_basis !== 'convention' && row.legal_basis_article) bad('legal_basis_article', 'is given only when the legal basis is the Convention');
  if (row.deadline_reason && !row.deadline) bad('deadline', 'is required when deadline_reason is given');
  if (row.deadline && !row.deadline_reason) bad('deadline_reason', 'give the deadline’s reason (a court date, a custody limit, data retention…)');
  if (issues.length) return { plan: null, issues };

  const initial = wasSent ? 'sent' : initialState(row.direction);
  if (status !== initial && !row.status_on) bad('status_on', `is required: the date the case became "${status}"`);

  // The main-line states the path goes through: up to the status, or up to the furthest state dated before leaving the line.
  const lineIndex = line.findIndex((s) => s.state === status);
  const dated = line.map((s, i) => ({ ...s, i })).filter((s) => s.i > 0 && s.column && row[s.column] !== null);
  const finalAction = OFF_LINE[status];
  let end: number;
  if (lineIndex >= 0) end = lineIndex;
  else if (status === 'info_requested') end = line.findIndex((s) => s.state === 'under_review');
  else {
    end = dated.length ? dated[dated.length - 1]!.i : 0;
    // walk on along the line (through states the row need not name) to the first one the final action leaves from
    while (finalAction && !caseMachine.find(line[end]!.state, finalAction) && end + 1 < line.length && !line[end + 1]!.optional) end++;
    if (finalAction && !caseMachine.find(line[end]!.state, finalAction)) {
      const column = line[end]!.column ?? 'status';
      bad(column, `a case that reached "${line[end]!.state}" cannot become "${status}"`);
    }
  }
  for (const s of dated) if (s.i > end) bad(s.column!, `is after the case’s status "${status}" in the workflow: a case ${status} did not reach "${s.state}"`);

  const drafts: Draft[] = [];
  const step = (action: CaseAction, on: string | null, column: string, body: Record<string, unknown> = {}, note = IMPORTED) => drafts.push({ action, on, note, body, column });
  for (let i = 1; i <= end; i++) {
    const s = line[i]!;
    if (s.optional && i !== end && (!s.column || row[s.column] === null)) continue; // assigned, partially executed: only when named
    const own = s.column ? (row[s.column] as string | null) : null;
    const isFinal = i === end && lineIndex >= 0;
    if (isFinal && own && row.status_on && own !== row.status_on) bad(s.column!, `is ${own} but status_on says ${row.status_on}: give one date`);
    const on = isFinal ? (row.status_on ?? own) : own;
    const column = isFinal ? 'status_on' : (s.column ?? 'status');
    if (s.action === 'pass_to_executing') {
      if (!row.executing_authority) bad('executing_authority', 'is required: the case was passed to an executing authority (name it)');
      step(s.action, on, column, { authority: { name: row.executing_authority ?? '' } });
    } else step(s.action!, on, column, s.action === 'execute' && row.outcome === 'partially-executed' ? { partial: true } : {});
    if (s.state === 'under_review' && (row.info_requested_on || status === 'info_requested')) {
      step('request_info', row.info_requested_on ?? (status === 'info_requested' ? row.status_on : null), 'info_requested_on', {}, `${IMPORTED}: additional information was requested (art. 18(16))`);
      if (status !== 'info_requested') {
        if (!row.info_supplied_on) bad('info_supplied_on', 'is required when info_requested_on is given and the case went on (the date the information arrived)');
        step('supply_info', row.info_supplied_on, 'info_supplied_on');
      }
    }
  }
  if (status !== 'info_requested' && row.info_supplied_on && !row.info_requested_on) bad('info_requested_on', 'is required when info_supplied_on is given');

  if (finalAction) {
    if (finalAction === 'refuse' || finalAction === 'postpone') {
      if (!row.consulted_on) bad('consulted_on', `is required: a case is ${status} only after the requesting State was consulted (arts. 16(16), 18(26)); give the date of the consultation`);
      step('consult', row.consulted_on, 'consulted_on', {}, row.consultation_note ?? `${IMPORTED}: the requesting State was consulted`);
    } else if (row.consulted_on) bad('consulted_on', 'is given only for a case refused or postponed');
    if (finalAction === 'refuse') {
      if (!row.refusal_ground) bad('refusal_ground', 'is required for a refused case (art. 18(21))');
      if ((row.refusal_reasons ?? '').trim().length < 10) bad('refusal_reasons', 'is required for a refused case: give the reasons (art. 18(23)), at least 10 characters');
      if (row.refusal_ground && EXCLUDED_GROUNDS.includes(row.refusal_ground) && row.confirm_excluded_ground !== true) {
        bad('refusal_ground', `"${row.refusal_ground}" is not a ground for refusal under the Convention (arts. 18(8), 18(22)); set confirm_excluded_ground to yes to import the refusal as it was made`);
      }
      step('refuse', row.status_on, 'status_on', {
        ground: row.refusal_ground, reasons: row.refusal_reasons ?? '', ...(row.confirm_excluded_ground ? { confirmExcludedGround: true } : {}),
      }, row.status_note ?? IMPORTED);
    } else if (finalAction === 'forward') {
      if (!row.forwarded_to) bad('forwarded_to', 'is required for a forwarded case: name the competent authority it was forwarded to');
      step('forward', row.status_on, 'status_on', { authority: { name: row.forwarded_to ?? '' } }, row.status_note ?? IMPORTED);
    } else if (finalAction === 'return_incomplete') {
      step('return_incomplete', row.status_on, 'status_on', {}, row.status_note ?? `${IMPORTED}: returned as incomplete`);
    } else if (finalAction === 'postpone') {
      step('postpone', row.status_on, 'status_on', {}, row.status_note ?? `${IMPORTED}: execution postponed (art. 18(25))`);
    } else step(finalAction, row.status_on, 'status_on', {}, row.status_note ?? IMPORTED);
  } else {
    if (row.consulted_on) bad('consulted_on', 'is given only for a case refused or postponed');
    if (row.status_note && drafts.length) drafts[drafts.length - 1]!.note = row.status_note;
  }
  if (status !== 'refused' && (row.refusal_ground || row.refusal_reasons)) bad('refusal_ground', 'is given only for a refused case');
  if (status !== 'forwarded' && row.forwarded_to) bad('forwarded_to', 'is given only for a forwarded case');
  if (!incoming && (row.counterpart_status || row.outcome)) {
    // what the requested State reported: its status while open, its outcome when the case was closed
    if (status !== 'sent') bad(row.outcome ? 'outcome' : 'counterpart_status', 'is given only for a sent case (what the requested State reported)');
    else if (row.counterpart_status) step('record_counterpart_status', row.status_on, 'status_on', { status: row.counterpart_status });
    if (status === 'sent' && row.outcome) step('record_counterpart_status', row.closed_on, 'closed_on', { status: row.outcome }, `${IMPORTED}: the requested State reported the outcome`);
  }
  if (row.closed_on) {
    if (!incoming && status === 'sent' && !row.outcome) bad('outcome', 'is required for a closed outgoing case (what the requested State reported)');
    step('close', row.closed_on, 'closed_on');
  } else if (row.outcome && !incoming) bad('outcome', 'is given only for a closed case (with closed_on)');

  // The acknowledgement of receipt, where the case stood received or registered.
  if (row.acknowledged_on) {
    const first = drafts[0];
    const afterRegister = first?.action === 'register' && first.on !== null && row.acknowledged_on >= first.on;
    drafts.splice(afterRegister ? 1 : 0, 0, { action: 'acknowledge', on: row.acknowledged_on, note: IMPORTED, body: {}, column: 'acknowledged_on' });
  }

  if (status === 'sent' && !row.sent_on) bad('sent_on', 'is required for a case that was sent (the date it was sent)');
  if (!incoming && !wasSent && row.sent_on) bad('sent_on', `is given only for a case that was sent, not one "${status}"`);
  const createdOn = incoming ? row.received_on! : wasSent ? row.sent_on! : (firstDate(drafts) ?? row.status_on ?? today);
  const steps = dateSteps(drafts, { on: createdOn, column: incoming ? 'received_on' : wasSent ? 'sent_on' : 'status_on' }, today, bad);
  const finalState = replaySteps(initial, steps, bad);
  return issues.length ? { plan: null, issues } : { plan: { createdOn, createdState: initial, steps, finalState: finalState! }, issues };
}

const firstDate = (drafts: Draft[]) => drafts.find((d) => d.on)?.on ?? null;

/** Unknown dates take the next known one; known dates must not go back in time, nor be in the future. */
function dateSteps(drafts: Draft[], created: { on: string; column: string }, today: string, bad: (c: string, m: string) => void): PlannedStep[] {
  if (created.on > today) bad(created.column, `${created.on} is in the future`);
  let last = created.on;
  let lastColumn = created.column;
  const out: PlannedStep[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const next = d.on ?? drafts.slice(i + 1).find((x) => x.on)?.on ?? null;
    const on = next ?? last;
    if (d.on) {
      if (d.on > today) bad(d.column, `${d.on} is in the future`);
      if (d.on < last) bad(d.column, `${d.on} is before ${last} (${lastColumn}): the steps' dates must follow the workflow’s order`);
      last = d.on > last ? d.on : last;
      lastColumn = d.column;
    }
    out.push({ action: d.action, on: on < last ? last : on, dateKnown: d.on !== null, note: d.note, body: d.body, column: d.column });
  }
  return out;
}

/** Every planned step must be one the machine allows where the case then stands (a planner bug is a named row error). */
function replaySteps(initial: CaseState, steps: PlannedStep[], bad: (c: string, m: string) => void): CaseState | null {
  let state = initial;
  for (const s of steps) {
    const t = caseMachine.find(state, s.action);
    if (!t) {
      bad(s.column === 'closed_on' ? 'closed_on' : 'status', s.action === 'close'
        ? `a case is closed only once it has ended (executed, refused, withdrawn, returned, forwarded; an outgoing case once sent), not while "${state}"`
        : `the workflow does not allow "${s.action}" while the case is "${state}"`);
      return null;
    }
    if (t.to) state = t.to;
  }
  return state;
}

export type { Issue };
