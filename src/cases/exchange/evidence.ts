import { z } from 'zod';
import { text } from '../../platform/platform.schemas.ts';
import type { TransmissionState } from '../case.vocabulary.ts';
import { sha256OfJson } from './envelope.ts';

/**
 * Evidences of a message's transmission, modelled on e-CODEX and ETSI registered electronic delivery (EN 319 522):
 * each says what happened to one message (named by its id and its envelope's digest), when, and who or what says
 * so. Four steps, each with a positive and a negative outcome; a higher step supersedes a lower one (a retrieval
 * says more than a delivery). docs/EXCHANGE.md draws the sequence.
 */

export const EVIDENCE_TYPES = [
  'submission_acceptance', 'submission_rejection', // the sender's platform (gateway) took the message, or refused it
  'relay_acceptance', 'relay_failure', // the recipient's platform took it over (only between instances)
  'delivery', 'non_delivery', // the recipient's system stored it: the incoming case exists
  'retrieval', 'non_retrieval', // a person of the recipient's central authority opened it
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** Each evidence's step: a higher step supersedes a lower one. */
export const EVIDENCE_LEVEL: Record<EvidenceType, number> = {
  submission_acceptance: 1, submission_rejection: 1,
  relay_acceptance: 2, relay_failure: 2,
  delivery: 3, non_delivery: 3,
  retrieval: 4, non_retrieval: 4,
};

export const isNegative = (t: EvidenceType): boolean => t.startsWith('non_') || t.endsWith('_rejection') || t.endsWith('_failure');

/** What the transmission state becomes when an evidence is the highest one of the message (cases_cases.transmission). */
export const TRANSMISSION_AFTER: Record<EvidenceType, TransmissionState> = {
  submission_acceptance: 'sent',
  submission_rejection: 'rejected',
  relay_acceptance: 'accepted',
  relay_failure: 'failed',
  delivery: 'delivered',
  non_delivery: 'failed',
  retrieval: 'retrieved',
  // stored at the recipient but nobody opened it in time: still delivered, and the evidence says who did not
  non_retrieval: 'delivered',
};

/** How long the sender waits for a relay or delivery evidence before its own platform declares the message failed. */
export const DELIVERY_TIMEOUT_HOURS = 24;

/** Who or what issues the evidence: a platform (gateway) acting on its own, or a person (retrieval). */
export const issuerSchema = z.object({
  kind: z.enum(['platform', 'person']),
  /** The instance that issued it (envelope.ts Party.instance). */
  instance: text(500).min(1),
  state: z.string().regex(/^[A-Z]{3}$/).nullable(),
  user: z.object({ id: z.uuid(), name: text(200) }).nullable(),
});
export type Issuer = z.infer<typeof issuerSchema>;

export const evidenceSchema = z.object({
  evidenceId: z.uuid(),
  type: z.enum(EVIDENCE_TYPES),
  messageId: z.uuid(),
  /** The SHA-256 of the envelope it is about: the evidence proves what was sent, not only that something was. */
  messageDigest: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime({ offset: true }),
  issuer: issuerSchema,
  /** Why, for a negative evidence ("no officer of CHN uses this instance"). */
  reason: text(2000).nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** The evidence's own digest (canonical JSON, as for envelopes): what the next issue signs. */
export const evidenceDigest = (e: Evidence): string => sha256OfJson(e);

export const parseEvidence = (raw: unknown): Evidence => evidenceSchema.parse(raw);

/**
 * The transmission state a message's evidences lead to: the highest step wins; at the same step the later
 * evidence wins. No evidence yet: 'prepared' (the envelope is built, not yet taken by the platform).
 */
export function transmissionOf(evidences: readonly Pick<Evidence, 'type' | 'at'>[]): TransmissionState {
  let best: Pick<Evidence, 'type' | 'at'> | null = null;
  for (const e of evidences) {
    if (!best || EVIDENCE_LEVEL[e.type] > EVIDENCE_LEVEL[best.type] || (EVIDENCE_LEVEL[e.type] === EVIDENCE_LEVEL[best.type] && e.at >= best.at)) best = e;
  }
  return best ? TRANSMISSION_AFTER[best.type] : 'prepared';
}

/**
 * Is a sent message overdue for a relay or delivery evidence (the sender's platform then issues a
 * `relay_failure` itself)? Only while the highest evidence is the submission acceptance.
 */
export function deliveryOverdue(sentAt: Date, evidences: readonly Pick<Evidence, 'type' | 'at'>[], now: Date): boolean {
  const top = Math.max(0, ...evidences.map((e) => EVIDENCE_LEVEL[e.type]));
  return top === 1 && transmissionOf(evidences) === 'sent' && now.getTime() - sentAt.getTime() >= DELIVERY_TIMEOUT_HOURS * 3_600_000;
}
