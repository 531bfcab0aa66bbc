import type { Generated } from 'kysely';
import type { Localized } from '../platform/i18n/languages.ts';

export interface Provenance {
  type: 'depositary-notification' | 'note-verbale' | 'focal-point-update' | 'secretariat' | 'import' | 'demo';
  reference?: string | null;
  date?: string | null;
}

export interface ContactPerson {
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  languages?: string[];
}

export interface GuideLink {
  title: string;
  recordId?: string | null;
  url?: string | null;
}

interface Versioned {
  provenance: Provenance;
  last_verified: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string;
  retired_at: Date | null;
}

export interface DirectoryAuthoritiesTable extends Versioned {
  id: Generated<string>;
  iso3: string | null;
  category: string;
  subtype: string;
  name: string;
  name_lang: string | null;
  names: Localized;
  functions: string[];
  instruments: string[];
  member_states: string[];
  postal_address: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  office_hours: string | null;
  time_zone: string | null;
  contact_persons: ContactPerson[];
  languages: string[] | null;
  channels: string[] | null;
  encryption_required: boolean | null;
  e_signature_required: boolean | null;
  direct_transmission: boolean | null;
  interpol_for_urgent: boolean | null;
  interpol_scope: string | null;
  available_24x7: boolean | null;
  requirements: string[];
  can_do: string | null;
  cannot_do: string | null;
  guide_links: GuideLink[];
}

export interface DirectoryMeasuresTable extends Versioned {
  id: Generated<string>;
  iso3: string;
  measure: string;
  available: 'yes' | 'no' | 'partly' | null;
  legal_framework: string | null;
  receiving_authority: string | null;
  receiving_authority_id: string | null;
  languages: string[] | null;
  usual_execution_days: number | null;
  special_requirements: string | null;
  alternatives: string | null;
  dual_criminality: 'required' | 'not-required' | 'coercive-only' | null;
}

export interface DirectoryNotificationsTable extends Versioned {
  id: Generated<string>;
  iso3: string;
  type: string;
  instrument: string;
  provision: string | null;
  made_on: string | null;
  text: string;
  extradition_basis: 'yes' | 'no' | null;
  languages: string[] | null;
  authority_id: string | null;
  withdrawn_on: string | null;
}

export interface DirectoryExpertsTable extends Versioned {
  id: Generated<string>;
  iso3: string | null;
  user_id: string | null;
  name: string;
  title: string | null;
  organisation: string | null;
  expertise: string[];
  languages: string[] | null;
  email: string | null;
  phone: string | null;
}

export interface DirectoryHistoryTable {
  id: Generated<number>;
  entry_type: 'authority' | 'measure' | 'notification' | 'expert';
  entry_id: string;
  iso3: string | null;
  version: number;
  action: 'create' | 'update' | 'retire' | 'confirm';
  changed_at: Generated<Date>;
  changed_by: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  snapshot: Record<string, unknown>;
}

declare module '../platform/db/database.ts' {
  interface Database {
    directory_authorities: DirectoryAuthoritiesTable;
    directory_measures: DirectoryMeasuresTable;
    directory_notifications: DirectoryNotificationsTable;
    directory_experts: DirectoryExpertsTable;
    directory_history: DirectoryHistoryTable;
  }
}
