-- The implementation review mechanism (COP resolution 8/2; ../shared/spec/review.md). Everything the mechanism
-- produces is confidential to the reviewed State, its reviewing States and the secretariat until the reviewed
-- State publishes it; review.policy.ts says who sees what. Configuration is data: cycles, their work plan, groups.

-- A review cycle: the instruments reviewed, when it starts, and its rules (cap, mutual reviews, most reviewing
-- States, deadlines, pooling of entities outside the five regional groups) as one JSON document checked by
-- review/config (cycleSettings schema), so that a rule changes without a migration.
CREATE TABLE review_cycles (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code             text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9._-]{2,40}$'),
  title            text NOT NULL,
  main_instrument  text NOT NULL REFERENCES instruments(code),   -- reviewers must be parties to it (UNTOC)
  instruments      text[] NOT NULL,                              -- reviewed in this cycle: UNTOC and its Protocols
  start_year       integer NOT NULL CHECK (start_year BETWEEN 2000 AND 2200),
  settings         jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'configuring' CHECK (status IN ('configuring', 'active', 'closed')),
  version          integer NOT NULL DEFAULT 1,
  created_by       uuid REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- The multi-year work plan (resolution 8/2, table 2): phase n reviews these clusters from start year + offset.
CREATE TABLE review_plan_phases (
  cycle_id       uuid NOT NULL REFERENCES review_cycles(id) ON DELETE CASCADE,
  phase          integer NOT NULL CHECK (phase BETWEEN 1 AND 20),
  cluster_codes  text[] NOT NULL,
  year_offset    integer NOT NULL CHECK (year_offset BETWEEN 0 AND 50),
  years          integer NOT NULL DEFAULT 2 CHECK (years BETWEEN 1 AND 10),
  PRIMARY KEY (cycle_id, phase)
);

-- The groups of States that start their reviews in different years, as drawn (draw_id) or set by hand.
CREATE TABLE review_groups (
  cycle_id    uuid NOT NULL REFERENCES review_cycles(id) ON DELETE CASCADE,
  group_no    integer NOT NULL CHECK (group_no BETWEEN 1 AND 20),
  start_year  integer NOT NULL CHECK (start_year BETWEEN 2000 AND 2200),
  PRIMARY KEY (cycle_id, group_no)
);
CREATE TABLE review_group_members (
  cycle_id   uuid NOT NULL REFERENCES review_cycles(id) ON DELETE CASCADE,
  iso3       text NOT NULL REFERENCES states(iso3),
  group_no   integer NOT NULL,
  draw_id    uuid,
  PRIMARY KEY (cycle_id, iso3),
  FOREIGN KEY (cycle_id, group_no) REFERENCES review_groups(cycle_id, group_no)
);

