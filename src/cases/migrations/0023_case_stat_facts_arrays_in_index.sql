-- Statistics grouped by form of assistance or crime type read every fact row's array: with the arrays in the
-- covering index too (INCLUDE needs no operator class) those groupings are index-only like the others
-- (npm run bench:cases: all years by measure at a million cases, docs/PERFORMANCE.md).
DROP INDEX cases_stat_facts_state_idx;
CREATE INDEX cases_stat_facts_state_idx ON cases_stat_facts (owner_state, start_on)
  INCLUDE (direction, kind, counterpart_state, counterpart_group, legal_basis, channel, outside_system, outcome, refusal_ground, closed_on,
           total_seconds, registration_seconds, review_seconds, transfer_seconds, execution_seconds, preparation_seconds,
           measures, crime_types);
