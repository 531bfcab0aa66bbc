import type { Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import { ANONYMOUS, type Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';
import { loadCaseRow } from '../cases.service.ts';
import { CASE_TARGET } from '../cases.audit.ts';
import type { Envelope } from './envelope.ts';
import * as repo from './exchange.repository.ts';
import { issueEvidence, noteEvidence, personIssuer } from './messages.ts';

/**
 * The retrieval evidence: the first time an officer or an assigned practitioner of the requested State opens a
 * delivered incoming case (cases.service.ts getCase calls this after checking they may), the request is
 * "retrieved" — on both sides, time-stamped. It is what ends disputes about lost requests (docs/EXCHANGE.md).
 * Recorded once: the evidence is unique per message and type, so a second open (or two at once) adds nothing.
 */
export async function recordRetrieval(trx: Transaction<Database>, caseId: string, actor: Actor): Promise<void> {
  if (actor.kind !== 'user') return;
  const row = await loadCaseRow(trx, caseId);
  if (!row || row.direction !== 'incoming' || row.transmission !== 'delivered') return;
  const submission = await repo.submissionOf(trx, caseId);
  if (!submission) return;
  const ev = await issueEvidence(trx, submission.envelope as Envelope, 'retrieval', personIssuer(actor));
  if (!ev) return;
  await noteEvidence(trx, caseId, ev, 'retrieved', actor);
  // the requesting side learns that (and when) its request was opened, by the central authority, not by whom
  if (row.counterpart_case_id) await noteEvidence(trx, row.counterpart_case_id, ev, 'retrieved', ANONYMOUS, `Opened by the central authority of ${row.owner_state}`);
  await audit(trx, { actor: auditActor(actor), action: 'cases.case.retrieved', targetType: CASE_TARGET, targetId: caseId, details: { messageId: ev.messageId, evidenceId: ev.evidenceId } });
}
