-- Append-only, hash-chained audit log. Each entry's hash covers its fields and the previous hash,
-- so `palermo audit verify` can name an edited, deleted or reordered entry.

CREATE TABLE audit_log (
  seq            bigint PRIMARY KEY CHECK (seq > 0),       -- gap-free: a missing number is a deleted entry
  at             timestamptz NOT NULL,
  actor_id       uuid,
  actor_username text,
  actor_state    text,
  action         text NOT NULL,
  target_type    text,
  target_id      text,
  outcome        text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  ip             text,
  details        jsonb NOT NULL DEFAULT '{}',
  prev_hash      text NOT NULL,
  hash           text NOT NULL
);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
