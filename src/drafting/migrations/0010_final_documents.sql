-- The request as finalised: the DOCX bytes exactly as generated in the finalising transaction, with their
-- SHA-256, so that what was sent can be shown later whatever changes since (directory, labels, code).
-- One per draft (a finalised draft no longer changes; a new request is a duplicate). Issue #10 moves this
-- onto a platform document store; until then drafting/final-document.store.ts is the only reader and writer.

CREATE TABLE drafting_final_documents (
  draft_id       uuid PRIMARY KEY REFERENCES drafting_drafts(id) ON DELETE CASCADE,
  draft_version  integer NOT NULL CHECK (draft_version > 0),
  file_name      text NOT NULL,
  media_type     text NOT NULL,
  language       text NOT NULL CHECK (language IN ('ar','zh','en','fr','ru','es')),
  bytes          bytea NOT NULL,
  size           integer NOT NULL CHECK (size > 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  stored_by      uuid NOT NULL,
  stored_by_name text NOT NULL,
  stored_at      timestamptz NOT NULL DEFAULT now()
);