-- A drawing of lots. Announced first (inputs: the eligible pools and the rules, and the seed's source, published
-- with their SHA-256 before the draw), then drawn (the seed's value; the result is a pure function of inputs and
-- seed, review/draw/). kind 'reviewers' pairs reviewed and reviewing States; 'groups' splits States into groups.
CREATE TABLE review_draws (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id        uuid REFERENCES review_cycles(id),
  kind            text NOT NULL CHECK (kind IN ('reviewers', 'groups')),
  status          text NOT NULL DEFAULT 'announced' CHECK (status IN ('announced', 'drawn', 'cancelled')),
  algorithm       text NOT NULL,
  seed_source     text NOT NULL,          -- e.g. "numbers drawn at the 14th meeting of the working group", a beacon URL
  seed            text,                   -- the value, set when drawn
  inputs          jsonb NOT NULL,         -- canonical inputs (pools, rules), as published
  inputs_sha256   text NOT NULL CHECK (inputs_sha256 ~ '^[0-9a-f]{64}$'),
  result          jsonb,                  -- the draw document (the CLI's --json shape), redraws applied
  result_sha256   text CHECK (result_sha256 ~ '^[0-9a-f]{64}$'),
  announced_by    uuid REFERENCES users(id),
  announced_at    timestamptz NOT NULL DEFAULT now(),
  drawn_by        uuid REFERENCES users(id),
  drawn_at        timestamptz,
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX review_draws_cycle_idx ON review_draws (cycle_id, kind, announced_at);

-- A redraw: the next selection for one slot of one reviewed State, who asked (State and person) and why. At most
-- two per requesting State per review; a further one only as a recorded exception.
CREATE TABLE review_redraws (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  draw_id             uuid NOT NULL REFERENCES review_draws(id),
  seq                 integer NOT NULL,
  reviewed_iso3       text NOT NULL REFERENCES states(iso3),
  slot                text NOT NULL CHECK (slot IN ('own-group', 'other-group', 'additional')),
  replaced_iso3       text NOT NULL REFERENCES states(iso3),
  new_iso3            text REFERENCES states(iso3),   -- null when the slot's pool was exhausted
  requested_by_state  text NOT NULL REFERENCES states(iso3),
  requested_by        uuid REFERENCES users(id),
  reason              text NOT NULL CHECK (length(reason) BETWEEN 3 AND 2000),
  exceptional         boolean NOT NULL DEFAULT false,
  exception_reason    text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (draw_id, seq),
  CHECK (NOT exceptional OR exception_reason IS NOT NULL)
);

-- One review: a reviewed State, in a cycle, on one cluster (a phase reviews its clusters one review each).
-- stage is the review workflow's state (review.workflow.ts); instruments are those of the cycle the State is party to.
CREATE TABLE reviews (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id        uuid NOT NULL REFERENCES review_cycles(id),
  reviewed_iso3   text NOT NULL REFERENCES states(iso3),
  cluster_code    text NOT NULL REFERENCES clusters(code),
  instruments     text[] NOT NULL,
  draw_id         uuid REFERENCES review_draws(id),
  -- the question sets (one per instrument) this review answers, fixed when the questionnaire opens
  question_set_ids uuid[] NOT NULL DEFAULT '{}',
  stage           text NOT NULL DEFAULT 'nominating',
  started_on      date NOT NULL,
  answers_submitted_at timestamptz,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cycle_id, reviewed_iso3, cluster_code)
);
CREATE INDEX reviews_stage_idx ON reviews (cycle_id, stage);

-- The reviewing States of a review, as drawn (slot) and for which instruments.
CREATE TABLE review_reviewers (
  review_id    uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  state_iso3   text NOT NULL REFERENCES states(iso3),
  slot         text NOT NULL CHECK (slot IN ('own-group', 'other-group', 'additional')),
  instruments  text[] NOT NULL,
  PRIMARY KEY (review_id, state_iso3)
);

-- People inside a review. Nominated by their State (note verbale), invited by the secretariat (the link expires:
-- invitation_expires_at), active once they accept, until revoked. side: the reviewed State or a reviewing one.
-- Only active participants (and the secretariat) see the review.
CREATE TABLE review_participants (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id              uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  state_iso3             text NOT NULL REFERENCES states(iso3),
  side                   text NOT NULL CHECK (side IN ('reviewed', 'reviewing')),
  role                   text NOT NULL CHECK (role IN ('focal_point', 'expert', 'observer')),
  user_id                uuid REFERENCES users(id),
  name                   text NOT NULL,
  email                  text,
  note_verbale_ref       text,
  nominated_by           uuid REFERENCES users(id),
  nominated_at           timestamptz NOT NULL DEFAULT now(),
  invitation_token_hash  text UNIQUE,
  invited_by             uuid REFERENCES users(id),
  invited_at             timestamptz,
  invitation_expires_at  timestamptz,
  accepted_at            timestamptz,
  revoked_at             timestamptz,
  status                 text NOT NULL DEFAULT 'nominated' CHECK (status IN ('nominated', 'invited', 'active', 'expired', 'revoked'))
);
CREATE INDEX review_participants_review_idx ON review_participants (review_id, status);
CREATE INDEX review_participants_user_idx ON review_participants (user_id, status);
-- one focal point per State per review at a time
CREATE UNIQUE INDEX review_participants_one_fp_idx ON review_participants (review_id, state_iso3)
  WHERE role = 'focal_point' AND status IN ('nominated', 'invited', 'active');

-- Versioned questionnaires: a question set per instrument and cluster; a published version never changes.
CREATE TABLE review_question_sets (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instrument_code  text NOT NULL REFERENCES instruments(code),
  cluster_code     text NOT NULL REFERENCES clusters(code),
  version          integer NOT NULL CHECK (version >= 1),
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'superseded')),
  title            jsonb NOT NULL DEFAULT '{}',     -- by language
  published_at     timestamptz,
  created_by       uuid REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (instrument_code, cluster_code, version)
);
-- A question: key is stable across versions (e.g. UNTOC-5-a); content_sha256 over its texts and type tells whether
-- it changed, so an answer of the previous cycle can pre-fill an unchanged question.
CREATE TABLE review_questions (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  set_id          uuid NOT NULL REFERENCES review_question_sets(id) ON DELETE CASCADE,
  key             text NOT NULL CHECK (key ~ '^[A-Za-z0-9._-]{1,60}$'),
  article         integer NOT NULL CHECK (article > 0),
  paragraph       text,
  ordinal         integer NOT NULL,
  answer_type     text NOT NULL,
  texts           jsonb NOT NULL,                 -- {"en": "…", "fr": "…"}
  guidance        jsonb NOT NULL DEFAULT '{}',
  content_sha256  text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  UNIQUE (set_id, key)
);

