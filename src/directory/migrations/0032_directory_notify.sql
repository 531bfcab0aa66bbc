-- The HTTP server keeps routing answers in memory (directory/routing.cache.ts) and drops them when the directory
-- changes. A trigger rather than a call in each write path: every change — the service, an import, a restore's
-- replay, an operator's SQL — notifies, and only when its transaction commits (PostgreSQL delivers NOTIFY then,
-- once per transaction and channel however many statements sent it).
CREATE FUNCTION directory_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('palermo_directory', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER directory_authorities_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_authorities
  FOR EACH STATEMENT EXECUTE FUNCTION directory_notify_change();
CREATE TRIGGER directory_measures_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_measures
  FOR EACH STATEMENT EXECUTE FUNCTION directory_notify_change();
CREATE TRIGGER directory_notifications_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_notifications
  FOR EACH STATEMENT EXECUTE FUNCTION directory_notify_change();
