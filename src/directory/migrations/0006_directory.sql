-- The directory of competent national authorities (COP resolution 8/1): part 1 central authorities,
-- part 2 other competent authorities and informal channels, focal points (art. 32) and Firearms Protocol
-- points of contact, per-State-per-measure records, notifications and declarations, the experts' list,
-- and the history of every change. States are referred to by ISO3 without a foreign key: the directory
-- talks to the reference module through its service (stateExists), never its tables.

CREATE TABLE directory_authorities (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  iso3                 text CHECK (iso3 ~ '^[A-Z]{3}$'),       -- null only for a regional network
  category             text NOT NULL CHECK (category IN ('central-authority', 'competent-authority', 'informal-channel',
                                                         'focal-point', 'firearms-poc')),
  subtype              text NOT NULL,
  name                 text NOT NULL,
  name_lang            text,                                   -- the language `name` is in (its own language)
  names                jsonb NOT NULL DEFAULT '{}',            -- the name in the UN languages the State supplies
  functions            text[] NOT NULL DEFAULT '{}',
  instruments          text[] NOT NULL DEFAULT '{}',           -- designated under (UNTOC 18(13), DRUG1988 7(8) …)
  member_states        text[] NOT NULL DEFAULT '{}',           -- a regional network's members
  postal_address       text,
  phone                text,
  fax                  text,
  email                text,
  website              text,
  office_hours         text,
  time_zone            text,
  contact_persons      jsonb NOT NULL DEFAULT '[]',            -- [{name, title, email, phone, languages}]
  languages            text[],                                 -- null = not known (never "none")
  channels             text[],
  encryption_required  boolean,
  e_signature_required boolean,
  direct_transmission  boolean,
  interpol_for_urgent  boolean,
  interpol_scope       text,
  available_24x7       boolean,
  requirements         text[] NOT NULL DEFAULT '{}',
  can_do               text,
  cannot_do            text,
  guide_links          jsonb NOT NULL DEFAULT '[]',            -- [{title, recordId?, url?}] into the knowledge portal
  provenance           jsonb NOT NULL,                         -- {type, reference, date}
  last_verified        date,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           text NOT NULL,
  retired_at           timestamptz,
  CHECK (iso3 IS NOT NULL OR category = 'informal-channel')
);
CREATE INDEX directory_authorities_state_idx ON directory_authorities (iso3, category);
CREATE INDEX directory_authorities_members_idx ON directory_authorities USING gin (member_states);

-- Per State and per measure, the "Fiches Belges" way.
CREATE TABLE directory_measures (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  iso3                   text NOT NULL CHECK (iso3 ~ '^[A-Z]{3}$'),
  measure                text NOT NULL,
  available              text CHECK (available IN ('yes', 'no', 'partly')),
  legal_framework        text,
  receiving_authority    text,
  receiving_authority_id uuid REFERENCES directory_authorities(id) ON DELETE SET NULL,
  languages              text[],
  usual_execution_days   integer CHECK (usual_execution_days >= 0),
  special_requirements   text,
  alternatives           text,
  dual_criminality       text CHECK (dual_criminality IN ('required', 'not-required', 'coercive-only')),
  provenance             jsonb NOT NULL,
  last_verified          date,
  version                integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  updated_by             text NOT NULL,
  retired_at             timestamptz
);
CREATE UNIQUE INDEX directory_measures_key ON directory_measures (iso3, measure) WHERE retired_at IS NULL;

CREATE TABLE directory_notifications (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  iso3               text NOT NULL CHECK (iso3 ~ '^[A-Z]{3}$'),
  type               text NOT NULL CHECK (type IN ('art16-5-a', 'art18-13', 'art18-14', 'reservation', 'declaration', 'other')),
  instrument         text NOT NULL DEFAULT 'UNTOC',
  provision          text,                                       -- e.g. UNTOC:35:2 for a reservation
  made_on            date,
  text               text NOT NULL,
  extradition_basis  text CHECK (extradition_basis IN ('yes', 'no')),   -- art. 16(5)(a) only
  languages          text[],                                     -- art. 18(14) only
  authority_id       uuid REFERENCES directory_authorities(id) ON DELETE SET NULL,  -- art. 18(13)
  withdrawn_on       date,
  provenance         jsonb NOT NULL,
  last_verified      date,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  updated_by         text NOT NULL,
  retired_at         timestamptz,
  CHECK (extradition_basis IS NULL OR type = 'art16-5-a')
);
CREATE INDEX directory_notifications_state_idx ON directory_notifications (iso3, type, made_on DESC);

-- Shared only among registered experts (WG.3 2016 recommendation (f)).
CREATE TABLE directory_experts (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  iso3           text CHECK (iso3 ~ '^[A-Z]{3}$'),
  user_id        uuid REFERENCES users(id) ON DELETE SET NULL,   -- the expert's own account, who may keep the entry
  name           text NOT NULL,
  title          text,
  organisation   text,
  expertise      text[] NOT NULL DEFAULT '{}',
  languages      text[],
  email          text,
  phone          text,
  provenance     jsonb NOT NULL,
  last_verified  date,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     text NOT NULL,
  retired_at     timestamptz
);

-- Every change to any directory entry: who, when, what changed (field by field) and the entry after it.
CREATE TABLE directory_history (
  id          bigserial PRIMARY KEY,
  entry_type  text NOT NULL CHECK (entry_type IN ('authority', 'measure', 'notification', 'expert')),
  entry_id    uuid NOT NULL,
  iso3        text,
  version     integer NOT NULL,
  action      text NOT NULL CHECK (action IN ('create', 'update', 'retire', 'confirm')),
  changed_at  timestamptz NOT NULL DEFAULT now(),
  changed_by  text NOT NULL,
  changes     jsonb NOT NULL,            -- {"field": {"from": …, "to": …}}
  snapshot    jsonb NOT NULL,
  UNIQUE (entry_type, entry_id, version)
);
CREATE INDEX directory_history_state_idx ON directory_history (iso3, changed_at DESC);

CREATE FUNCTION directory_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'directory_history is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER directory_history_no_update BEFORE UPDATE OR DELETE ON directory_history
  FOR EACH ROW EXECUTE FUNCTION directory_history_append_only();
