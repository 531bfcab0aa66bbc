import type { Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { assertCaseAccess, caseView, loadCaseRow, recordEvent, setExchangeFields } from '../cases.service.ts';
import { CASE_TARGET } from '../cases.audit.ts';
import { attachmentOf, caseDocuments } from './case-documents.ts';
import { deliver } from './delivery.ts';
import { envelopeDigest } from './envelope.ts';
import type { Evidence } from './evidence.ts';
import type { MessagesDto, SendBody } from './exchange.schemas.ts';
import * as repo from './exchange.repository.ts';
import { installExchangeHooks } from './hooks.ts';
import { issueEvidence, noteEvidence, platformIssuer, submitEnvelope } from './messages.ts';
import { mirrorEvent } from './mirror.ts';
import { recordRetrieval } from './retrieval.ts';

/**
 * The exchange of cases within one instance (docs/EXCHANGE.md): sending an outgoing case, and the messages and
 * evidences of a case. Loading this file installs the hooks cases.service.ts calls after every event and read
 * (hooks.ts): the mirror between linked cases and the retrieval evidence.
 */

installExchangeHooks({ afterEvent: mirrorEvent, afterOpen: recordRetrieval });

type Trx = Transaction<Database>;

/**
 * POST /cases/{id}/send: the machine's `send` (officers of the requesting State, an outgoing case `ready`; a
 * second send is the machine's 409). Through the platform: the case.submit envelope is built and recorded, the
 * platform accepts it (submission acceptance) and delivers it at once when the requested State's central
 * authority uses this instance (delivery), else says so (non-delivery). Any other channel: only the transition.
 */
export async function sendCase(db: Db, actor: Actor, caseId: string, body: SendBody) {
  // Others learn nothing: the same 404 as for a case that does not exist, and the refusal audited (outside the
  // transaction, which the 404 would roll back).
  await assertCaseAccess(db, actor, caseId, 'act');
  const result = await inTransaction(db, async (trx) => {
    const { case: sent } = await recordEvent(trx, actor, caseId, { type: 'send', note: body.note, expectedVersion: body.expectedVersion, channel: body.channel } as Parameters<typeof recordEvent>[3]);
    if (body.channel !== 'platform') {
      await repo.setChannel(trx, caseId, body.channel);
      await audit(trx, { actor: auditActor(actor), action: 'cases.case.sent', targetType: CASE_TARGET, targetId: caseId, details: { channel: body.channel } });
      return { delivered: false, message: `Recorded as sent outside the platform (${body.channel}).`, messageId: null, digest: null };
    }
    return sendThroughPlatform(trx, actor, sent, body.note ?? '');
  });
  const row = (await loadCaseRow(db, caseId))!;
  return { case: await caseView(db, actor, row), ...result };
}

async function sendThroughPlatform(trx: Trx, actor: Actor, sent: Awaited<ReturnType<typeof loadCaseRow>> & object, note: string) {
  await setExchangeFields(trx, sent.id, { transmission: 'prepared' });
  const attachments = (await caseDocuments(trx, sent.id)).map(attachmentOf);
  const e = submitEnvelope(sent, note, attachments, new Date());
  await repo.recordMessage(trx, 'sent', sent.id, e);
  const accepted = (await issueEvidence(trx, e, 'submission_acceptance', platformIssuer(sent.owner_state)))!;
  await noteEvidence(trx, sent.id, accepted, 'sent');
  const digest = envelopeDigest(e);
  await audit(trx, { actor: auditActor(actor), action: 'cases.case.sent', targetType: CASE_TARGET, targetId: sent.id, details: { channel: 'platform', messageId: e.messageId, digest, documents: attachments.length } });
  const d = await deliver(trx, actor, sent, e);
  return d.delivered
    ? { delivered: true, message: `Delivered to the central authority of ${sent.counterpart_state} as ${d.incoming.reference}.`, messageId: e.messageId, digest }
    : { delivered: false, message: d.reason, messageId: e.messageId, digest };
}

const evidenceOut = (r: repo.EvidenceRow) => {
  const ev = r.evidence as Evidence;
  return { evidenceId: r.evidence_id, type: r.type, messageId: r.message_id, messageDigest: r.message_digest, at: r.at.toISOString(), issuer: ev.issuer, reason: r.reason, digest: r.digest };
};

/** GET /cases/{id}/messages: the envelopes recorded on the case and their evidences; same access as the case, audited. */
export async function caseMessages(db: Db, actor: Actor, caseId: string): Promise<MessagesDto> {
  const row = await assertCaseAccess(db, actor, caseId, 'view');
  const messages = await repo.messagesOf(db, caseId);
  const evidences = await repo.evidencesOf(db, messages.map((m) => m.message_id));
  await audit(db, { actor: auditActor(actor), action: 'cases.messages.read', targetType: CASE_TARGET, targetId: caseId, details: { messages: messages.length } });
  return {
    transmission: row.transmission,
    items: messages.map((m) => ({
      messageId: m.message_id,
      side: m.side,
      type: m.type,
      conversationId: m.conversation_id,
      inReplyTo: m.in_reply_to,
      senderState: m.sender_state,
      recipientState: m.recipient_state,
      recordedAt: m.recorded_at.toISOString(),
      digest: m.digest,
      envelope: m.envelope as unknown as Record<string, unknown>,
      evidences: evidences.filter((x) => x.message_id === m.message_id).map(evidenceOut),
    })),
  };
}
