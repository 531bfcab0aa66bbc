-- The audit log's hash chain is extended after the audited change commits, not during it.
--
-- Until now an entry got its sequence number and hash inside the caller's transaction, under an advisory
-- lock held until that transaction committed: a long import held the lock for minutes and every audited
-- login waited behind it. Now the caller's transaction only inserts the entry, unchained (seq, prev_hash
-- and hash NULL) — atomic with the change, so a rolled-back change leaves no entry and a committed one
-- cannot lose its entry. A chainer (audit-chainer.ts) then gives committed entries their seq and hash in
-- one short transaction, in the order it finds them committed.

ALTER TABLE audit_log ADD COLUMN id bigserial;
ALTER TABLE audit_log ADD COLUMN actor_roles text[];   -- the roles the actor acted with (NULL: none recorded)
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (id);
ALTER TABLE audit_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_seq_key UNIQUE (seq);
-- Chained or not, all three together.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chained_whole
  CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL));
-- The chainer's work list: small (entries wait milliseconds), so finding "nothing to do" costs nothing.
CREATE INDEX audit_log_unchained_idx ON audit_log (id) WHERE seq IS NULL;

-- Still append-only: the one change allowed is chaining an unchained entry once, every other column kept.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END;
$$;
