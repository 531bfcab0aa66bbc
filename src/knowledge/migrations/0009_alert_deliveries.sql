-- Saved-search alerts exactly once, and none missed.
--
-- "New since the last check" was "indexed with a higher sequence number", but a sequence number is taken
-- when a row is written, not when its transaction commits: a record whose transaction committed after a
-- check, with a number below one that check had already seen, was never announced. Now each index entry
-- carries the id of the transaction that wrote it (stamped by a trigger, whoever writes), each saved search
-- the snapshot of its last check, and "new" means "written by a transaction that snapshot could not see":
-- exactly what that check could not have announced, in whatever order it committed.
ALTER TABLE knowledge_search ADD COLUMN written_xid xid8 NOT NULL DEFAULT '0';
CREATE INDEX knowledge_search_written_idx ON knowledge_search (written_xid);

-- An UPDATE that sets written_xid itself keeps it: `palermo search rebuild` rewrites every entry from the records
-- and then gives each back the transaction that last wrote it, so a rebuild announces nothing already seen.
CREATE FUNCTION knowledge_search_stamp_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.written_xid IS DISTINCT FROM OLD.written_xid THEN
    RETURN NEW;
  END IF;
  NEW.written_xid := pg_current_xact_id();
  RETURN NEW;
END $$;
CREATE TRIGGER knowledge_search_stamp_writer BEFORE INSERT OR UPDATE ON knowledge_search
  FOR EACH ROW EXECUTE FUNCTION knowledge_search_stamp_writer();

ALTER TABLE saved_searches ADD COLUMN checked_snapshot pg_snapshot;

-- What each saved search has announced (or, for records that existed when it was saved, had no reason to):
-- the primary key is what makes a record announced once per search, even when two runs overlap or a run
-- is repeated after a failure. Written in the same transaction as the inbox message.
CREATE TABLE saved_search_deliveries (
  saved_search_id  uuid NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
  record_id        uuid NOT NULL REFERENCES knowledge_records(id) ON DELETE CASCADE,
  inbox_message_id bigint REFERENCES inbox_messages(id) ON DELETE SET NULL,
  delivered_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (saved_search_id, record_id)
);

-- E-mails for alerts, written with the inbox message and sent after it is committed: a failing mail server
-- costs a bounded number of retries of the e-mail, never a second inbox message.
CREATE TABLE alert_emails (
  id               bigserial PRIMARY KEY,
  inbox_message_id bigint NOT NULL UNIQUE REFERENCES inbox_messages(id) ON DELETE CASCADE,
  user_id          uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  recipient        text NOT NULL,
  subject          text NOT NULL,
  body             text NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  sent_at          timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_emails_pending_idx ON alert_emails (next_attempt_at) WHERE sent_at IS NULL;

-- Carry the saved searches over without losing or repeating anything: a search has seen exactly the entries
-- numbered up to its last_seq. Entries after the oldest last_seq are re-stamped by this transaction (the
-- trigger), every search's snapshot is one that cannot see this transaction (nor any still running), and
-- the entries a search had already seen are recorded as delivered to it.
UPDATE knowledge_search SET seq = seq WHERE seq > (SELECT min(last_seq) FROM saved_searches);
UPDATE saved_searches SET checked_snapshot = (
  pg_snapshot_xmin(pg_current_snapshot())::text || ':' || pg_snapshot_xmin(pg_current_snapshot())::text || ':')::pg_snapshot;
INSERT INTO saved_search_deliveries (saved_search_id, record_id)
SELECT s.id, k.record_id FROM saved_searches s JOIN knowledge_search k ON k.written_xid = pg_current_xact_id() AND k.seq <= s.last_seq;
ALTER TABLE saved_searches ALTER COLUMN checked_snapshot SET NOT NULL, DROP COLUMN last_seq;
