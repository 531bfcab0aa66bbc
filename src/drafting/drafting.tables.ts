import type { Generated } from 'kysely';
import type { RequestKind } from '../reference/measures.ts';

/** The draft's state in its workflow (draft.workflow.ts). */
export type DraftStatus = 'draft' | 'shared' | 'finalised';
export type CommentAudience = 'internal' | 'consultation';

export interface DraftingReferenceCountersTable {
  state_iso3: string;
  year: number;
  last: number;
}

export interface DraftingDraftsTable {
  id: Generated<string>;
  reference: string;
  owner_state: string;
  requested_state: string | null;
  kind: RequestKind;
  title: string;
  status: Generated<DraftStatus>;
  content: Record<string, unknown>;
  version: Generated<number>;
  duplicated_from: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Generated<Date>;
  updated_by: string;
  updated_by_name: string;
  updated_at: Generated<Date>;
  finalised_at: Date | null;
  finalised_by: string | null;
  finalised_by_name: string | null;
}

export interface DraftingDraftVersionsTable {
  draft_id: string;
  version: number;
  title: string;
  content: Record<string, unknown>;
  changed_by: string;
  changed_by_name: string;
  changed_at: Generated<Date>;
}

export interface DraftingSharesTable {
  id: Generated<string>;
  draft_id: string;
  state_iso3: string;
  note: string;
  shared_by: string;
  shared_by_name: string;
  shared_at: Generated<Date>;
  ended_at: Date | null;
  ended_by: string | null;
  ended_by_name: string | null;
}

export interface DraftingCommentsTable {
  id: Generated<string>;
  draft_id: string;
  author_id: string;
  author_name: string;
  author_state: string | null;
  audience: CommentAudience;
  body: string;
  path: string | null;
  version: number;
  created_at: Generated<Date>;
}

declare module '../platform/db/database.ts' {
  interface Database {
    drafting_reference_counters: DraftingReferenceCountersTable;
    drafting_drafts: DraftingDraftsTable;
    drafting_draft_versions: DraftingDraftVersionsTable;
    drafting_shares: DraftingSharesTable;
    drafting_comments: DraftingCommentsTable;
  }
}
