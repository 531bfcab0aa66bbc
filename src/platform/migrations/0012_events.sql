-- Domain events (platform/events): what a module announces, written in the transaction of the change itself
-- (the outbox). Subscribers run as jobs; the job queue's own tables live in the `pgboss` schema, installed by
-- platform/jobs after the migrations and left out of backups (see platform/jobs/queue.ts).
CREATE TABLE platform_events (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type           text NOT NULL,
  -- What the event is about: 'draft' and the draft's id, say.
  aggregate_type text NOT NULL,
  aggregate_id   text NOT NULL,
  payload        jsonb NOT NULL,
  -- Who caused it (null for the system), with the name as it was then.
  actor_id       uuid,
  actor_name     text,
  occurred_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX platform_events_aggregate_idx ON platform_events (aggregate_type, aggregate_id, occurred_at);
CREATE INDEX platform_events_type_idx ON platform_events (type, occurred_at);

-- One row per (event, subscriber) once the subscriber has handled it, written in the subscriber's transaction:
-- a second delivery of the same event finds the row and does nothing.
CREATE TABLE platform_event_deliveries (
  event_id     uuid NOT NULL REFERENCES platform_events(id),
  subscriber   text NOT NULL,
  delivered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, subscriber)
);

-- The request writer's pending outgoing cases become draft.finalised events (same ids, so a case's id does not
-- change); the drafting-owned table goes.
INSERT INTO platform_events (id, type, aggregate_type, aggregate_id, payload, actor_id, actor_name, occurred_at)
SELECT id, 'draft.finalised', 'draft', draft_id::text,
       jsonb_build_object(
         'draftId', draft_id, 'reference', reference, 'requestingState', requesting_state,
         'requestedState', requested_state, 'kind', kind, 'legalBasis', legal_basis, 'measures', to_jsonb(measures),
         'urgent', urgent, 'deadline', deadline, 'draftVersion', draft_version, 'snapshot', snapshot),
       created_by, created_by_name, created_at
FROM drafting_pending_cases;
INSERT INTO platform_event_deliveries (event_id, subscriber, delivered_at)
SELECT id, 'cases.taken-over-before-events', created_at FROM drafting_pending_cases WHERE status = 'taken-over';
DROP TABLE drafting_pending_cases;
