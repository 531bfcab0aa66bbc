-- Which version of the reference seed (src/reference/data and the code that maps it) the tables hold: every
-- process start compares it with its own and loads the seed only when they differ (a fifth of a CLI command's
-- fixed cost was parsing and comparing the CSVs to find nothing to change). One row at most.
CREATE TABLE reference_seed (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  loaded_at   timestamptz NOT NULL DEFAULT now()
);
