-- Search at scale (see docs/PERFORMANCE.md): one array of keys per indexed record — every facet value as
-- 'facet:value' plus the month of its date as 'month:YYYY-MM' — and one GIN index over the text and the
-- keys. A query's text and all of its filters are then intersected inside a single index scan, which skips
-- through long posting lists instead of reading them whole; the month keys let the provider fetch only the
-- most recent slice of the matches of a common term; facets are counted from one array.

CREATE FUNCTION knowledge_search_keys(type text, lang text, access text, year integer, date date, states text[],
  groups text[], instruments text[], articles text[], clusters text[], crimes text[])
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['type:' || type, 'lang:' || lang, 'access:' || access]
    || CASE WHEN year IS NULL THEN '{}'::text[] ELSE ARRAY['year:' || year] END
    || CASE WHEN date IS NULL THEN '{}'::text[]
            ELSE ARRAY['month:' || lpad(extract(year FROM date)::int::text, 4, '0') || '-' || lpad(extract(month FROM date)::int::text, 2, '0')] END
    -- 'state:' || each element, without a subquery per row (values never contain the unit separator)
    || CASE WHEN cardinality(states) = 0 THEN '{}'::text[] ELSE string_to_array('state:' || array_to_string(states, E'\x1fstate:'), E'\x1f') END
    || CASE WHEN cardinality(groups) = 0 THEN '{}'::text[] ELSE string_to_array('group:' || array_to_string(groups, E'\x1fgroup:'), E'\x1f') END
    || CASE WHEN cardinality(instruments) = 0 THEN '{}'::text[]
            ELSE string_to_array('instrument:' || array_to_string(instruments, E'\x1finstrument:'), E'\x1f') END
    || CASE WHEN cardinality(articles) = 0 THEN '{}'::text[] ELSE string_to_array('article:' || array_to_string(articles, E'\x1farticle:'), E'\x1f') END
    || CASE WHEN cardinality(clusters) = 0 THEN '{}'::text[] ELSE string_to_array('cluster:' || array_to_string(clusters, E'\x1fcluster:'), E'\x1f') END
    || CASE WHEN cardinality(crimes) = 0 THEN '{}'::text[] ELSE string_to_array('crime:' || array_to_string(crimes, E'\x1fcrime:'), E'\x1f') END
$$;

ALTER TABLE knowledge_search ADD COLUMN keys text[] GENERATED ALWAYS AS (
  knowledge_search_keys(type, lang, access, year, date, states, groups, instruments, articles, clusters, crimes)) STORED;

-- The combined index replaces the text-only and facet-only ones; (type, year) is served by the keys too.
DROP INDEX knowledge_search_tsv_idx;
DROP INDEX knowledge_search_facets_idx;
DROP INDEX knowledge_search_type_idx;
CREATE INDEX knowledge_search_match_idx ON knowledge_search USING gin (tsv, keys);

-- The planner estimates how many rows a key matches, and the provider reads the date histogram to size
-- its slices: keep finer statistics than the default for these two (cheap) columns.
ALTER TABLE knowledge_search ALTER COLUMN tsv SET STATISTICS 1000;
ALTER TABLE knowledge_search ALTER COLUMN keys SET STATISTICS 300;
ALTER TABLE knowledge_search ALTER COLUMN sort_date SET STATISTICS 500;
