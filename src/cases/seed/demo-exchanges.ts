import type { Transaction } from 'kysely';
import type { UserActor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CaseAction } from '../case.workflow.ts';
import { createCase, getCase, loadCaseRow, recordEvent, type RecordableEvent } from '../cases.service.ts';
import { sendCase } from '../exchange/exchange.service.ts';
import type { NewCase } from '../cases.schemas.ts';

/**
 * Demo requests exchanged THROUGH the platform between the two demo officers' States (FRA ↔ CHN): prepared on
 * the requesting side, sent with exchange's `sendCase` (envelope, submission and delivery evidences, the incoming
 * case created at the requested State), opened there (the retrieval evidence) and moved along — each step of the
 * requested side reaching the requesting side as the counterpart's status. Sending happens when the demo is
 * loaded (evidences are time-stamped by the platform, never back-dated), so these are the freshest cases.
 */

interface Step {
  side: 'requesting' | 'requested';
  action: CaseAction;
  note?: string;
  body?: Record<string, unknown>;
}

export interface DemoExchange {
  from: 'FRA' | 'CHN';
  to: 'FRA' | 'CHN';
  reference: string;
  kind: NewCase['kind'];
  title: string;
  measures: string[];
  crimeTypes: NewCase['crimeTypes'];
  preparedDaysAgo: number;
  /** false: delivered but not opened yet (the requesting side sees "delivered", not "retrieved"). */
  opened: boolean;
  steps: Step[];
}

const EXEC = { name: 'Executing authority (fictitious, demo)' };

export const DEMO_EXCHANGES: readonly DemoExchange[] = [
  {
    from: 'FRA', to: 'CHN', reference: 'FRA-DEMO-XCH-001', kind: 'mla', preparedDaysAgo: 12, opened: true,
    title: '[DEMO] Subscriber data of messaging accounts used by a trafficking network (fictitious)',
    measures: ['e-evidence-subscriber', 'e-evidence-preservation'], crimeTypes: ['trafficking-in-persons', 'participation-in-ocg'],
    steps: [
      { side: 'requested', action: 'acknowledge', note: 'Received through Palermo; registered for review' },
      { side: 'requested', action: 'register' },
      { side: 'requested', action: 'start_review' },
      { side: 'requesting', action: 'progress_query', note: 'The data retention period ends soon: can the preservation be confirmed?' },
      { side: 'requested', action: 'answer_query', note: 'Preservation ordered with the provider; the review continues', body: { answersLastQuery: true } },
    ],
  },
  {
    from: 'CHN', to: 'FRA', reference: 'CHN-DEMO-XCH-001', kind: 'mla', preparedDaysAgo: 20, opened: true,
    title: '[DEMO] Freezing of the accounts of a front company (fictitious)',
    measures: ['freezing', 'bank-records'], crimeTypes: ['money-laundering', 'fraud'],
    steps: [
      { side: 'requested', action: 'acknowledge' },
      { side: 'requested', action: 'register' },
      { side: 'requested', action: 'start_review' },
      { side: 'requested', action: 'request_info', note: 'Please give the account numbers and the link between the funds and the fraud (art. 18(16))' },
      { side: 'requesting', action: 'supply_info', note: 'Account numbers and a summary of the evidence linking the funds to the fraud' },
      { side: 'requested', action: 'accept' },
      { side: 'requested', action: 'pass_to_executing', body: { authority: EXEC } },
      { side: 'requested', action: 'start_execution' },
    ],
  },
  {
    from: 'CHN', to: 'FRA', reference: 'CHN-DEMO-XCH-002', kind: 'mla', preparedDaysAgo: 30, opened: true,
    title: '[DEMO] Hearing of a witness by video link (fictitious)',
    measures: ['video-link-hearing'], crimeTypes: ['drug-trafficking'],
    steps: [
      { side: 'requested', action: 'register' },
      { side: 'requested', action: 'start_review' },
      { side: 'requested', action: 'accept' },
      { side: 'requested', action: 'pass_to_executing', body: { authority: EXEC } },
      { side: 'requested', action: 'start_execution' },
      { side: 'requested', action: 'execute', note: 'The witness was heard by video link; the record is attached to the reply' },
    ],
  },
  {
    from: 'FRA', to: 'CHN', reference: 'FRA-DEMO-XCH-002', kind: 'extradition', preparedDaysAgo: 6, opened: false,
    title: '[DEMO] Extradition of a suspected network organiser (fictitious)',
    measures: ['extradition'], crimeTypes: ['trafficking-in-persons'],
    steps: [],
  },
];

const DAY = 86_400_000;

/** Prepares, sends and follows one exchanged request; `actorOf` gives each State's demo central authority. */
export async function loadExchange(trx: Transaction<Database>, x: DemoExchange, actorOf: (state: string) => UserActor, now: Date): Promise<void> {
  const requesting = actorOf(x.from);
  const requested = actorOf(x.to);
  const prepared = new Date(now.getTime() - x.preparedDaysAgo * DAY);
  const out = await createCase(trx, requesting, {
    direction: 'outgoing', kind: x.kind, counterpartState: x.to, reference: x.reference, title: x.title,
    summary: 'Fictitious request exchanged through Palermo between the demo central authorities.',
    legalBasis: { type: 'convention', article: x.kind === 'extradition' ? 'UNTOC:16' : 'UNTOC:18' },
    measures: x.measures, crimeTypes: x.crimeTypes, offences: ['Fictitious offence description (demo)'],
    priorityInputs: { organisedCriminalGroup: true, maxPenaltyYears: 10 },
  }, { occurredAt: prepared });
  await recordEvent(trx, requesting, out.id, { type: 'submit', note: 'Signed by the head of the central authority' }, { occurredAt: new Date(prepared.getTime() + 2 * DAY) });
  await sendCase(trx, requesting, out.id, { channel: 'platform', note: 'Request sent through Palermo (demo)' });
  const incomingId = (await loadCaseRow(trx, out.id))?.counterpart_case_id;
  if (!incomingId) throw new Error(`Demo exchange ${x.reference}: not delivered to ${x.to}`);
  if (x.opened) await getCase(trx, requested, incomingId); // the first open: the retrieval evidence, on both sides
  for (const s of x.steps) {
    const [actor, caseId] = s.side === 'requested' ? [requested, incomingId] : [requesting, out.id];
    const { answersLastQuery, ...rest } = s.body ?? {};
    let answersSeq: number | undefined;
    if (answersLastQuery) {
      const q = await trx.selectFrom('cases_events').select('seq').where('case_id', '=', caseId).where('type', '=', 'progress_query').orderBy('seq', 'desc').executeTakeFirst();
      answersSeq = q?.seq;
    }
    const body = { type: s.action, ...(s.note && { note: s.note }), ...rest, ...(answersSeq !== undefined && { answersSeq }) } as unknown as RecordableEvent;
    await recordEvent(trx, actor, caseId, body);
  }
}
