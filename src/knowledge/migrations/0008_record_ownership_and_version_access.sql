-- Knowledge records: who owns a record, and under which access each of its versions was published.

-- The State that owns a record (created it): with the secretariat, the only one that may change its access,
-- its list of States, or retire it. NULL: the secretariat's (created by the secretariat, an import or the
-- CLI); such a record concerning a single State is managed by that State's focal point too (see
-- knowledge.policy.ts). Existing records: the State of the account that created them, when that account
-- is a State's (a focal point) and not the secretariat's; every other record stays the secretariat's.
ALTER TABLE knowledge_records ADD COLUMN owner_state text;
UPDATE knowledge_records r SET owner_state = u.state_iso3
  FROM users u
 WHERE u.username = r.created_by AND u.state_iso3 IS NOT NULL AND NOT ('secretariat' = ANY (u.roles));

-- Each version keeps the access in force while it was the current one, so that making a State-only record
-- public does not publish its restricted history. Existing versions: the access recorded in their own
-- snapshot (every snapshot is the full record row as it was, access and access_state included); only a
-- snapshot without it (none is written so) would take the record's current access.
ALTER TABLE knowledge_record_versions ADD COLUMN access text, ADD COLUMN access_state text;
UPDATE knowledge_record_versions v
   SET access = COALESCE(v.snapshot->>'access', r.access),
       access_state = CASE WHEN v.snapshot ? 'access' THEN v.snapshot->>'access_state' ELSE r.access_state END
  FROM knowledge_records r
 WHERE r.id = v.record_id;

-- A writer that inserts a version without naming its access (bulk SQL) gets it from the snapshot.
CREATE FUNCTION knowledge_version_access() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.access IS NULL THEN
    NEW.access := NEW.snapshot->>'access';
    NEW.access_state := NEW.snapshot->>'access_state';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER knowledge_version_access BEFORE INSERT ON knowledge_record_versions
  FOR EACH ROW EXECUTE FUNCTION knowledge_version_access();

ALTER TABLE knowledge_record_versions
  ALTER COLUMN access SET NOT NULL,
  ADD CHECK (access IN ('public', 'practitioners', 'state')),
  ADD CHECK ((access = 'state') = (access_state IS NOT NULL));
