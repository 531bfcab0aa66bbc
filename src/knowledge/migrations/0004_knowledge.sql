-- The knowledge portal: records of every type, their versions, per-field translations, typed links to
-- the Convention's provisions, legislation held per provision with point-in-time versions, and the
-- search index (one row per record; filled by the search provider, never read by other modules).

CREATE EXTENSION IF NOT EXISTS unaccent;

-- French and Spanish users often type without accents: "enquete penale" must find "enquêtes pénales".
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION french_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION spanish_unaccent (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION spanish_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;

CREATE TABLE knowledge_records (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type          text NOT NULL CHECK (type IN ('legislation', 'case', 'cooperation-case', 'cop-document', 'recommendation',
                                               'guide', 'bibliography', 'database-link')),
  work_id       uuid NOT NULL,                -- the same work in other languages shares it
  title         text NOT NULL,
  lang          text NOT NULL CHECK (lang ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),   -- BCP 47
  symbol        text,                         -- UN document symbol, when it has one
  states        text[] NOT NULL DEFAULT '{}', -- ISO 3166-1 alpha-3, and bodies such as EUU
  date          date,                         -- the record's main date (adopted, decided, published)
  dates         jsonb NOT NULL DEFAULT '{}',  -- {"adopted": …, "decided": …, "published": …, "in_force": …}
  source_url    text,
  source_file   text,
  import_key    text UNIQUE,                  -- what makes re-importing the same source a no-op
  content_hash  text,
  body          jsonb NOT NULL DEFAULT '{}',  -- structure: chapters, paragraphs, sub-paragraphs, footnotes, annexes
  full_text     text NOT NULL DEFAULT '',
  details       jsonb NOT NULL DEFAULT '{}',  -- type-specific fields, validated by the type's schema
  crimes        text[] NOT NULL DEFAULT '{}',
  topics        text[] NOT NULL DEFAULT '{}',
  access        text NOT NULL DEFAULT 'public' CHECK (access IN ('public', 'practitioners', 'state')),
  access_state  text,                         -- with access = 'state': the only State whose people may read it
  parent_id     uuid REFERENCES knowledge_records(id),  -- a recommendation's document
  parent_ref    text,                         -- … and the paragraph in it (e.g. para_6, para_12__subpara_a)
  version       integer NOT NULL DEFAULT 1,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  retired_at    timestamptz,
  retired_reason text,
  CHECK ((access = 'state') = (access_state IS NOT NULL))
);
CREATE INDEX knowledge_records_type_idx ON knowledge_records (type, date DESC);
CREATE INDEX knowledge_records_work_idx ON knowledge_records (work_id);
CREATE INDEX knowledge_records_parent_idx ON knowledge_records (parent_id);
CREATE INDEX knowledge_records_symbol_idx ON knowledge_records (symbol);
CREATE INDEX knowledge_records_states_idx ON knowledge_records USING gin (states);

-- Every change keeps the previous state of the record: who, when, what.
CREATE TABLE knowledge_record_versions (
  record_id  uuid NOT NULL REFERENCES knowledge_records(id) ON DELETE CASCADE,
  version    integer NOT NULL,
  snapshot   jsonb NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  note       text,
  PRIMARY KEY (record_id, version)
);

-- Per-field translations; the original is always kept in knowledge_records.
CREATE TABLE knowledge_translations (
  record_id  uuid NOT NULL REFERENCES knowledge_records(id) ON DELETE CASCADE,
  field      text NOT NULL,
  lang       text NOT NULL,
  value      text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('official', 'unofficial', 'machine')),
  by_whom    text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, field, lang)
);

