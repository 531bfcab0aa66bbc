import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';
import { caseMachine, type CaseAction } from '../case.workflow.ts';
import { timeline } from '../cases.repository.ts';
import { appendTimeline, loadCaseRow, recordEvent, setExchangeFields, type CaseRow } from '../cases.service.ts';
import { queryNotice, tellOfficers } from './exchange.notices.ts';
import * as repo from './exchange.repository.ts';
import type { RecordedEvent } from './hooks.ts';
import { eventEnvelope, recordBothSides, type MirroredEntry } from './messages.ts';

/**
 * The mirror between the two cases of one request within the instance (docs/EXCHANGE.md "Events mirrored"):
 * each entry that concerns the other side travels as a case.event envelope, recorded on both cases, and is
 * applied there — the requested side's progress as `counterpart_status` and a 'counterpart_update' entry on the
 * requesting side; the requesting side's progress query, additional information and withdrawal as events of the
 * incoming case, by the platform (side 'system'). An entry applied from a message carries `viaMessage` and is
 * never mirrored back (no loop). Internal entries (notes, priority, deadlines, assignees) never leave their side.
 */

type Trx = Transaction<Database>;

/** From the requesting side: what acts on the requested side's case. */
const FROM_OUTGOING: readonly string[] = ['progress_query', 'supply_info', 'withdraw'];
/** From the requested side: every transition, and these events that keep the state. */
const FROM_INCOMING: readonly string[] = ['acknowledge', 'answer_query'];

function concerns(row: CaseRow, e: RecordedEvent): boolean {
  if (row.direction === 'incoming') return e.toState !== null && e.type !== 'created' ? true : FROM_INCOMING.includes(e.type);
  return FROM_OUTGOING.includes(e.type);
}

/** What the other side may see of the entry: its type, states, note, and the refusal ground; never internal data. */
async function shared(trx: Trx, row: CaseRow, e: RecordedEvent): Promise<MirroredEntry> {
  const entries = await timeline(trx, row.id);
  const own = entries.find((x) => x.seq === e.seq);
  let answers: number | null = null;
  if (e.type === 'answer_query' && own?.answers_seq) {
    // the query answered came from the other side: its seq there is kept on ours
    const query = entries.find((x) => x.seq === own.answers_seq);
    answers = typeof query?.data.counterpartSeq === 'number' ? query.data.counterpartSeq : null;
  }
  return {
    type: e.type, seq: e.seq, fromState: e.fromState, toState: e.toState, note: e.note,
    data: { ...(typeof e.data.ground === 'string' && { ground: e.data.ground }), ...(typeof e.data.dueBy === 'string' && { dueBy: e.data.dueBy }) },
    dueAt: own?.due_at ? own.due_at.toISOString() : null,
    answers,
  };
}

export async function mirrorEvent(trx: Trx, e: RecordedEvent, actor: Actor): Promise<void> {
  if (e.data.viaMessage) return; // applied from the other side's message: it does not go back
  const row = await loadCaseRow(trx, e.caseId);
  if (!row?.counterpart_case_id || !concerns(row, e)) return;
  const other = await loadCaseRow(trx, row.counterpart_case_id);
  if (!other) return;
  const entry = await shared(trx, row, e);
  const submission = await repo.submissionOf(trx, row.id);
  const env = eventEnvelope(row, other, submission?.message_id ?? null, entry);
  await recordBothSides(trx, env, row.id, other.id);
  const via = { viaMessage: env.messageId, counterpartSeq: e.seq };
  if (row.direction === 'incoming') {
    if (e.toState) await setExchangeFields(trx, other.id, { counterpartStatus: e.toState });
    await appendTimeline(trx, actor, other.id, {
      type: 'counterpart_update',
      note: e.note,
      data: { ...via, type: e.type, from: e.fromState, state: e.toState, ...entry.data, ...(entry.answers !== null && { answersSeq: entry.answers }) },
    });
    return;
  }
  const action = e.type as CaseAction;
  const applies = caseMachine.find(other.status, action) !== undefined;
  if (!applies) {
    // e.g. additional information while the requested side is no longer waiting for it: shown, not applied
    await appendTimeline(trx, actor, other.id, { type: 'counterpart_update', note: e.note, data: { ...via, type: e.type } });
    return;
  }
  const body = { type: action, note: e.note || undefined, ...via, ...(action === 'progress_query' && typeof e.data.dueBy === 'string' && { dueBy: e.data.dueBy }) };
  await recordEvent(trx, actor, other.id, body as Parameters<typeof recordEvent>[3], { side: 'system' });
  if (action === 'progress_query') await tellOfficers(trx, queryNotice, other);
}
