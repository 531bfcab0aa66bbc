-- Reference data every module stands on: instruments, their provisions, review clusters,
-- regional groups, States and their party status per instrument.

CREATE TABLE instruments (
  code        text PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{2,12}$'),
  parent_code text REFERENCES instruments(code),           -- a Protocol supplements its Convention
  kind        text NOT NULL CHECK (kind IN ('convention', 'protocol')),
  adopted_on  date,
  in_force_on date,
  names       jsonb NOT NULL,                              -- {"en": …, "fr": …} full titles
  short_names jsonb NOT NULL,
  reviewed    boolean NOT NULL DEFAULT false,              -- covered by the UNTOC review mechanism
  sort        integer NOT NULL
);

-- Addressable provisions, named the Akoma Ntoso way: art_18, art_18__para_13, art_18__para_13__subpara_a.
CREATE TABLE provisions (
  instrument_code text NOT NULL REFERENCES instruments(code),
  eid             text NOT NULL CHECK (eid ~ '^art_[0-9]+(__para_[0-9]+(__subpara_[a-z]+)?)?$'),
  article         integer NOT NULL CHECK (article > 0),
  paragraph       integer,
  subparagraph    text,
  chapter         text,
  chapter_titles  jsonb NOT NULL DEFAULT '{}',
  titles          jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (instrument_code, eid)
);
CREATE INDEX provisions_article_idx ON provisions (instrument_code, article);

CREATE TABLE clusters (
  code  text PRIMARY KEY,
  names jsonb NOT NULL,
  sort  integer NOT NULL
);

CREATE TABLE cluster_articles (
  cluster_code    text NOT NULL REFERENCES clusters(code),
  instrument_code text NOT NULL REFERENCES instruments(code),
  article         integer NOT NULL,
  -- e.g. UNTOC arts. 8 and 9: reviewed only for States that are not parties to UNCAC
  only_if_not_party_to text REFERENCES instruments(code),
  note            text,
  PRIMARY KEY (instrument_code, article)
);

CREATE TABLE regional_groups (
  code  text PRIMARY KEY,
  names jsonb NOT NULL,
  sort  integer NOT NULL
);

CREATE TABLE states (
  iso3           text PRIMARY KEY CHECK (iso3 ~ '^[A-Z]{3}$'),
  iso2           text,
  iso_assigned   boolean NOT NULL DEFAULT true,            -- false for placeholders such as EUU
  kind           text NOT NULL CHECK (kind IN ('state', 'regional-organization')),
  names          jsonb NOT NULL,                           -- the six UN languages
  regional_group text REFERENCES regional_groups(code),    -- null: outside the five groups
  legal_system   text,                                     -- JuriGlobe family, e.g. mixed:civil+muslim
  legal_families text[] NOT NULL DEFAULT '{}',
  notes          text
);
CREATE INDEX states_group_idx ON states (regional_group);

CREATE TABLE party_status (
  iso3            text NOT NULL REFERENCES states(iso3),
  instrument_code text NOT NULL REFERENCES instruments(code),
  -- 'unknown' means "not loaded", never "not a party"
  status          text NOT NULL CHECK (status IN ('party', 'signatory', 'none', 'unknown')),
  signed_on       date,
  consented_on    date,                                    -- ratification, accession, acceptance …
  source          text,
  as_of           date,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (iso3, instrument_code)
);
CREATE INDEX party_status_lookup_idx ON party_status (instrument_code, status);

CREATE TABLE party_status_history (
  id              bigserial PRIMARY KEY,
  iso3            text NOT NULL REFERENCES states(iso3),
  instrument_code text NOT NULL REFERENCES instruments(code),
  old_status      text,
  new_status      text NOT NULL,
  signed_on       date,
  consented_on    date,
  source          text,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  changed_by      text NOT NULL                            -- 'seed', or the user name of an import
);
CREATE INDEX party_status_history_idx ON party_status_history (iso3, instrument_code, id);
