-- The request writer: drafts of outgoing requests, their versions, consultation shares and comments,
-- and the outgoing cases they became (until the case tracker takes them over).
-- People are kept as id + name as they were at the time (the accounts table belongs to the platform).

CREATE TABLE drafting_reference_counters (
  state_iso3 text    NOT NULL,
  year       integer NOT NULL,
  last       integer NOT NULL,
  PRIMARY KEY (state_iso3, year)
);

CREATE TABLE drafting_drafts (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference         text NOT NULL UNIQUE,
  owner_state       text NOT NULL CHECK (owner_state ~ '^[A-Z]{3}$'),
  requested_state   text CHECK (requested_state ~ '^[A-Z]{3}$'),
  kind              text NOT NULL CHECK (kind IN ('mla','extradition','confiscation')),
  title             text NOT NULL DEFAULT '',
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','finalised')),
  content           jsonb NOT NULL,
  version           integer NOT NULL DEFAULT 1 CHECK (version > 0),
  -- no foreign key: a restore inserts rows in primary-key order, and a copy may sort before its original
  duplicated_from   uuid,
  created_by        uuid NOT NULL,
  created_by_name   text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        uuid NOT NULL,
  updated_by_name   text NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  finalised_at      timestamptz,
  finalised_by      uuid,
  finalised_by_name text,
  CHECK ((status = 'finalised') = (finalised_at IS NOT NULL))
);
CREATE INDEX drafting_drafts_owner_idx ON drafting_drafts (owner_state, updated_at DESC);
CREATE INDEX drafting_drafts_creator_idx ON drafting_drafts (created_by, updated_at DESC);

CREATE TABLE drafting_draft_versions (
  draft_id        uuid NOT NULL REFERENCES drafting_drafts(id) ON DELETE CASCADE,
  version         integer NOT NULL,
  title           text NOT NULL,
  content         jsonb NOT NULL,
  changed_by      uuid NOT NULL,
  changed_by_name text NOT NULL,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (draft_id, version)
);

CREATE TABLE drafting_shares (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  draft_id        uuid NOT NULL REFERENCES drafting_drafts(id) ON DELETE CASCADE,
  state_iso3      text NOT NULL CHECK (state_iso3 ~ '^[A-Z]{3}$'),
  note            text NOT NULL DEFAULT '',
  shared_by       uuid NOT NULL,
  shared_by_name  text NOT NULL,
  shared_at       timestamptz NOT NULL DEFAULT now(),
  ended_at        timestamptz,
  ended_by        uuid,
  ended_by_name   text
);
-- one active share per draft and State
CREATE UNIQUE INDEX drafting_shares_active_idx ON drafting_shares (draft_id, state_iso3) WHERE ended_at IS NULL;
CREATE INDEX drafting_shares_state_idx ON drafting_shares (state_iso3) WHERE ended_at IS NULL;

CREATE TABLE drafting_comments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  draft_id     uuid NOT NULL REFERENCES drafting_drafts(id) ON DELETE CASCADE,
  author_id    uuid NOT NULL,
  author_name  text NOT NULL,
  author_state text,
  audience     text NOT NULL CHECK (audience IN ('internal','consultation')),
  body         text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  path         text,
  version      integer NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drafting_comments_draft_idx ON drafting_comments (draft_id, created_at);

-- A finalised draft handed to the case tracker: a pending outgoing case (see case-handoff.ts).
CREATE TABLE drafting_pending_cases (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  draft_id         uuid NOT NULL UNIQUE REFERENCES drafting_drafts(id),
  reference        text NOT NULL,
  requesting_state text NOT NULL,
  requested_state  text NOT NULL,
  kind             text NOT NULL,
  legal_basis      text NOT NULL,
  measures         text[] NOT NULL,
  urgent           boolean NOT NULL,
  deadline         date,
  draft_version    integer NOT NULL,
  snapshot         jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','taken-over')),
  created_by       uuid NOT NULL,
  created_by_name  text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
