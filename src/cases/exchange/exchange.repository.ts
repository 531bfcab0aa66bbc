import type { Selectable, Transaction } from 'kysely';
import type { Database, Db } from '../../platform/db/database.ts';
import type { Envelope } from './envelope.ts';
import { envelopeDigest } from './envelope.ts';
import type { Evidence } from './evidence.ts';
import { evidenceDigest } from './evidence.ts';
import type { CasesExchangeEvidencesTable, CasesExchangeMessagesTable } from './exchange.tables.ts';
import './exchange.tables.ts';
import '../cases.tables.ts';
import type { CaseChannel } from '../case.vocabulary.ts';

/** All the exchange's SQL (tables: ../migrations/0019_case_exchange.sql). Rows are only ever inserted. */

export type Conn = Db | Transaction<Database>;
export type MessageRow = Selectable<CasesExchangeMessagesTable>;
export type EvidenceRow = Selectable<CasesExchangeEvidencesTable>;

const json = (v: unknown) => JSON.stringify(v) as never;

/** Records an envelope on one side's case (its digest computed here, so it is always the envelope's). */
export async function recordMessage(trx: Transaction<Database>, side: 'sent' | 'received', caseId: string, e: Envelope): Promise<MessageRow> {
  return trx.insertInto('cases_exchange_messages').values({
    message_id: e.messageId,
    side,
    case_id: caseId,
    conversation_id: e.conversationId,
    in_reply_to: e.inReplyTo,
    type: e.type,
    sender_state: e.sender.state,
    recipient_state: e.recipient.state,
    envelope: json(e),
    digest: envelopeDigest(e),
  }).returningAll().executeTakeFirstOrThrow();
}

/** Records an evidence; false when the message already has one of that type (the first retrieval stands). */
export async function recordEvidence(trx: Transaction<Database>, e: Evidence): Promise<boolean> {
  const row = await trx.insertInto('cases_exchange_evidences').values({
    evidence_id: e.evidenceId,
    message_id: e.messageId,
    type: e.type,
    at: new Date(e.at),
    issuer_kind: e.issuer.kind,
    issuer_instance: e.issuer.instance,
    issuer_state: e.issuer.state,
    issuer_id: e.issuer.user?.id ?? null,
    issuer_name: e.issuer.user?.name ?? null,
    reason: e.reason,
    message_digest: e.messageDigest,
    digest: evidenceDigest(e),
    evidence: json(e),
  }).onConflict((oc) => oc.columns(['message_id', 'type']).doNothing()).returning('evidence_id').executeTakeFirst();
  return row !== undefined;
}

/** The messages recorded on a case, oldest first. */
export function messagesOf(db: Conn, caseId: string): Promise<MessageRow[]> {
  return db.selectFrom('cases_exchange_messages').selectAll().where('case_id', '=', caseId)
    .orderBy('recorded_at').orderBy('message_id').execute();
}

/** The evidences about some messages, in time order. */
export async function evidencesOf(db: Conn, messageIds: readonly string[]): Promise<EvidenceRow[]> {
  if (messageIds.length === 0) return [];
  return db.selectFrom('cases_exchange_evidences').selectAll().where('message_id', 'in', [...messageIds])
    .orderBy('at').orderBy('evidence_id').execute();
}

/** The case.submit that brought (or sent) this case, on this side; undefined when it was not exchanged. */
export function submissionOf(db: Conn, caseId: string): Promise<MessageRow | undefined> {
  return db.selectFrom('cases_exchange_messages').selectAll().where('case_id', '=', caseId).where('type', '=', 'case.submit')
    .orderBy('recorded_at', 'desc').limit(1).executeTakeFirst();
}

/** A request sent outside the platform: the channel it went by; no transmission through the platform. */
export async function setChannel(trx: Transaction<Database>, caseId: string, channel: CaseChannel): Promise<void> {
  await trx.updateTable('cases_cases').set({ channel, transmission: 'none' }).where('id', '=', caseId).execute();
}

/** The case opened from a draft, if any (one case per draft). */
export function caseOfDraft(db: Conn, draftId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('cases_cases').select('id').where('draft_id', '=', draftId).limit(1).executeTakeFirst();
}

/** Is the reference taken by another case of the State? */
export async function referenceTaken(db: Conn, state: string, reference: string): Promise<boolean> {
  return (await db.selectFrom('cases_cases').select('id').where('owner_state', '=', state).where('reference', '=', reference).executeTakeFirst()) !== undefined;
}
