import { isolate } from '../../web/format.ts';
import { CASE_STATES, PRIORITY_LEVELS, REFUSAL_GROUNDS } from '../case.vocabulary.ts';
import type { CaseAction, CaseDto, CaseEvent } from './caseTypes.ts';
import type { CaseLabels } from './labels.ts';

/**
 * The small form of each action: which fields it asks for and how they become the event's body
 * (cases.schemas.ts `caseEventBody`). Required marks follow the machine's guards (case.workflow.ts `needs`), so
 * the browser asks before the server refuses; the server's answer is still shown by field when it refuses.
 */
export type FieldSpec =
  | { kind: 'textarea' | 'text' | 'date'; name: string; label: string; required?: boolean; hint?: string }
  | { kind: 'select'; name: string; label: string; required?: boolean; options: { value: string; label: string }[]; hint?: string }
  | { kind: 'check'; name: string; label: string; hint?: string }
  | { kind: 'checks'; name: string; label: string; options: { value: string; label: string }[] };

export type Values = Record<string, string | boolean | string[]>;

const note = (L: CaseLabels, label = 'cases.form.note', required = false): FieldSpec => ({ kind: 'textarea', name: 'note', label: L.t(label), required });

/** How explain_delay names a step: a progress query's answer by the query's seq ("answer-query:12"), the others by name. */
const stepValue = (s: CaseDto['dueSteps'][number]) => (s.step === 'answer-query' && s.seq !== undefined ? `${s.step}:${s.seq}` : s.step);

/** Progress queries not answered yet, newest first: what `answer_query` may answer. */
export function openQueries(c: CaseDto) {
  return c.timeline.filter((e) => e.type === 'progress_query' && e.answeredBy === null).reverse();
}

export function fieldsFor(action: CaseAction, c: CaseDto, L: CaseLabels, meId: string | null, date: (iso: string) => string | null): FieldSpec[] {
  const t = L.t;
  switch (action) {
    case 'return_incomplete':
      return [note(L, 'cases.form.whatIsMissing', true)];
    case 'request_info':
      return [note(L, 'cases.form.infoNeeded', true)];
    case 'postpone':
      return [note(L, 'cases.form.postponeReason', true)];
    case 'note':
      return [note(L, 'cases.form.note', true)];
    case 'send':
      return [note(L, 'cases.form.coveringNote')];
    case 'supply_info':
      return [note(L, c.direction === 'outgoing' ? 'cases.form.infoSupplied' : 'cases.form.infoReceived', c.direction === 'outgoing')];
    case 'forward':
      return [{ kind: 'text', name: 'authority', label: t('cases.form.competentAuthority'), required: true }, note(L)];
    case 'pass_to_executing':
      return [{ kind: 'text', name: 'authority', label: t('cases.form.executingAuthority'), required: true }, note(L)];
    case 'execute':
      return [{ kind: 'check', name: 'partial', label: t('cases.form.partial') }, note(L, 'cases.form.executionNote')];
    case 'refuse':
      return [
        { kind: 'select', name: 'ground', label: t('cases.form.ground'), required: true, options: REFUSAL_GROUNDS.map((g) => ({ value: g, label: L.ground(g) })) },
        { kind: 'textarea', name: 'reasons', label: t('cases.form.reasons'), required: true, hint: t('cases.form.reasonsHint') },
        note(L),
      ];
    case 'consult':
      return [{ kind: 'date', name: 'date', label: t('cases.form.consultDate') }, note(L, 'cases.form.consultNote', true)];
    case 'progress_query':
      return [{ kind: 'date', name: 'dueBy', label: t('cases.form.dueBy'), hint: t('cases.form.dueByHint') }, note(L, 'cases.form.queryText')];
    case 'answer_query':
      return [
        {
          kind: 'select',
          name: 'answersSeq',
          label: t('cases.form.query'),
          required: true,
          options: openQueries(c).map((q) => ({ value: String(q.seq), label: t('cases.form.queryOption', { date: date(q.at), who: isolate(q.actor.name) }) })),
        },
        note(L, 'cases.form.answer', true),
      ];
    case 'explain_delay':
      return [
        {
          kind: 'select',
          name: 'step',
          label: t('cases.form.step'),
          required: true,
          options: c.dueSteps.filter((s) => s.overdue).map((s) => ({ value: stepValue(s), label: t('cases.due.stepDue', { step: L.step(s.step), date: date(s.dueAt) }) })),
        },
        { kind: 'textarea', name: 'reason', label: t('cases.form.delayReason'), required: true },
        { kind: 'date', name: 'newEstimate', label: t('cases.form.newEstimate'), required: true },
      ];
    case 'set_priority':
      return [
        { kind: 'select', name: 'level', label: t('cases.form.level'), required: true, options: [{ value: 'computed', label: t('cases.form.computedLevel', { level: L.level(c.priority.computedLevel) }) }, ...PRIORITY_LEVELS.map((l) => ({ value: l, label: L.level(l) }))] },
        { kind: 'textarea', name: 'reason', label: t('cases.form.overrideReason'), required: true },
      ];
    case 'set_deadline':
      return [
        { kind: 'date', name: 'deadline', label: t('cases.fields.deadline'), hint: t('cases.form.deadlineClear') },
        { kind: 'text', name: 'reason', label: t('cases.fields.deadlineReason') },
      ];
    case 'set_assignees': {
      const people = [...c.assignees];
      if (meId && !people.some((p) => p.id === meId)) people.push({ id: meId, name: t('cases.form.me') });
      return [{ kind: 'checks', name: 'userIds', label: t('cases.form.assignees'), options: people.map((p) => ({ value: p.id, label: p.name })) }];
    }
    case 'record_counterpart_status':
      return [
        { kind: 'select', name: 'status', label: t('cases.form.counterpartStatus'), required: true, options: CASE_STATES.filter((s) => !['preparing', 'ready', 'sent'].includes(s)).map((s) => ({ value: s, label: L.state(s) })) },
        note(L),
      ];
    default:
      return [note(L)];
  }
}

