import type { Generated } from 'kysely';
import type { CaseChannel, CaseKind, CaseState, Confidentiality, Direction, LegalBasis, PriorityLevel, TransmissionState } from './case.vocabulary.ts';

/** The case tracker's tables (migrations/0017_cases.sql; the SQL comments say what each column is for). */

export interface CasesReferenceCountersTable {
  state_iso3: string;
  year: number;
  last: number;
}

export interface CaseAuthority {
  role: 'central' | 'requesting' | 'competent' | 'executing';
  name: string;
  /** The directory entry's id, when chosen from the directory. */
  entryId?: string | null;
}

export interface CasePerson {
  name: string;
  /** suspect, accused, sentenced person, witness, victim, owner of assets… */
  role: string;
  nationality?: string | null;
  inCustody?: boolean;
  dateOfBirth?: string | null;
}

/** What the priority is computed from (priority.ts). */
export interface PriorityInputs {
  /** Someone is held in custody for this request (extradition, provisional arrest…). */
  personInCustody?: boolean;
  /** Evidence may be lost: e.g. traffic data kept by providers only for a retention period. */
  evidenceAtRisk?: boolean;
  /** The date by which that evidence would be lost (data-retention end), if known. */
  evidenceLossDate?: string | null;
  /** The offence's maximum penalty, in years of imprisonment (art. 2(b): serious crime ≥ 4). */
  maxPenaltyYears?: number | null;
  organisedCriminalGroup?: boolean;
  /** Victims identified (trafficking in persons, smuggling of migrants…), or a number of them. */
  victims?: number | null;
}

export interface PriorityOverride {
  level: PriorityLevel;
  reason: string;
  by: { id: string; name: string };
  at: string;
}

export interface CasesCasesTable {
  id: Generated<string>;
  owner_state: string;
  direction: Direction;
  kind: CaseKind;
  counterpart_state: string;
  reference: string;
  counterpart_reference: string | null;
  title: string;
  summary: Generated<string>;
  status: CaseState;
  transmission: Generated<TransmissionState>;
  counterpart_status: string | null;
  channel: Generated<CaseChannel>;
  legal_basis: LegalBasis;
  legal_basis_article: string | null;
  legal_basis_treaty: string | null;
  offences: Generated<string[]>;
  crime_types: Generated<string[]>;
  measures: Generated<string[]>;
  authorities: Generated<CaseAuthority[]>;
  persons: Generated<CasePerson[]>;
  priority_inputs: Generated<PriorityInputs>;
  priority_score: Generated<number>;
  priority_level: Generated<PriorityLevel>;
  priority_override: PriorityOverride | null;
  deadline: string | null;
  deadline_reason: string | null;
  confidentiality: Generated<Confidentiality>;
  assignees: Generated<string[]>;
  draft_id: string | null;
  counterpart_case_id: string | null;
  conversation_id: Generated<string>;
  received_at: Date | null;
  sent_at: Date | null;
  closed_at: Date | null;
  paused_since: Date | null;
  /** bigint: returned by node-postgres as a string. */
  paused_seconds: Generated<string>;
  outcome: string | null;
  refusal_ground: string | null;
  next_due_at: Date | null;
  version: Generated<number>;
  created_by: string | null;
  created_by_name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CasesEventsTable {
  /** bigint identity: a string in node-postgres. */
  id: Generated<string>;
  case_id: string;
  seq: number;
  type: string;
  from_state: CaseState | null;
  to_state: CaseState | null;
  actor_id: string | null;
  actor_name: string;
  actor_state: string | null;
  occurred_at: Generated<Date>;
  note: Generated<string>;
  data: Generated<Record<string, unknown>>;
  due_at: Date | null;
  answers_seq: number | null;
}

declare module '../platform/db/database.ts' {
  interface Database {
    cases_reference_counters: CasesReferenceCountersTable;
    cases_cases: CasesCasesTable;
    cases_events: CasesEventsTable;
  }
}
