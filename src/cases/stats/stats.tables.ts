import type { Generated } from 'kysely';

/** The statistics' tables (../migrations/0018_case_statistics.sql says what each column is for). */

export interface CasesStatFactsTable {
  case_id: string;
  owner_state: string;
  direction: string;
  kind: string;
  counterpart_state: string;
  counterpart_group: string | null;
  legal_basis: string;
  convention_article: string | null;
  measures: string[];
  crime_types: string[];
  channel: string;
  outside_system: boolean;
  status: string;
  outcome: string | null;
  refusal_ground: string | null;
  received_on: string | null;
  sent_on: string | null;
  closed_on: string | null;
  start_on: string | null;
  total_seconds: number | null;
  registration_seconds: number | null;
  review_seconds: number | null;
  transfer_seconds: number | null;
  execution_seconds: number | null;
  preparation_seconds: number | null;
  refreshed_at: Generated<Date>;
}

/** One row per case and form of assistance or crime type (migration 0031), derived from the facts by a view. */
export interface CasesStatItemsTable extends Omit<CasesStatFactsTable, 'convention_article' | 'status' | 'received_on' | 'sent_on' | 'refreshed_at'> {
  dimension: 'measure' | 'crime-type';
  /** null: the case has none of this dimension (it counts once, under "none") */
  value: string | null;
}

export interface CasesStatSubmissionsTable {
  id: Generated<string>;
  state_iso3: string;
  regional_group: string | null;
  submitted_by: string | null;
  submitted_by_name: string;
  submitted_at: Generated<Date>;
  period_from: string;
  period_to: string;
  grouping: string[];
  filters: Record<string, unknown>;
  cells: unknown[];
  threshold: number;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    cases_stat_facts: CasesStatFactsTable;
    cases_stat_items: CasesStatItemsTable;
    cases_stat_submissions: CasesStatSubmissionsTable;
  }
}
