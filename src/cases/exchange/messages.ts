import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { ANONYMOUS, type Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';
import { appendTimeline, setExchangeFields, type CaseRow } from '../cases.service.ts';
import type { TransmissionState } from '../case.vocabulary.ts';
import { ENVELOPE_VERSION, envelopeDigest, parseEnvelope, type Attachment, type Envelope, type EnvelopeOf, type Party } from './envelope.ts';
import { evidenceSchema, type Evidence, type EvidenceType, type Issuer } from './evidence.ts';
import * as repo from './exchange.repository.ts';

/**
 * Building, recording and proving messages within one instance: the envelopes of docs/EXCHANGE.md, recorded on
 * each side's case, and the evidences the platform (or a person, for retrieval) issues about them — each also a
 * time-stamped 'evidence' entry on the timelines of the cases that hold the message.
 */

type Trx = Transaction<Database>;

/** This instance's identity in envelopes and evidences: its public URL, or 'local'. */
export const thisInstance = (): string => process.env.PALERMO_PUBLIC_URL?.trim() || 'local';

/** One end of an exchange: the State, its central authority as the case names it (if it does), this instance. */
export function partyOf(state: string, authorities: readonly { role: string; name: string; entryId?: string | null }[] = []): Party {
  const central = authorities.find((a) => a.role === 'central');
  return { state, authority: { name: central?.name ?? `Central authority of ${state}`, entryId: central?.entryId ?? null }, instance: thisInstance() };
}

/** case.submit: what the requested side needs to open its case, taken from the outgoing case as it is sent. */
export function submitEnvelope(c: CaseRow, note: string, attachments: Attachment[], at: Date): EnvelopeOf<'case.submit'> {
  return parseEnvelope({
    version: ENVELOPE_VERSION,
    messageId: randomUUID(),
    conversationId: c.conversation_id,
    inReplyTo: null,
    createdAt: at.toISOString(),
    sender: partyOf(c.owner_state, c.authorities),
    recipient: partyOf(c.counterpart_state),
    references: { sender: c.reference, recipient: c.counterpart_reference },
    type: 'case.submit',
    payload: {
      kind: c.kind,
      title: c.title,
      summary: c.summary,
      legalBasis: c.legal_basis,
      legalBasisArticle: c.legal_basis_article,
      legalBasisTreaty: c.legal_basis_treaty,
      offences: c.offences,
      crimeTypes: c.crime_types,
      measures: c.measures,
      persons: c.persons as unknown as Record<string, unknown>[],
      deadline: c.deadline,
      deadlineReason: c.deadline_reason,
      confidentiality: c.confidentiality,
      urgent: c.priority_level === 'urgent',
      channel: c.channel,
      note,
    },
    attachments,
  }) as EnvelopeOf<'case.submit'>;
}

export interface MirroredEntry {
  type: string;
  seq: number;
  fromState: string | null;
  toState: string | null;
  note: string;
  data: Record<string, unknown>;
  dueAt: string | null;
  answers: number | null;
}

/** case.event: one entry of `from`'s timeline, for `to`'s; in reply to the request's submission. */
export function eventEnvelope(from: CaseRow, to: CaseRow, inReplyTo: string | null, e: MirroredEntry): EnvelopeOf<'case.event'> {
  return parseEnvelope({
    version: ENVELOPE_VERSION,
    messageId: randomUUID(),
    conversationId: from.conversation_id,
    inReplyTo,
    createdAt: new Date().toISOString(),
    sender: partyOf(from.owner_state, from.authorities),
    recipient: partyOf(to.owner_state, to.authorities),
    references: { sender: from.reference, recipient: to.reference },
    type: 'case.event',
    payload: e,
    attachments: [],
  }) as EnvelopeOf<'case.event'>;
}

/** Records a message on both cases: as sent by `from`, as received by `to`. */
export async function recordBothSides(trx: Trx, e: Envelope, fromCaseId: string, toCaseId: string): Promise<void> {
  await repo.recordMessage(trx, 'sent', fromCaseId, e);
  await repo.recordMessage(trx, 'received', toCaseId, e);
}

export const platformIssuer = (state: string): Issuer => ({ kind: 'platform', instance: thisInstance(), state, user: null });

export function personIssuer(actor: Actor): Issuer {
  if (actor.kind !== 'user') throw new Error('a person issues a retrieval evidence');
  return { kind: 'person', instance: thisInstance(), state: actor.state, user: { id: actor.id, name: actor.displayName } };
}

/**
 * Issues an evidence about a message and records it; null when the message already has one of that type
 * (the first retrieval stands).
 */
export async function issueEvidence(trx: Trx, e: Envelope, type: EvidenceType, issuer: Issuer, reason: string | null = null): Promise<Evidence | null> {
  const evidence = evidenceSchema.parse({
    evidenceId: randomUUID(),
    type,
    messageId: e.messageId,
    messageDigest: envelopeDigest(e),
    at: new Date().toISOString(),
    issuer,
    reason,
  });
  return (await repo.recordEvidence(trx, evidence)) ? evidence : null;
}

/**
 * The evidence on a case's timeline (type 'evidence', time-stamped by the entry) and the case's transmission
 * state after it. `actor`: who the entry names — the person for a retrieval, the platform otherwise.
 */
export async function noteEvidence(trx: Trx, caseId: string, ev: Evidence, transmission: TransmissionState, actor: Actor = ANONYMOUS, note = ''): Promise<void> {
  await setExchangeFields(trx, caseId, { transmission });
  await appendTimeline(trx, actor, caseId, {
    type: 'evidence',
    note: note || ev.reason || '',
    data: { evidence: ev.type, evidenceId: ev.evidenceId, messageId: ev.messageId, messageDigest: ev.messageDigest, at: ev.at, transmission },
  }, { occurredAt: new Date(ev.at) });
}
