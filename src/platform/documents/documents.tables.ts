import type { Generated } from 'kysely';

/** Where a stored document's bytes are: the database (stored_document_contents) or the data directory. */
export type DocumentLocation = 'database' | 'files';

export interface StoredDocumentsTable {
  sha256: string;
  size: number;
  media_type: string;
  location: DocumentLocation;
  created_at: Generated<Date>;
}

export interface StoredDocumentContentsTable {
  sha256: string;
  bytes: Buffer;
}

export interface DocumentRefsTable {
  id: Generated<string>;
  sha256: string;
  owner_module: string;
  entity_id: string;
  role: string;
  file_name: string;
  language: string | null;
  title: Generated<string>;
  details: Generated<Record<string, unknown>>;
  added_by: string;
  added_by_name: string;
  added_by_state: string | null;
  added_at: Generated<Date>;
}

declare module '../db/database.ts' {
  interface Database {
    stored_documents: StoredDocumentsTable;
    stored_document_contents: StoredDocumentContentsTable;
    document_refs: DocumentRefsTable;
  }
}
