-- Statistics grouped by form of assistance or crime type (src/cases/stats). A case has several of each, so such a
-- table counts it once per item; grouping cases_stat_facts meant unnesting the arrays and sorting every unnested row
-- by the item before aggregating — at a million cases, most of the query's time (docs/PERFORMANCE.md). This table
-- holds one row per case and item (a case with none has one row with a null item: it still counts once, under "none"),
-- with the columns the statistics filter and aggregate on, and its index gives one State's rows in item order, so
-- the grouping reads one index range in order and sorts nothing but each group's durations.
--
-- Derived from cases_stat_facts only, by the view below, which is the one definition: stats/facts.ts rewrites a
-- case's rows from it in the transaction that refreshes the case's facts, and this migration fills it once.
CREATE TABLE cases_stat_items (
  case_id            uuid NOT NULL REFERENCES cases_stat_facts(case_id) ON DELETE CASCADE,
  dimension          text NOT NULL CHECK (dimension IN ('measure', 'crime-type')),
  value              text,
  owner_state        text NOT NULL,
  start_on           date,
  direction          text NOT NULL,
  kind               text NOT NULL,
  counterpart_state  text NOT NULL,
  counterpart_group  text,
  legal_basis        text NOT NULL,
  channel            text NOT NULL,
  outside_system     boolean NOT NULL,
  outcome            text,
  refusal_ground     text,
  closed_on          date,
  total_seconds        integer,
  registration_seconds integer,
  review_seconds       integer,
  transfer_seconds     integer,
  execution_seconds    integer,
  preparation_seconds  integer,
  -- both arrays, for a filter on one while grouping by the other, or a grouping by both
  measures           text[] NOT NULL,
  crime_types        text[] NOT NULL
);
CREATE INDEX cases_stat_items_case_idx ON cases_stat_items (case_id);
CREATE INDEX cases_stat_items_group_idx ON cases_stat_items (owner_state, dimension, value, start_on)
  INCLUDE (direction, kind, counterpart_state, counterpart_group, legal_basis, channel, outside_system, outcome, refusal_ground, closed_on,
           total_seconds, registration_seconds, review_seconds, transfer_seconds, execution_seconds, preparation_seconds,
           measures, crime_types);

CREATE VIEW cases_stat_items_of_facts AS
SELECT f.case_id, i.dimension, i.value, f.owner_state, f.start_on, f.direction, f.kind, f.counterpart_state, f.counterpart_group,
       f.legal_basis, f.channel, f.outside_system, f.outcome, f.refusal_ground, f.closed_on, f.total_seconds, f.registration_seconds,
       f.review_seconds, f.transfer_seconds, f.execution_seconds, f.preparation_seconds, f.measures, f.crime_types
FROM cases_stat_facts f
CROSS JOIN LATERAL (
  SELECT 'measure' AS dimension, v AS value FROM unnest(CASE WHEN cardinality(f.measures) = 0 THEN ARRAY[NULL]::text[] ELSE f.measures END) AS v
  UNION ALL
  SELECT 'crime-type', v FROM unnest(CASE WHEN cardinality(f.crime_types) = 0 THEN ARRAY[NULL]::text[] ELSE f.crime_types END) AS v
) AS i;

INSERT INTO cases_stat_items SELECT * FROM cases_stat_items_of_facts;
