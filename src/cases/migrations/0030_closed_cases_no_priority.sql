-- A closed case asks nothing more of anyone: its priority is zero and low (priority.ts), whatever deadline, custody
-- flag or officer's override it carried, and the work queues put it after every open case (rank 4 below). Cases
-- closed before this rule kept their old level: reset them. The queue indexes follow the new rank expression of
-- cases.repository.ts (LEVEL_RANK) exactly, as 0022 explains.
UPDATE cases_cases SET priority_score = 0, priority_level = 'low' WHERE status = 'closed' AND (priority_score <> 0 OR priority_level <> 'low');
DROP INDEX cases_cases_queue_idx;
DROP INDEX cases_cases_queue_direction_idx;
CREATE INDEX cases_cases_queue_idx ON cases_cases (owner_state,
  (CASE WHEN status = 'closed' THEN 4 WHEN priority_level = 'urgent' THEN 0 WHEN priority_level = 'high' THEN 1 WHEN priority_level = 'normal' THEN 2 ELSE 3 END),
  priority_score DESC, (coalesce(received_at, sent_at, created_at)), id);
CREATE INDEX cases_cases_queue_direction_idx ON cases_cases (owner_state, direction,
  (CASE WHEN status = 'closed' THEN 4 WHEN priority_level = 'urgent' THEN 0 WHEN priority_level = 'high' THEN 1 WHEN priority_level = 'normal' THEN 2 ELSE 3 END),
  priority_score DESC, (coalesce(received_at, sent_at, created_at)), id);
