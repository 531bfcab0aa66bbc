-- The case tracker (src/cases): one row per request as one State holds it (an outgoing request at the
-- requesting State, an incoming one at the requested State; a request exchanged within one instance is two rows,
-- linked by counterpart_case_id and conversation_id), and its append-only timeline. People are kept as id + name
-- as they were at the time (accounts belong to the platform). Vocabularies: case.vocabulary.ts.

CREATE TABLE cases_reference_counters (
  state_iso3 text    NOT NULL,
  year       integer NOT NULL,
  last       integer NOT NULL,
  PRIMARY KEY (state_iso3, year)
);

CREATE TABLE cases_cases (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_state           text NOT NULL CHECK (owner_state ~ '^[A-Z]{3}$'),
  direction             text NOT NULL CHECK (direction IN ('incoming','outgoing')),
  kind                  text NOT NULL CHECK (kind IN ('mla','extradition','confiscation','transfer-of-sentenced-persons',
                                                      'transfer-of-proceedings','joint-investigation','law-enforcement')),
  counterpart_state     text NOT NULL CHECK (counterpart_state ~ '^[A-Z]{3}$' AND counterpart_state <> owner_state),
  -- this side's reference (e.g. FRA-MLA-2026-0042), and the other side's as it quotes it
  reference             text NOT NULL,
  counterpart_reference text,
  title                 text NOT NULL,
  summary               text NOT NULL DEFAULT '',
  status                text NOT NULL,
  -- e-CODEX-style transmission state, apart from the request's own state (docs/EXCHANGE.md)
  transmission          text NOT NULL DEFAULT 'none'
                        CHECK (transmission IN ('none','prepared','sent','accepted','delivered','retrieved','rejected','failed')),
  -- outgoing: the requested side's status as last reported to us (through the platform, or recorded by hand)
  counterpart_status    text,
  channel               text NOT NULL DEFAULT 'platform',
  legal_basis           text NOT NULL CHECK (legal_basis IN ('convention','treaty','reciprocity','domestic-law')),
  -- 'UNTOC:18' style provision id when the Convention is invoked; the treaty's name when a treaty is
  legal_basis_article   text,
  legal_basis_treaty    text,
  offences              text[] NOT NULL DEFAULT '{}',
  crime_types           text[] NOT NULL DEFAULT '{}',
  measures              text[] NOT NULL DEFAULT '{}',
  -- [{role, name, entryId?}] — central, requesting, competent, executing authority (directory entries or by hand)
  authorities           jsonb NOT NULL DEFAULT '[]',
  -- [{name, role, nationality?, inCustody?, dateOfBirth?}] — personal data: never leaves the owner State's view
  persons               jsonb NOT NULL DEFAULT '[]',
  -- the inputs of the computed priority (priority.ts) and its result; an officer's override kept apart
  priority_inputs       jsonb NOT NULL DEFAULT '{}',
  priority_score        integer NOT NULL DEFAULT 0,
  priority_level        text NOT NULL DEFAULT 'normal' CHECK (priority_level IN ('urgent','high','normal','low')),
  priority_override     jsonb,
  deadline              date,
  deadline_reason       text,
  confidentiality       text NOT NULL DEFAULT 'confidential' CHECK (confidentiality IN ('restricted','confidential','strictly-confidential')),
  -- practitioners (and officers) assigned; practitioners see only cases they are assigned to
  assignees             uuid[] NOT NULL DEFAULT '{}',
  draft_id              uuid,
  -- no foreign key: the counterpart row may be restored after this one
  counterpart_case_id   uuid,
  conversation_id       uuid NOT NULL DEFAULT gen_random_uuid(),
  received_at           timestamptz,
  sent_at               timestamptz,
  closed_at             timestamptz,
  -- the clock: paused while additional information is awaited (18(16)); paused_seconds is the total so far
  paused_since          timestamptz,
  paused_seconds        bigint NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0),
  -- the final outcome once known: executed, partially-executed, refused, withdrawn, returned, forwarded
  outcome               text,
  refusal_ground        text,
  -- the earliest step due and not yet explained (deadlines.ts), kept with every event so queues filter on it
  next_due_at           timestamptz,
  version               integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_by            uuid,
  created_by_name       text NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner_state, reference)
);
CREATE INDEX cases_cases_owner_idx ON cases_cases (owner_state, direction, status);
CREATE INDEX cases_cases_queue_idx ON cases_cases (owner_state, priority_score DESC, created_at);
CREATE INDEX cases_cases_due_idx ON cases_cases (owner_state, next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX cases_cases_assignees_idx ON cases_cases USING gin (assignees);
CREATE INDEX cases_cases_draft_idx ON cases_cases (draft_id) WHERE draft_id IS NOT NULL;
CREATE INDEX cases_cases_conversation_idx ON cases_cases (conversation_id);

-- The timeline: every transition and every event (progress query, consultation, document, evidence…), in order.
CREATE TABLE cases_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id       uuid NOT NULL REFERENCES cases_cases(id),
  seq           integer NOT NULL CHECK (seq > 0),
  type          text NOT NULL,
  -- set for a transition (the machine's states); null for an event that keeps the state
  from_state    text,
  to_state      text,
  actor_id      uuid,
  actor_name    text NOT NULL,
  actor_state   text,
  occurred_at   timestamptz NOT NULL DEFAULT now(),
  note          text NOT NULL DEFAULT '',
  -- the event's own fields (refusal ground and reasons, due date of an answer, new estimate, document digest…)
  data          jsonb NOT NULL DEFAULT '{}',
  -- a progress query's answer due date (18(24)); answered_by: the seq of the event answering it
  due_at        timestamptz,
  answers_seq   integer,
  UNIQUE (case_id, seq)
);
CREATE INDEX cases_events_type_idx ON cases_events (type, case_id);
CREATE INDEX cases_events_due_idx ON cases_events (due_at) WHERE due_at IS NOT NULL;

-- Append-only: a timeline is evidence. (A restore loads rows with user triggers off.)
CREATE FUNCTION cases_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cases_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER cases_events_no_update BEFORE UPDATE OR DELETE ON cases_events
  FOR EACH ROW EXECUTE FUNCTION cases_events_append_only();
