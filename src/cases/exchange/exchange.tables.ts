import type { Generated } from 'kysely';
import type { Envelope, MessageType } from './envelope.ts';
import type { Evidence, EvidenceType } from './evidence.ts';

/** The exchange's tables (migrations/0019_case_exchange.sql says what each column is for). Append-only. */

export interface CasesExchangeMessagesTable {
  message_id: string;
  side: 'sent' | 'received';
  case_id: string;
  conversation_id: string;
  in_reply_to: string | null;
  type: MessageType;
  sender_state: string;
  recipient_state: string;
  envelope: Envelope;
  digest: string;
  recorded_at: Generated<Date>;
}

export interface CasesExchangeEvidencesTable {
  evidence_id: string;
  message_id: string;
  type: EvidenceType;
  at: Date;
  issuer_kind: 'platform' | 'person';
  issuer_instance: string;
  issuer_state: string | null;
  issuer_id: string | null;
  issuer_name: string | null;
  reason: string | null;
  message_digest: string;
  digest: string;
  evidence: Evidence;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    cases_exchange_messages: CasesExchangeMessagesTable;
    cases_exchange_evidences: CasesExchangeEvidencesTable;
  }
}
