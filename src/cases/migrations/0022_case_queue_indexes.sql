-- The work queues' first page in a few milliseconds at a million cases (npm run bench:cases): the order of
-- cases.repository.ts listCases (sort=priority: effective level, score, the longest waiting first) as an index,
-- for a State's whole queue and for one direction, so the first page is read in order instead of sorting every case
-- of the State. The expressions must stay exactly those of the query (LEVEL_RANK, STARTED) for the planner to use them.
DROP INDEX cases_cases_queue_idx;
CREATE INDEX cases_cases_queue_idx ON cases_cases (owner_state,
  (CASE priority_level WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END),
  priority_score DESC, (coalesce(received_at, sent_at, created_at)), id);
CREATE INDEX cases_cases_queue_direction_idx ON cases_cases (owner_state, direction,
  (CASE priority_level WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END),
  priority_score DESC, (coalesce(received_at, sent_at, created_at)), id);
