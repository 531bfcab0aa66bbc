import type { Generated } from 'kysely';
import type { Localized } from '../platform/i18n/languages.ts';

export type PartyStatus = 'party' | 'signatory' | 'none' | 'unknown';

export interface InstrumentsTable {
  code: string;
  parent_code: string | null;
  kind: 'convention' | 'protocol';
  adopted_on: string | null;
  in_force_on: string | null;
  names: Localized;
  short_names: Localized;
  reviewed: boolean;
  sort: number;
}

export interface ProvisionsTable {
  instrument_code: string;
  eid: string;
  article: number;
  paragraph: number | null;
  subparagraph: string | null;
  chapter: string | null;
  chapter_titles: Localized;
  titles: Localized;
}

export interface ClustersTable {
  code: string;
  names: Localized;
  sort: number;
}

export interface ClusterArticlesTable {
  cluster_code: string;
  instrument_code: string;
  article: number;
  only_if_not_party_to: string | null;
  note: string | null;
}

export interface RegionalGroupsTable {
  code: string;
  names: Localized;
  sort: number;
}

export interface StatesTable {
  iso3: string;
  iso2: string | null;
  iso_assigned: boolean;
  kind: 'state' | 'regional-organization';
  names: Localized;
  regional_group: string | null;
  legal_system: string | null;
  legal_families: string[];
  notes: string | null;
}

export interface PartyStatusTable {
  iso3: string;
  instrument_code: string;
  status: PartyStatus;
  signed_on: string | null;
  consented_on: string | null;
  source: string | null;
  as_of: string | null;
  updated_at: Generated<Date>;
}

export interface PartyStatusHistoryTable {
  id: Generated<number>;
  iso3: string;
  instrument_code: string;
  old_status: PartyStatus | null;
  new_status: PartyStatus;
  signed_on: string | null;
  consented_on: string | null;
  source: string | null;
  changed_at: Generated<Date>;
  changed_by: string;
}

/** The fingerprint of the seed last loaded (reference.fingerprint.ts). */
export interface ReferenceSeedTable {
  singleton: Generated<boolean>;
  fingerprint: string;
  loaded_at: Generated<Date>;
}

declare module '../platform/db/database.ts' {
  interface Database {
    instruments: InstrumentsTable;
    provisions: ProvisionsTable;
    clusters: ClustersTable;
    cluster_articles: ClusterArticlesTable;
    regional_groups: RegionalGroupsTable;
    states: StatesTable;
    party_status: PartyStatusTable;
    party_status_history: PartyStatusHistoryTable;
    reference_seed: ReferenceSeedTable;
  }
}
