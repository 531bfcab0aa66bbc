-- What the daily refresh (src/cases/rules/refresh.job.ts) has told the holding State's officers: one row per step
-- of a case that became overdue and was notified. A step is keyed by its kind and, for a progress query, the
-- query's seq; `due_at` is the instant it fell due (an explained step's new estimate), so a step explained and
-- overdue again is told once more, and never twice for the same lapse.
CREATE TABLE cases_overdue_notices (
  case_id     uuid NOT NULL REFERENCES cases_cases(id),
  step        text NOT NULL,
  seq         integer NOT NULL DEFAULT 0,
  due_at      timestamptz NOT NULL,
  notified_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, step, seq, due_at)
);
