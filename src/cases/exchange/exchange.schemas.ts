import { z } from 'zod';
import { int4, text } from '../../platform/platform.schemas.ts';
import { CASE_CHANNELS, TRANSMISSION_STATES } from '../case.vocabulary.ts';
import { caseDto } from '../cases.schemas.ts';
import { MESSAGE_TYPES } from './envelope.ts';
import { EVIDENCE_TYPES } from './evidence.ts';

/** The exchange's API shapes: POST /cases/{id}/send and GET /cases/{id}/messages (docs/EXCHANGE.md). */

export const sendBody = z.object({
  channel: z.enum(CASE_CHANNELS).default('platform')
    .describe('platform: delivered through Palermo to the requested State’s central authority; any other channel: sent outside the platform (only the transition is recorded)'),
  note: text(10_000).optional().describe('a covering note, carried in the envelope'),
  expectedVersion: int4(1).optional().describe('the version you last saw: 409 if the case changed since'),
}).strict().meta({ id: 'CaseSend' });
export type SendBody = z.infer<typeof sendBody>;

export const sendResultDto = z.object({
  case: caseDto,
  delivered: z.boolean().describe('true: the requested State’s incoming case exists on this instance'),
  message: z.string().describe('what happened, in a sentence (why it was not delivered, when it was not)'),
  messageId: z.string().nullable().describe('the case.submit envelope (null for a request sent outside the platform)'),
  digest: z.string().nullable().describe('the SHA-256 of the envelope’s canonical JSON'),
}).meta({ id: 'CaseSendResult' });

const issuerDto = z.object({
  kind: z.enum(['platform', 'person']),
  instance: z.string(),
  state: z.string().nullable(),
  user: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const evidenceDto = z.object({
  evidenceId: z.string(),
  type: z.enum(EVIDENCE_TYPES),
  messageId: z.string(),
  messageDigest: z.string(),
  at: z.string(),
  issuer: issuerDto,
  reason: z.string().nullable(),
  digest: z.string().describe('the SHA-256 of the evidence’s canonical JSON'),
}).meta({ id: 'CaseEvidence' });

export const messageDto = z.object({
  messageId: z.string(),
  side: z.enum(['sent', 'received']).describe('sent by this case’s side, or received by it'),
  type: z.enum(MESSAGE_TYPES),
  conversationId: z.string(),
  inReplyTo: z.string().nullable(),
  senderState: z.string(),
  recipientState: z.string(),
  recordedAt: z.string(),
  digest: z.string(),
  envelope: z.record(z.string(), z.unknown()).describe('the envelope as built (docs/EXCHANGE.md)'),
  evidences: z.array(evidenceDto),
}).meta({ id: 'CaseMessage' });

export const messagesDto = z.object({
  transmission: z.enum(TRANSMISSION_STATES),
  items: z.array(messageDto),
}).meta({ id: 'CaseMessages' });
export type MessagesDto = z.infer<typeof messagesDto>;