/** The values a form starts with. */
export function initialValues(action: CaseAction, c: CaseDto): Values {
  if (action === 'set_assignees') return { userIds: c.assignees.map((a) => a.id) };
  if (action === 'set_deadline') return { deadline: c.deadline ?? '', reason: c.deadlineReason ?? '' };
  if (action === 'set_priority') return { level: c.priority.override?.level ?? 'computed', reason: '' };
  if (action === 'answer_query') return { answersSeq: String(openQueries(c)[0]?.seq ?? ''), note: '' };
  if (action === 'explain_delay') {
    const first = c.dueSteps.find((s) => s.overdue);
    return { step: first ? stepValue(first) : '' };
  }
  return {};
}

const str = (v: Values[string] | undefined) => (typeof v === 'string' ? v.trim() : '');

/** The event's body from the form's values (empty optional fields left out). */
export function bodyOf(action: CaseAction, v: Values, version: number): CaseEvent {
  const out: Record<string, unknown> = { type: action, expectedVersion: version };
  if (str(v.note)) out.note = str(v.note);
  switch (action) {
    case 'forward':
    case 'pass_to_executing':
      out.authority = { name: str(v.authority) };
      break;
    case 'execute':
      out.partial = v.partial === true;
      break;
    case 'refuse':
      if (str(v.ground)) out.ground = str(v.ground);
      out.reasons = str(v.reasons);
      if (v.confirmExcludedGround === true) out.confirmExcludedGround = true;
      break;
    case 'consult':
      if (str(v.date)) out.date = str(v.date);
      break;
    case 'progress_query':
      if (str(v.dueBy)) out.dueBy = str(v.dueBy);
      break;
    case 'answer_query':
      out.answersSeq = Number(str(v.answersSeq));
      break;
    case 'explain_delay':
      out.step = str(v.step);
      out.reason = str(v.reason);
      if (str(v.newEstimate)) out.newEstimate = str(v.newEstimate);
      break;
    case 'set_priority':
      out.level = str(v.level) === 'computed' ? null : str(v.level);
      out.reason = str(v.reason);
      break;
    case 'set_deadline':
      out.deadline = str(v.deadline) || null;
      if (str(v.reason)) out.reason = str(v.reason);
      break;
    case 'set_assignees':
      out.userIds = Array.isArray(v.userIds) ? v.userIds : [];
      break;
    case 'record_counterpart_status':
      out.status = str(v.status);
      break;
  }
  return out as CaseEvent;
}
