-- Workflow history (src/platform/workflow): one row per state change of any entity that follows a
-- state machine — who, when, from which state to which, by which action, and why. Append-only.
CREATE TABLE workflow_transitions (
  id          bigserial PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id   text NOT NULL,
  from_state  text,                       -- null: the entity was created (into the initial state)
  to_state    text NOT NULL,
  action      text NOT NULL,
  actor_id    uuid,                       -- null: the platform itself (e.g. this migration's backfill)
  actor_name  text NOT NULL,
  actor_state text CHECK (actor_state ~ '^[A-Z]{3}$'),
  at          timestamptz NOT NULL DEFAULT now(),
  reason      text CHECK (length(reason) <= 2000)
);
CREATE INDEX workflow_transitions_entity_idx ON workflow_transitions (entity_type, entity_id, id);

CREATE FUNCTION workflow_transitions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'workflow_transitions is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER workflow_transitions_no_update BEFORE UPDATE OR DELETE ON workflow_transitions
  FOR EACH ROW EXECUTE FUNCTION workflow_transitions_append_only();

-- ---------------------------------------------------------------------------------------------------
-- First consumer: the draft's own life (src/drafting/draft.workflow.ts): draft → shared → finalised.
-- "shared" (a consultation share with the requested State is open) becomes a stored state.
ALTER TABLE drafting_drafts DROP CONSTRAINT drafting_drafts_status_check;
ALTER TABLE drafting_drafts ADD CONSTRAINT drafting_drafts_status_check CHECK (status IN ('draft', 'shared', 'finalised'));

-- Finalising closes the consultation: shares still open on finalised drafts end at finalising.
UPDATE drafting_shares s
   SET ended_at = greatest(d.finalised_at, s.shared_at), ended_by = d.finalised_by, ended_by_name = d.finalised_by_name
  FROM drafting_drafts d
 WHERE d.id = s.draft_id AND d.status = 'finalised' AND s.ended_at IS NULL;

UPDATE drafting_drafts d SET status = 'shared'
 WHERE d.status = 'draft' AND EXISTS (SELECT 1 FROM drafting_shares s WHERE s.draft_id = d.id AND s.ended_at IS NULL);

-- History of the drafts written so far, from what their rows say: created (or duplicated), the share
-- open now, finalised. Marked as reconstructed so nobody takes it for a record made at the time.
INSERT INTO workflow_transitions (entity_type, entity_id, from_state, to_state, action, actor_id, actor_name, actor_state, at, reason)
SELECT 'drafting_draft', d.id::text, NULL, 'draft', CASE WHEN d.duplicated_from IS NULL THEN 'create' ELSE 'duplicate' END,
       d.created_by, d.created_by_name, d.owner_state, d.created_at, 'reconstructed from the draft (migration 0013)'
  FROM drafting_drafts d
 ORDER BY d.created_at, d.id;

INSERT INTO workflow_transitions (entity_type, entity_id, from_state, to_state, action, actor_id, actor_name, actor_state, at, reason)
SELECT 'drafting_draft', s.draft_id::text, 'draft', 'shared', 'share', s.shared_by, s.shared_by_name, d.owner_state, s.shared_at,
       'reconstructed from the open share (migration 0013)'
  FROM drafting_shares s JOIN drafting_drafts d ON d.id = s.draft_id
 WHERE s.ended_at IS NULL AND d.status = 'shared'
 ORDER BY s.shared_at, s.id;

INSERT INTO workflow_transitions (entity_type, entity_id, from_state, to_state, action, actor_id, actor_name, actor_state, at, reason)
SELECT 'drafting_draft', d.id::text, 'draft', 'finalised', 'finalise', d.finalised_by, coalesce(d.finalised_by_name, ''), d.owner_state, d.finalised_at,
       'reconstructed from the draft (migration 0013)'
  FROM drafting_drafts d
 WHERE d.status = 'finalised'
 ORDER BY d.finalised_at, d.id;
