-- Stored documents (platform/documents): content-addressed files. A file is stored once per SHA-256 whatever
-- uses it (stored_documents); its bytes live where `location` says: in stored_document_contents (the default,
-- so that a backup carries them) or in the data directory (<dataDir>/documents/ab/cdef…). Each use of a file is
-- a row of document_refs naming the owning module, the entity, the role and who added it: one generic table,
-- so that the platform can tell a referenced document from an unreferenced one (and refuse to delete the
-- first: the foreign key) without knowing any module's tables.

CREATE TABLE stored_documents (
  sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size       bigint NOT NULL CHECK (size >= 0),
  media_type text NOT NULL CHECK (media_type ~ '^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$'),
  location   text NOT NULL CHECK (location IN ('database', 'files')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stored_document_contents (
  sha256 text PRIMARY KEY REFERENCES stored_documents(sha256) ON DELETE CASCADE,
  bytes  bytea NOT NULL
);

CREATE TABLE document_refs (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256         text NOT NULL REFERENCES stored_documents(sha256),
  owner_module   text NOT NULL CHECK (owner_module ~ '^[a-z][a-z0-9-]{0,39}$'),
  entity_id      text NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 100),
  role           text NOT NULL CHECK (role ~ '^[a-z][a-z0-9-]{0,39}$'),
  file_name      text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  language       text CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  title          text NOT NULL DEFAULT '' CHECK (length(title) <= 300),
  details        jsonb NOT NULL DEFAULT '{}',
  added_by       uuid NOT NULL,
  added_by_name  text NOT NULL,
  added_by_state text,
  added_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner_module, entity_id, role, sha256)
);
CREATE INDEX document_refs_sha256 ON document_refs (sha256);

-- The first consumer moves in: the finalised request DOCX of drafting (migration 0010) becomes a stored
-- document referenced as the draft's 'final-request'. Digests move as recorded (not recomputed), so bytes
-- changed in place before this migration are still refused on read.
INSERT INTO stored_documents (sha256, size, media_type, location, created_at)
  SELECT DISTINCT ON (sha256) sha256, size, media_type, 'database', stored_at FROM drafting_final_documents ORDER BY sha256, stored_at;
INSERT INTO stored_document_contents (sha256, bytes)
  SELECT DISTINCT ON (sha256) sha256, bytes FROM drafting_final_documents ORDER BY sha256, stored_at;
INSERT INTO document_refs (sha256, owner_module, entity_id, role, file_name, language, details, added_by, added_by_name, added_by_state, added_at)
  SELECT f.sha256, 'drafting', f.draft_id::text, 'final-request', f.file_name, f.language,
         jsonb_build_object('draftVersion', f.draft_version), f.stored_by, f.stored_by_name, d.owner_state, f.stored_at
  FROM drafting_final_documents f JOIN drafting_drafts d ON d.id = f.draft_id;
DROP TABLE drafting_final_documents;