-- The reviewed State's answer to one question of one version (question_id pins the version).
CREATE TABLE review_answers (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id         uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  question_id       uuid NOT NULL REFERENCES review_questions(id),
  value             jsonb NOT NULL,               -- review/questionnaires answer schema by answer_type
  prefilled_from    uuid REFERENCES review_answers(id),
  version           integer NOT NULL DEFAULT 1,
  updated_by        uuid REFERENCES users(id),
  updated_by_name   text NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (review_id, question_id)
);

-- The national consultation: who the reviewed State consulted while answering.
CREATE TABLE review_consultations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id     uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  body_name     text NOT NULL,
  sector        text NOT NULL,                    -- government, parliament, judiciary, private sector, NGO, academia, other
  consulted_on  date,
  note          text NOT NULL DEFAULT '',
  added_by      uuid REFERENCES users(id),
  added_at      timestamptz NOT NULL DEFAULT now()
);

-- Desk review messages, threaded: a reviewing State's feedback on a question, a request for clarification (with a
-- due date), the reviewed State's reply. reviewing_state says which reviewing State's conversation it belongs to.
CREATE TABLE review_comments (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id        uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  reviewing_state  text NOT NULL REFERENCES states(iso3),
  question_id      uuid REFERENCES review_questions(id),
  parent_id        uuid REFERENCES review_comments(id),
  kind             text NOT NULL CHECK (kind IN ('feedback', 'clarification', 'reply')),
  body             text NOT NULL,
  due_on           date,
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'answered', 'closed')),
  author_id        uuid REFERENCES users(id),
  author_name      text NOT NULL,
  author_state     text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
CREATE INDEX review_comments_review_idx ON review_comments (review_id, reviewing_state, created_at);

-- What each reviewing State has submitted (its focal point's act): feedback, list of observations, summary; and
-- the reviewed State's agreement to a list. One row per (review, reviewing State, step).
CREATE TABLE review_steps (
  review_id        uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  reviewing_state  text NOT NULL REFERENCES states(iso3),
  step             text NOT NULL CHECK (step IN ('feedback', 'observations_agreed', 'observations', 'summary')),
  done_at          timestamptz NOT NULL DEFAULT now(),
  done_by          uuid REFERENCES users(id),
  done_by_name     text NOT NULL,
  PRIMARY KEY (review_id, reviewing_state, step)
);

-- A reviewing State's list of observations, prepared with the reviewed State: each item a gap or challenge, a good
-- practice, a suggestion or a technical-assistance need (with its category), tied to articles.
CREATE TABLE review_observations (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id        uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  reviewing_state  text NOT NULL REFERENCES states(iso3),
  kind             text NOT NULL,
  ta_category      text,
  instrument_code  text NOT NULL REFERENCES instruments(code),
  articles         integer[] NOT NULL,
  text             text NOT NULL,
  ordinal          integer NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  author_id        uuid REFERENCES users(id),
  author_name      text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_observations_review_idx ON review_observations (review_id, reviewing_state, ordinal);
CREATE INDEX review_observations_kind_idx ON review_observations (kind, instrument_code);

-- Each reviewing State's summary of the review.
CREATE TABLE review_summaries (
  review_id        uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  reviewing_state  text NOT NULL REFERENCES states(iso3),
  text             text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  updated_by       uuid REFERENCES users(id),
  updated_by_name  text NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (review_id, reviewing_state)
);

-- Publication is an explicit act of the reviewed State: which output, of which reviewing State, when, by whom.
CREATE TABLE review_publications (
  review_id        uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  output           text NOT NULL CHECK (output IN ('observations', 'summary')),
  reviewing_state  text NOT NULL REFERENCES states(iso3),
  published_at     timestamptz NOT NULL DEFAULT now(),
  published_by     uuid REFERENCES users(id),
  published_by_name text NOT NULL,
  PRIMARY KEY (review_id, output, reviewing_state)
);

-- Overdue steps told once (the deadline job).
CREATE TABLE review_overdue_notices (
  review_id   uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  step        text NOT NULL,
  state_iso3  text NOT NULL,
  due_on      date NOT NULL,
  told_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (review_id, step, state_iso3, due_on)
);
