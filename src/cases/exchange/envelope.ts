import { createHash } from 'node:crypto';
import { z } from 'zod';
import { text } from '../../platform/platform.schemas.ts';

/**
 * The message that carries a case, an event or a document from one central authority to another
 * (docs/EXCHANGE.md). Within one instance the platform builds, records and "delivers" these same envelopes
 * itself; the exchange between instances (the next issue) only adds a transport and an Ed25519 signature over
 * `envelopeDigest`, carried beside the envelope, so nothing here changes.
 *
 * The digest is the SHA-256 of the canonical JSON (object keys sorted at every level, no whitespace, undefined
 * left out): both sides compute the same 64 hex digits from the same envelope, whatever order its keys came in.
 */

export const ENVELOPE_VERSION = 'palermo-exchange/1';

/** What a message carries (docs/EXCHANGE.md "Message types"). */
export const MESSAGE_TYPES = [
  'case.submit', // a request, with its documents: the requested side opens an incoming case
  'case.event', // a transition or event of one side's case, for the other side's timeline
  'document', // a document added to a case after it was submitted
  'evidence', // an evidence about an earlier message (delivery, retrieval…), sent back to its sender
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

const digestHex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest in lower-case hex');
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code');
const instant = z.iso.datetime({ offset: true });

/** One end of an exchange: the State, its central authority (as the directory names it), and the Palermo instance. */
export const partySchema = z.object({
  state: iso3,
  authority: z.object({ name: text(500), entryId: z.uuid().nullable() }),
  /** The instance's identity: its public URL, or 'local' when none is configured. */
  instance: text(500).min(1),
});
export type Party = z.infer<typeof partySchema>;

/** A file sent with the message: named by its digest and size (the bytes travel apart and are checked against both). */
export const attachmentSchema = z.object({
  sha256: digestHex,
  size: z.number().int().min(0),
  mediaType: text(200),
  fileName: text(255),
  /** The document's role on the case (case.vocabulary.ts DOCUMENT_ROLES). */
  role: text(50),
  language: text(10).nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Each side's reference, as the message quotes them: the sender's own, and the recipient's once known. */
const referencesSchema = z.object({ sender: text(100), recipient: text(100).nullable() });

/** case.submit: what the requested side needs to open its incoming case (never the sender's internal fields: priority override, assignees). */
export const submitPayload = z.object({
  kind: text(50),
  title: text(500),
  summary: text(20_000),
  legalBasis: text(50),
  legalBasisArticle: text(100).nullable(),
  legalBasisTreaty: text(500).nullable(),
  offences: z.array(text(500)).max(100),
  crimeTypes: z.array(text(100)).max(100),
  measures: z.array(text(100)).max(100),
  persons: z.array(z.record(z.string(), z.unknown())).max(500),
  deadline: z.iso.date().nullable(),
  deadlineReason: text(2000).nullable(),
  confidentiality: text(50),
  urgent: z.boolean(),
  channel: text(50),
  note: text(5000),
});

/** case.event: one timeline entry of the sender's case, as the other side should see it. */
export const eventPayload = z.object({
  type: text(50),
  seq: z.number().int().min(1),
  fromState: text(50).nullable(),
  toState: text(50).nullable(),
  note: text(20_000),
  data: z.record(z.string(), z.unknown()),
  /** A progress query's answer due date. */
  dueAt: instant.nullable(),
  /** The seq, on the recipient's case, of the entry this one answers (a progress query's answer). */
  answers: z.number().int().min(1).nullable(),
});

export const documentPayload = z.object({ note: text(5000) });

/** evidence: an evidence about an earlier message, as its issuer made it (evidence.ts). */
export const evidencePayload = z.object({ evidence: z.record(z.string(), z.unknown()) });

const base = {
  version: z.literal(ENVELOPE_VERSION),
  messageId: z.uuid(),
  /** One conversation per request: every message about it, both ways, carries it (cases_cases.conversation_id). */
  conversationId: z.uuid(),
  /** The message this one answers or follows (an event after the submission, an evidence about a message). */
  inReplyTo: z.uuid().nullable(),
  createdAt: instant,
  sender: partySchema,
  recipient: partySchema,
  references: referencesSchema,
  attachments: z.array(attachmentSchema).max(200),
};

export const envelopeSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('case.submit'), payload: submitPayload }),
  z.object({ ...base, type: z.literal('case.event'), payload: eventPayload }),
  z.object({ ...base, type: z.literal('document'), payload: documentPayload }),
  z.object({ ...base, type: z.literal('evidence'), payload: evidencePayload }),
]).refine((e) => e.sender.state !== e.recipient.state, { message: 'sender and recipient are two States', path: ['recipient', 'state'] });
export type Envelope = z.infer<typeof envelopeSchema>;
export type EnvelopeOf<T extends MessageType> = Extract<Envelope, { type: T }>;

/** JSON with object keys sorted at every level (UTF-16 code unit order), undefined members left out, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonical JSON has no NaN or Infinity');
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256OfJson = (value: unknown): string => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');

/** The envelope's digest: what evidences name, what both sides compare, what the next issue signs. */
export const envelopeDigest = (e: Envelope): string => sha256OfJson(e);

/** Reads an envelope (from storage, or from another instance later): valid, or a ZodError naming the field. */
export const parseEnvelope = (raw: unknown): Envelope => envelopeSchema.parse(raw);
