-- The HTTP server keeps search answers in memory (knowledge/search.cache.ts) and drops them when what they are
-- built from changes: the search table (every indexed change of a record: text, access, links, retirement) and
-- the records' title and text (snippets and excerpts are read from them). Triggers, as for the directory (0032):
-- every writer notifies — the services, bulk loads, a rebuild, a restore's replay, an operator's SQL — and only
-- when its transaction commits (one notification per transaction and channel however many statements sent it).
CREATE FUNCTION knowledge_search_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('palermo_search', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER knowledge_search_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON knowledge_search
  FOR EACH STATEMENT EXECUTE FUNCTION knowledge_search_notify_change();
CREATE TRIGGER knowledge_records_text_notify AFTER UPDATE OF title, full_text OR DELETE OR TRUNCATE ON knowledge_records
  FOR EACH STATEMENT EXECUTE FUNCTION knowledge_search_notify_change();
