import type { Db } from '../platform/db/database.ts';
import { createUser, usersByIds } from '../platform/auth/accounts.service.ts';
import type { Role, UserActor } from '../platform/auth/roles.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { stateExists } from '../reference/reference.service.ts';
import type { CaseState } from './case.vocabulary.ts';
import { createCase, recordEvent, type CaseRow, type CreateOptions, type RecordableEvent } from './cases.service.ts';
import type { NewCase } from './cases.schemas.ts';

/**
 * Test data for the case tracker's tests (every part's): people of two States who exchange requests (FRA asks,
 * DEU is asked), a third State (GBR) and the secretariat who must see nothing, complete case inputs in both
 * directions, and `walkTo`, which takes a case along the machine to any state with the events a real case would
 * have (a consultation before a refusal or postponement, the fields each action needs).
 */

export const TEST_PASSWORD = 'correct horse battery staple';

export interface CasePeople {
  fraOfficer: UserActor;
  fraPractitioner: UserActor;
  /** Same State, never assigned: sees nothing of FRA's cases. */
  fraOtherPractitioner: UserActor;
  deuOfficer: UserActor;
  deuPractitioner: UserActor;
  /** A third State's officer: sees nothing of either side's cases. */
  gbrOfficer: UserActor;
  secretariat: UserActor;
}

const system = { kind: 'anonymous' as const };

async function person(db: Db, username: string, roles: Role[], state: string | null): Promise<UserActor> {
  const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  const id = existing?.id ?? (await createUser(db, { username, displayName: username, password: TEST_PASSWORD, roles, state }, system, (iso3) => stateExists(db, iso3))).id;
  const [u] = await usersByIds(db, [id]);
  return { ...u!.actor, roles: [...u!.actor.roles] };
}

/** Creates (once per database) the people of the case tests; usernames are `<prefix>-fra-officer` etc., password TEST_PASSWORD. */
export async function casePeople(db: Db, prefix = 'case'): Promise<CasePeople> {
  return {
    fraOfficer: await person(db, `${prefix}-fra-officer`, ['officer'], 'FRA'),
    fraPractitioner: await person(db, `${prefix}-fra-practitioner`, ['practitioner'], 'FRA'),
    fraOtherPractitioner: await person(db, `${prefix}-fra-other`, ['practitioner'], 'FRA'),
    deuOfficer: await person(db, `${prefix}-deu-officer`, ['officer'], 'DEU'),
    deuPractitioner: await person(db, `${prefix}-deu-practitioner`, ['practitioner'], 'DEU'),
    gbrOfficer: await person(db, `${prefix}-gbr-officer`, ['officer'], 'GBR'),
    secretariat: await person(db, `${prefix}-secretariat`, ['secretariat'], null),
  };
}

/** A complete incoming MLA request (the holder is asked by `from`), registered by hand. */
export function incomingInput(from = 'FRA', overrides: Partial<NewCase> = {}): NewCase {
  return {
    direction: 'incoming',
    kind: 'mla',
    counterpartState: from,
    counterpartReference: `${from}-MLA-2026-0042`,
    title: 'Operation Lantern — bank records',
    summary: 'Bank records of an account used to launder the proceeds of a fraud against pensioners.',
    channel: 'email',
    legalBasis: { type: 'convention', article: 'UNTOC:18' },
    offences: ['Fraud by false representation', 'Money laundering'],
    crimeTypes: ['fraud', 'money-laundering'],
    measures: ['bank-records'],
    authorities: [{ role: 'requesting', name: 'Public prosecutor, Paris' }],
    persons: [{ name: 'Li Wei', role: 'suspect', nationality: 'CHN' }],
    priorityInputs: { maxPenaltyYears: 10, organisedCriminalGroup: true },
    confidentiality: 'confidential',
    ...overrides,
  };
}

/** A complete outgoing MLA request to `to`, in preparation (channel: the platform). */
export function outgoingInput(to = 'DEU', overrides: Partial<NewCase> = {}): NewCase {
  return {
    direction: 'outgoing',
    kind: 'mla',
    counterpartState: to,
    title: 'Operation Lantern — witness hearing by video link',
    summary: 'Hearing of a bank employee as a witness.',
    legalBasis: { type: 'convention', article: 'UNTOC:18' },
    offences: ['Money laundering'],
    crimeTypes: ['money-laundering'],
    measures: ['video-link-hearing'],
    ...overrides,
  };
}

