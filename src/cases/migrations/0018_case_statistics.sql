-- The case tracker's statistics (src/cases/stats). Two tables:
--
-- cases_stat_facts: one narrow row per case, kept in step with the case by stats/facts.ts (refreshCaseFacts, called
-- after every event, in the same transaction). It holds only what the statistics group and filter on, and the
-- durations already computed from the timeline with paused time (18(16), state info_requested) taken out, so
-- that a State's statistics read one index range and never replay timelines. Durations are whole seconds (int4:
-- 68 years); the service turns them into days.
--
-- cases_stat_submissions: the aggregate tables a State chose to submit to the secretariat — only aggregates, with
-- small cells already suppressed when written. Append-only: a correction is a new submission.

CREATE TABLE cases_stat_facts (
  case_id            uuid PRIMARY KEY REFERENCES cases_cases(id),
  owner_state        text NOT NULL,
  direction          text NOT NULL,
  kind               text NOT NULL,
  counterpart_state  text NOT NULL,
  -- the counterpart's regional group (reference States), denormalised when the fact row is written
  counterpart_group  text,
  legal_basis        text NOT NULL,
  -- 'UNTOC:18' when the Convention is invoked
  convention_article text,
  measures           text[] NOT NULL DEFAULT '{}',
  crime_types        text[] NOT NULL DEFAULT '{}',
  channel            text NOT NULL,
  -- registered by hand: the request travelled outside the platform (paper, e-mail, diplomatic channel…)
  outside_system     boolean NOT NULL,
  status             text NOT NULL,
  outcome            text,
  refusal_ground     text,
  received_on        date,
  sent_on            date,
  closed_on          date,
  -- the date the period filters and month/year groupings use: received (incoming) or sent (outgoing); a case
  -- not yet received or sent (an outgoing one in preparation) has none and is in no period
  start_on           date,
  -- received (incoming) or sent (outgoing) → closed, paused time excluded; null while open
  total_seconds      integer,
  -- per stage (stats/stages.ts), paused time excluded; null when the stage has not been completed
  registration_seconds integer,   -- received → registered
  review_seconds       integer,   -- registered → decision (accepted, refused or returned)
  transfer_seconds     integer,   -- accepted → passed to the executing authority
  execution_seconds    integer,   -- passed → executed
  preparation_seconds  integer,   -- outgoing: created → sent
  refreshed_at       timestamptz NOT NULL DEFAULT now()
);
-- Every statistics query is one State's, within a period. This index holds, in (State, date) order, every column the
-- statistics read except the two arrays: a query reads one contiguous range of it (an index-only scan once autovacuum
-- has marked the pages visible) instead of one heap page per case — the facts of a State are scattered over the
-- table in the order its cases were created among everyone else's (docs/PERFORMANCE.md: 16× fewer pages). Only a
-- grouping or filter on measures or crime types reads the table itself.
CREATE INDEX cases_stat_facts_state_idx ON cases_stat_facts (owner_state, start_on)
  INCLUDE (direction, kind, counterpart_state, counterpart_group, legal_basis, channel, outside_system, outcome, refusal_ground, closed_on,
           total_seconds, registration_seconds, review_seconds, transfer_seconds, execution_seconds, preparation_seconds);

CREATE TABLE cases_stat_submissions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_iso3       text NOT NULL CHECK (state_iso3 ~ '^[A-Z]{3}$'),
  -- the submitting State's regional group when it submitted (the secretariat combines by group)
  regional_group   text,
  submitted_by     uuid,
  submitted_by_name text NOT NULL,
  submitted_at     timestamptz NOT NULL DEFAULT now(),
  period_from      date NOT NULL,
  period_to        date NOT NULL CHECK (period_to >= period_from),
  -- one or two dimensions, e.g. {kind} or {kind,legal-basis}
  grouping         text[] NOT NULL CHECK (cardinality(grouping) BETWEEN 1 AND 2),
  -- the filters the table was computed with (direction…)
  filters          jsonb NOT NULL DEFAULT '{}',
  -- [{keys, count, closed, convention, outside, totalDays: {median, p90}, suppressed}] (stats/suppression.ts)
  cells            jsonb NOT NULL,
  -- the threshold applied (cells with a count under it were suppressed)
  threshold        integer NOT NULL CHECK (threshold >= 1)
);
CREATE INDEX cases_stat_submissions_state_idx ON cases_stat_submissions (state_iso3, submitted_at);
CREATE INDEX cases_stat_submissions_period_idx ON cases_stat_submissions (period_from, period_to);

CREATE FUNCTION cases_stat_submissions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cases_stat_submissions is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER cases_stat_submissions_no_update BEFORE UPDATE OR DELETE ON cases_stat_submissions
  FOR EACH ROW EXECUTE FUNCTION cases_stat_submissions_append_only();
