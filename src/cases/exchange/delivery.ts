import type { Transaction } from 'kysely';
import { listUsers } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import { createCase, loadCaseRow, setExchangeFields, type CaseRow } from '../cases.service.ts';
import { CASE_TARGET } from '../cases.audit.ts';
import type { NewCase } from '../cases.schemas.ts';
import { copyCaseDocuments } from '../documents.service.ts';
import { documentStore } from '../../platform/documents/documents.ts';
import { envelopeDigest, type EnvelopeOf } from './envelope.ts';
import { TRANSMISSION_AFTER } from './evidence.ts';
import { deliveredNotice, tellOfficers } from './exchange.notices.ts';
import * as repo from './exchange.repository.ts';
import { issueEvidence, noteEvidence, platformIssuer } from './messages.ts';

/**
 * Within one instance, sending delivers: the requested State's side of the platform receives the case.submit
 * envelope and opens the incoming case from it — from the envelope, not from the outgoing row, so that a
 * transport between instances later delivers the same way. All in the send's transaction.
 */

type Trx = Transaction<Database>;

export type Delivery =
  | { delivered: true; incoming: CaseRow }
  | { delivered: false; reason: string };

/** The incoming case's fields, as the envelope carries them. */
function incomingCase(e: EnvelopeOf<'case.submit'>, requesting: readonly { role: string; name: string; entryId?: string | null }[]): NewCase {
  const p = e.payload;
  const central = requesting.find((a) => a.role === 'central');
  return {
    direction: 'incoming',
    kind: p.kind as NewCase['kind'],
    counterpartState: e.sender.state,
    counterpartReference: e.references.sender,
    title: p.title,
    summary: p.summary,
    channel: 'platform',
    legalBasis: { type: p.legalBasis as NewCase['legalBasis']['type'], article: p.legalBasisArticle, treaty: p.legalBasisTreaty },
    offences: p.offences,
    crimeTypes: p.crimeTypes as NewCase['crimeTypes'],
    measures: p.measures,
    // the requesting side's central authority, as its case names it; the requested side adds its own authorities
    authorities: central ? [{ role: 'requesting', name: central.name, entryId: central.entryId ?? null }] : [],
    persons: p.persons as NewCase['persons'],
    deadline: p.deadline,
    deadlineReason: p.deadlineReason,
    confidentiality: p.confidentiality as NewCase['confidentiality'],
  };
}

/** Is the requested State's central authority on this instance: an active officer account of that State? */
export async function centralAuthorityHere(trx: Trx, state: string): Promise<boolean> {
  return (await listUsers(trx, { state, role: 'officer' })).length > 0;
}

export async function deliver(trx: Trx, actor: Actor, outgoing: CaseRow, e: EnvelopeOf<'case.submit'>): Promise<Delivery> {
  const to = outgoing.counterpart_state;
  if (!(await centralAuthorityHere(trx, to))) {
    const reason = `Not delivered: the central authority of ${to} does not use this platform (no active officer account of ${to}). Send the request by another channel and record what the requested State reports.`;
    const ev = await issueEvidence(trx, e, 'non_delivery', platformIssuer(outgoing.owner_state), reason);
    await noteEvidence(trx, outgoing.id, ev!, TRANSMISSION_AFTER.non_delivery);
    return { delivered: false, reason };
  }
  const created = await createCase(trx, actor, incomingCase(e, outgoing.authorities), {
    side: 'system', ownerState: to, initialState: 'received', counterpartCaseId: outgoing.id, conversationId: e.conversationId, transmission: 'delivered',
  });
  await repo.recordMessage(trx, 'received', created.id, e);
  // the files the envelope names (every document of the case, as sent): same bytes, same SHA-256, lineage kept
  await copyCaseDocuments(trx, documentStore(), outgoing.id, created.id, actor);
  await setExchangeFields(trx, outgoing.id, { counterpartCaseId: created.id, counterpartReference: created.reference, counterpartStatus: created.status });
  const ev = (await issueEvidence(trx, e, 'delivery', platformIssuer(to)))!;
  await noteEvidence(trx, created.id, ev, 'delivered');
  await noteEvidence(trx, outgoing.id, ev, 'delivered');
  await audit(trx, { actor: auditActor(actor), action: 'cases.case.delivered', targetType: CASE_TARGET, targetId: created.id, details: { from: outgoing.id, messageId: e.messageId, digest: envelopeDigest(e), documents: e.attachments.length } });
  const incoming = (await loadCaseRow(trx, created.id))!;
  await tellOfficers(trx, deliveredNotice, incoming);
  return { delivered: true, incoming };
}
