import type { Generated } from 'kysely';

export const RECORD_TYPES = ['legislation', 'case', 'cooperation-case', 'cop-document', 'recommendation', 'guide', 'bibliography', 'database-link'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export type Access = 'public' | 'practitioners' | 'state';

export interface KnowledgeRecordsTable {
  id: Generated<string>;
  type: RecordType;
  work_id: string;
  title: string;
  lang: string;
  symbol: string | null;
  states: string[];
  date: string | null;
  dates: Record<string, string>;
  source_url: string | null;
  source_file: string | null;
  import_key: string | null;
  content_hash: string | null;
  body: Record<string, unknown>;
  full_text: string;
  details: Record<string, unknown>;
  crimes: string[];
  topics: string[];
  access: Access;
  access_state: string | null;
  /** The State that created (owns) the record; null: the secretariat's (migration 0008). */
  owner_state: Generated<string | null>;
  parent_id: string | null;
  parent_ref: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_by: string;
  updated_at: Generated<Date>;
  retired_at: Date | null;
  retired_reason: string | null;
}

export interface KnowledgeRecordVersionsTable {
  record_id: string;
  version: number;
  snapshot: Record<string, unknown>;
  changed_by: string;
  changed_at: Generated<Date>;
  note: string | null;
  /** The access in force while this version was the current one (migration 0008). */
  access: Access;
  access_state: string | null;
}

export interface KnowledgeTranslationsTable {
  record_id: string;
  field: string;
  lang: string;
  value: string;
  kind: 'official' | 'unofficial' | 'machine';
  by_whom: string;
  at: Generated<Date>;
}

export interface KnowledgeLinksTable {
  id: Generated<number>;
  record_id: string;
  predicate: string;
  target_kind: 'provision' | 'record' | 'symbol' | 'resolution' | 'decision' | 'state';
  instrument: string | null;
  article: number | null;
  paragraph: number | null;
  subparagraph: string | null;
  target: string | null;
  at_ref: string | null;
  span_text: string | null;
  span_start: number | null;
  span_end: number | null;
  origin: 'extracted' | 'asserted';
  created_by: string;
  created_at: Generated<Date>;
  verified: Generated<boolean>;
  verified_by: string | null;
  verified_at: Date | null;
  rejected: Generated<boolean>;
}

export interface LegislationProvisionsTable {
  record_id: string;
  eid: string;
  heading: string | null;
  text: string;
  valid_from: string;
  valid_to: string | null;
  change: string | null;
}

export interface KnowledgeSearchTable {
  record_id: string;
  tsv: unknown;
  config: string;
  type: string;
  lang: string;
  title: string;
  date: string | null;
  sort_date: string;
  year: number | null;
  states: string[];
  groups: string[];
  instruments: string[];
  articles: string[];
  clusters: string[];
  crimes: string[];
  access: Access;
  access_state: string | null;
  seq: Generated<number>;
  /** The transaction that last wrote the entry (xid8, set by a trigger): "new since" for alerts. */
  written_xid: Generated<string>;
}

export interface KnowledgeImportsTable {
  id: Generated<string>;
  started_by: string;
  started_at: Generated<Date>;
  summary: Record<string, unknown>;
}

export interface SavedSearchesTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  query: Record<string, unknown>;
  /** The snapshot of the last alert check (pg_snapshot as text): entries it could not see are new. */
  checked_snapshot: string;
  email: Generated<boolean>;
  created_at: Generated<Date>;
}

declare module '../platform/db/database.ts' {
  interface Database {
    knowledge_records: KnowledgeRecordsTable;
    knowledge_record_versions: KnowledgeRecordVersionsTable;
    knowledge_translations: KnowledgeTranslationsTable;
    knowledge_links: KnowledgeLinksTable;
    legislation_provisions: LegislationProvisionsTable;
    knowledge_search: KnowledgeSearchTable;
    knowledge_imports: KnowledgeImportsTable;
    saved_searches: SavedSearchesTable;
  }
}