export async function createIncoming(db: Db, officer: UserActor, overrides: Partial<NewCase> = {}, opts: CreateOptions = {}): Promise<CaseRow> {
  const from = officer.state === 'FRA' ? 'DEU' : 'FRA';
  return inTransaction(db, (trx) => createCase(trx, officer, incomingInput(from, overrides), opts));
}

export async function createOutgoing(db: Db, officer: UserActor, overrides: Partial<NewCase> = {}, opts: CreateOptions = {}): Promise<CaseRow> {
  const to = officer.state === 'DEU' ? 'FRA' : 'DEU';
  return inTransaction(db, (trx) => createCase(trx, officer, outgoingInput(to, overrides), opts));
}

/** A body for each action that satisfies its field guards (a note, a ground and reasons, an authority…). */
export function eventFor(type: RecordableEvent['type']): RecordableEvent {
  switch (type) {
    case 'refuse': return { type, ground: 'domestic-law-prohibits', reasons: 'The measure sought is not available under our law for this offence.' };
    case 'forward': return { type, authority: { name: 'Public prosecutor, Munich' } };
    case 'pass_to_executing': return { type, authority: { name: 'Public prosecutor, Frankfurt' } };
    case 'record_counterpart_status': return { type, status: 'in_execution', note: 'Told by telephone' };
    case 'explain_delay': return { type, step: 'execute', reason: 'The bank answers slowly', newEstimate: '2099-01-31' };
    case 'set_priority': return { type, level: 'urgent', reason: 'The suspect is about to leave' };
    case 'set_deadline': return { type, deadline: '2099-06-30', reason: 'Trial date' };
    case 'set_assignees': return { type, userIds: [] };
    case 'answer_query': return { type, answersSeq: 1, note: 'Answer' };
    default: return { type, note: `Note for ${type}` } as RecordableEvent;
  }
}

/** Paths from a case's first state to every state (incoming from received, outgoing from preparing). */
const PATHS: Record<CaseState, RecordableEvent['type'][]> = {
  preparing: [],
  ready: ['submit'],
  sent: ['submit', 'send'],
  received: [],
  registered: ['register'],
  returned: ['return_incomplete'],
  forwarded: ['forward'],
  under_review: ['register', 'start_review'],
  info_requested: ['register', 'start_review', 'request_info'],
  accepted: ['register', 'start_review', 'accept'],
  passed: ['register', 'start_review', 'accept', 'pass_to_executing'],
  assigned: ['register', 'start_review', 'accept', 'pass_to_executing', 'assign'],
  in_execution: ['register', 'start_review', 'accept', 'pass_to_executing', 'start_execution'],
  partially_executed: ['register', 'start_review', 'accept', 'pass_to_executing', 'start_execution', 'report_partial'],
  executed: ['register', 'start_review', 'accept', 'pass_to_executing', 'start_execution', 'execute'],
  postponed: ['register', 'start_review', 'accept', 'pass_to_executing', 'start_execution', 'consult', 'postpone'],
  refused: ['register', 'start_review', 'consult', 'refuse'],
  withdrawn: ['withdraw'],
  closed: ['register', 'start_review', 'accept', 'pass_to_executing', 'start_execution', 'execute', 'close'],
};

/** The events that take a new case (incoming from received, outgoing from preparing) to `state`. */
export const pathTo = (state: CaseState): readonly RecordableEvent['type'][] => PATHS[state];

export const OUTGOING_STATES: readonly CaseState[] = ['preparing', 'ready', 'sent'];

/**
 * Creates a case of the right direction for `state` (outgoing for preparing/ready/sent, incoming otherwise) and
 * walks it there as `officer` (the platform records `send`, as exchange would).
 */
export async function caseIn(db: Db, officer: UserActor, state: CaseState, overrides: Partial<NewCase> = {}): Promise<CaseRow> {
  const c = OUTGOING_STATES.includes(state) ? await createOutgoing(db, officer, overrides) : await createIncoming(db, officer, overrides);
  return walkTo(db, officer, c.id, PATHS[state]);
}

/** Records each event in turn (each in its own transaction), as `officer`; returns the case as it ends. */
export async function walkTo(db: Db, officer: UserActor, caseId: string, path: readonly RecordableEvent['type'][]): Promise<CaseRow> {
  let row: CaseRow | undefined;
  for (const type of path) {
    row = (await inTransaction(db, (trx) => recordEvent(trx, officer, caseId, eventFor(type), type === 'send' ? { side: 'system' } : {}))).case;
  }
  return row ?? (await db.selectFrom('cases_cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow());
}