-- Typed, sourced, verifiable links from a record to a provision (or to another record, a document
-- symbol, a resolution or a State).
CREATE TABLE knowledge_links (
  id           bigserial PRIMARY KEY,
  record_id    uuid NOT NULL REFERENCES knowledge_records(id) ON DELETE CASCADE,
  predicate    text NOT NULL CHECK (predicate IN ('implements', 'criminalises', 'defines', 'designates-authority',
                 'legal-basis-extradition', 'legal-basis-mla', 'cites', 'refers-to', 'mentions-state', 'same-as')),
  target_kind  text NOT NULL CHECK (target_kind IN ('provision', 'record', 'symbol', 'resolution', 'decision', 'state')),
  instrument   text,
  article      integer,
  paragraph    integer,
  subparagraph text,
  target       text,                         -- symbol, resolution number, ISO3, or record id
  at_ref       text,                         -- where in the record (paragraph id)
  span_text    text,
  span_start   integer,
  span_end     integer,
  origin       text NOT NULL CHECK (origin IN ('extracted', 'asserted')),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  verified     boolean NOT NULL DEFAULT false,
  verified_by  text,
  verified_at  timestamptz,
  rejected     boolean NOT NULL DEFAULT false,
  CHECK (target_kind <> 'provision' OR (instrument IS NOT NULL AND article IS NOT NULL))
);
CREATE INDEX knowledge_links_provision_idx ON knowledge_links (instrument, article, paragraph) WHERE target_kind = 'provision';
CREATE INDEX knowledge_links_record_idx ON knowledge_links (record_id);
CREATE INDEX knowledge_links_target_idx ON knowledge_links (target_kind, target);

-- National legislation per provision, with the period each wording was in force, so the law can be
-- shown as it stood on a given date.
CREATE TABLE legislation_provisions (
  record_id  uuid NOT NULL REFERENCES knowledge_records(id) ON DELETE CASCADE,
  eid        text NOT NULL,                 -- art_2__para_1
  heading    text,
  text       text NOT NULL,
  valid_from date NOT NULL,
  valid_to   date,                          -- null: still in force
  change     text,                          -- 'enacted', 'amended by …', 'repealed by …'
  PRIMARY KEY (record_id, eid, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- The search index: one row per record, in the record's language configuration. Facet columns are
-- denormalised here (groups from States, clusters from articles) so filters and counts need no joins.
CREATE TABLE knowledge_search (
  record_id    uuid PRIMARY KEY REFERENCES knowledge_records(id) ON DELETE CASCADE,
  tsv          tsvector NOT NULL,
  config       text NOT NULL,                -- the text-search configuration the record was indexed with
  type         text NOT NULL,
  lang         text NOT NULL,
  title        text NOT NULL,
  date         date,
  sort_date    date NOT NULL,                -- date, or 0001-01-01: keyset pagination needs no NULLs
  year         integer,
  states       text[] NOT NULL DEFAULT '{}',
  groups       text[] NOT NULL DEFAULT '{}',
  instruments  text[] NOT NULL DEFAULT '{}',
  articles     text[] NOT NULL DEFAULT '{}', -- 'UNTOC:18', 'UNTOC:18:13'
  clusters     text[] NOT NULL DEFAULT '{}',
  crimes       text[] NOT NULL DEFAULT '{}',
  access       text NOT NULL,
  access_state text,
  seq          bigserial                     -- index order: "new since" for saved searches and feeds
);
CREATE INDEX knowledge_search_tsv_idx ON knowledge_search USING gin (tsv);
CREATE INDEX knowledge_search_facets_idx ON knowledge_search USING gin (states, groups, instruments, articles, clusters, crimes);
CREATE INDEX knowledge_search_date_idx ON knowledge_search (sort_date DESC, record_id DESC);
CREATE INDEX knowledge_search_seq_idx ON knowledge_search (seq);
CREATE INDEX knowledge_search_type_idx ON knowledge_search (type, year);

-- Imports: what each run did, for the summary and provenance.
CREATE TABLE knowledge_imports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  started_by  text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  summary     jsonb NOT NULL DEFAULT '{}'
);

-- Saved searches and the in-app inbox that tells their owners about new matching records.
CREATE TABLE saved_searches (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name        text NOT NULL,
  query       jsonb NOT NULL,
  last_seq    bigint NOT NULL DEFAULT 0,
  email       boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_searches_user_idx ON saved_searches (user_id);

CREATE TABLE inbox_messages (
  id          bigserial PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  subject     text NOT NULL,
  body        jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
CREATE INDEX inbox_messages_user_idx ON inbox_messages (user_id, id DESC);
