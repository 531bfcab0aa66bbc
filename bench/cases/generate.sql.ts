/**
 * The seeded generator of the case benchmark, in SQL (generate_series; a million cases in minutes, not hours).
 * One parameter row per case in an unlogged table (bench_gen), then the cases, their facts and their timelines
 * are each one INSERT … SELECT from it, so the three agree. setseed() fixes random() for the session: the same
 * seed gives the same cases (ids aside).
 *
 * Realism: ~190 reference States, the holder skewed (index ⌊n·u²⌋: the busiest State holds ~7 % of all cases, as a
 * few central authorities handle most requests); 65 % incoming; kinds skewed towards MLA; the Convention the basis
 * of ~35 %; 40 % registered by hand (outside the system); start dates spread over 2016–2025; one case in four waits
 * for additional information (10–60 days, paused); 80 % closed, the rest stopped at a random step. Incoming cases
 * follow received → acknowledge → registered → under review → (info requested ⇄ supplied) → accepted → passed →
 * in execution → executed → closed, or are refused after review (8 %); outgoing: preparing → ready → sent →
 * progress queries and the counterpart's reported status → closed. Eleven timeline entries a case when complete.
 */

export const PARAMS_SQL = (n: number, seed: number) => `
SELECT setseed(${seed});
DROP TABLE IF EXISTS bench_states, bench_gen, bench_steps;
CREATE UNLOGGED TABLE bench_states AS
  SELECT (row_number() OVER (ORDER BY iso3)) - 1 AS idx, iso3, regional_group FROM states WHERE kind = 'state' AND iso_assigned ORDER BY iso3;
CREATE UNLOGGED TABLE bench_gen AS
WITH ns AS (SELECT count(*)::int AS n FROM bench_states),
r AS (
  SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9,
         random() r10, random() r11, random() r12, random() r13, random() r14, random() r15
  FROM generate_series(1, ${n}) i
)
SELECT r.i,
  floor(ns.n * r.r1 * r.r1)::int AS owner_idx,
  ((floor(ns.n * r.r1 * r.r1)::int + 1 + floor((ns.n - 1) * r.r2)::int) % ns.n) AS cp_idx,
  CASE WHEN r.r3 < 0.65 THEN 'incoming' ELSE 'outgoing' END AS direction,
  CASE WHEN r.r3 >= 0.65 THEN 'out' WHEN r.r4 < 0.08 THEN 'in-refused' ELSE 'in-exec' END AS path,
  (ARRAY['mla','extradition','confiscation','transfer-of-sentenced-persons','transfer-of-proceedings','joint-investigation','law-enforcement'])[1 + floor(7 * power(r.r5, 2))::int] AS kind,
  CASE WHEN r.r6 < 0.35 THEN 'convention' WHEN r.r6 < 0.7 THEN 'treaty' WHEN r.r6 < 0.9 THEN 'reciprocity' ELSE 'domestic-law' END AS legal_basis,
  CASE WHEN r.r7 < 0.6 THEN 'platform' ELSE (ARRAY['post','courier','diplomatic','email','secure-electronic','interpol'])[1 + floor(6 * (r.r7 - 0.6) / 0.4)::int] END AS channel,
  (ARRAY['taking-evidence','service-of-documents','search-and-seizure','freezing','bank-records','video-link-hearing','identification-of-proceeds','information-and-expert-evaluations'])[1 + floor(8 * r.r8)::int:1 + floor(8 * r.r8)::int + floor(2 * r.r9)::int] AS measures,
  ARRAY[(ARRAY['money-laundering','drug-trafficking','fraud','trafficking-in-persons','corruption','cybercrime','participation-in-ocg','smuggling-of-migrants','firearms-trafficking','other'])[1 + floor(10 * r.r9)::int]] AS crime_types,
  timestamptz '2016-01-01 00:00Z' + (r.r10 * 3652) * interval '1 day' AS t0,
  0.5 + 9.5 * r.r11 AS reg, 5 + 55 * r.r12 AS rev, CASE WHEN r.r13 < 0.25 THEN 10 + 50 * r.r14 ELSE 0 END AS pause,
  1 + 9 * r.r14 AS tr, 10 + 190 * r.r15 AS exec, 10 * r.r13 AS cl, 1 + 20 * r.r4 AS prep,
  CASE WHEN r.r2 < 0.8 THEN 11 ELSE 1 + floor(10 * r.r12)::int END AS k,
  floor(100 * r.r8)::int AS priority
FROM r, ns;
`;

/** Offsets (days from t0) of the eleven entries, per path; and the template of entries (type, from, to). */
export const STEPS_SQL = `
CREATE UNLOGGED TABLE bench_steps (path text, seq int, type text, from_state text, to_state text, state_after text);
INSERT INTO bench_steps VALUES
 ('in-exec',1,'created',NULL,'received','received'), ('in-exec',2,'acknowledge',NULL,NULL,'received'),
 ('in-exec',3,'register','received','registered','registered'), ('in-exec',4,'start_review','registered','under_review','under_review'),
 ('in-exec',5,'request_info','under_review','info_requested','info_requested'), ('in-exec',6,'supply_info','info_requested','under_review','under_review'),
 ('in-exec',7,'accept','under_review','accepted','accepted'), ('in-exec',8,'pass_to_executing','accepted','passed','passed'),
 ('in-exec',9,'start_execution','passed','in_execution','in_execution'), ('in-exec',10,'execute','in_execution','executed','executed'),
 ('in-exec',11,'close','executed','closed','closed'),
 ('in-refused',1,'created',NULL,'received','received'), ('in-refused',2,'acknowledge',NULL,NULL,'received'),
 ('in-refused',3,'register','received','registered','registered'), ('in-refused',4,'start_review','registered','under_review','under_review'),
 ('in-refused',5,'request_info','under_review','info_requested','info_requested'), ('in-refused',6,'supply_info','info_requested','under_review','under_review'),
 ('in-refused',7,'consult',NULL,NULL,'under_review'), ('in-refused',8,'refuse','under_review','refused','refused'),
 ('in-refused',9,'note',NULL,NULL,'refused'), ('in-refused',10,'answer_query',NULL,NULL,'refused'), ('in-refused',11,'close','refused','closed','closed'),
 ('out',1,'created',NULL,'preparing','preparing'), ('out',2,'submit','preparing','ready','ready'), ('out',3,'send','ready','sent','sent'),
 ('out',4,'note',NULL,NULL,'sent'), ('out',5,'progress_query',NULL,NULL,'sent'), ('out',6,'record_counterpart_status',NULL,NULL,'sent'),
 ('out',7,'note',NULL,NULL,'sent'), ('out',8,'progress_query',NULL,NULL,'sent'), ('out',9,'record_counterpart_status',NULL,NULL,'sent'),
 ('out',10,'note',NULL,NULL,'sent'), ('out',11,'close','sent','closed','closed');
-- cumulative offsets in days; the pause sits between entries 5 and 6 (a case without one has a note there instead)
ALTER TABLE bench_gen ADD COLUMN o float8[];
UPDATE bench_gen SET o = CASE path
  WHEN 'out' THEN ARRAY[-prep, -prep * 0.2, 0, exec * 0.1, exec * 0.2, exec * 0.3, exec * 0.5, exec * 0.6, exec * 0.7, exec * 0.9, exec + cl]
  ELSE ARRAY[0, 0.5, reg, reg, reg + rev * 0.3, reg + rev * 0.3 + pause, reg + rev + pause, reg + rev + pause + tr, reg + rev + pause + tr,
             reg + rev + pause + tr + exec, reg + rev + pause + tr + exec + cl] END;
ALTER TABLE bench_gen ADD PRIMARY KEY (i);
ANALYZE bench_gen;
`;

const at = (slot: string) => `g.t0 + g.o[${slot}] * interval '1 day'`;

export const CASES_SQL = `
INSERT INTO cases_cases (id, owner_state, direction, kind, counterpart_state, reference, title, status, channel, legal_basis, legal_basis_article,
  measures, crime_types, priority_score, priority_level, received_at, sent_at, closed_at, paused_since, paused_seconds, outcome, refusal_ground, created_by_name, created_at)
SELECT md5('bench-case-' || g.i)::uuid, o.iso3, g.direction, g.kind, c.iso3, 'B-' || g.i, 'Benchmark case ' || g.i, s.state_after, g.channel, g.legal_basis,
  CASE WHEN g.legal_basis = 'convention' THEN 'UNTOC:18' END, g.measures, g.crime_types, g.priority,
  CASE WHEN g.priority >= 80 THEN 'urgent' WHEN g.priority >= 60 THEN 'high' WHEN g.priority >= 20 THEN 'normal' ELSE 'low' END,
  CASE WHEN g.direction = 'incoming' THEN g.t0 END,
  CASE WHEN g.direction = 'outgoing' AND g.k >= 3 THEN g.t0 END,
  CASE WHEN g.k = 11 THEN ${at('11')} END,
  CASE WHEN s.state_after = 'info_requested' AND g.pause > 0 THEN ${at('5')} END,
  CASE WHEN g.pause > 0 AND g.k >= 6 AND g.path <> 'out' THEN (g.pause * 86400)::bigint ELSE 0 END,
  CASE WHEN g.path = 'in-exec' AND g.k >= 10 THEN 'executed' WHEN g.path = 'in-refused' AND g.k >= 8 THEN 'refused' END,
  CASE WHEN g.path = 'in-refused' AND g.k >= 8 THEN 'dual-criminality' END,
  'benchmark', ${at('1')}
FROM bench_gen g
JOIN bench_states o ON o.idx = g.owner_idx
JOIN bench_states c ON c.idx = g.cp_idx
JOIN bench_steps s ON s.path = g.path AND s.seq = g.k
WHERE g.i BETWEEN $1 AND $2;
`;

/** Entries 5 and 6 of a case without a pause become a note and a progress query (no transition). */
export const EVENTS_SQL = `
INSERT INTO cases_events (case_id, seq, type, from_state, to_state, actor_name, actor_state, occurred_at)
SELECT md5('bench-case-' || g.i)::uuid, s.seq,
  CASE WHEN g.pause = 0 AND s.seq IN (5, 6) AND g.path <> 'out' THEN (CASE s.seq WHEN 5 THEN 'note' ELSE 'progress_query' END) ELSE s.type END,
  CASE WHEN g.pause = 0 AND s.seq IN (5, 6) AND g.path <> 'out' THEN NULL ELSE s.from_state END,
  CASE WHEN g.pause = 0 AND s.seq IN (5, 6) AND g.path <> 'out' THEN NULL ELSE s.to_state END,
  'benchmark', o.iso3, ${at('s.seq')}
FROM bench_gen g
JOIN bench_states o ON o.idx = g.owner_idx
JOIN bench_steps s ON s.path = g.path AND s.seq <= g.k
WHERE g.i BETWEEN $1 AND $2;
`;

const secs = (expr: string) => `round((${expr}) * 86400)::int`;

/** The facts as refreshCaseFacts would compute them from those timelines (paused time excluded). */
export const FACTS_SQL = `
INSERT INTO cases_stat_facts (case_id, owner_state, direction, kind, counterpart_state, counterpart_group, legal_basis, convention_article, measures,
  crime_types, channel, outside_system, status, outcome, refusal_ground, received_on, sent_on, closed_on, start_on, total_seconds,
  registration_seconds, review_seconds, transfer_seconds, execution_seconds, preparation_seconds)
SELECT c.id, c.owner_state, c.direction, c.kind, c.counterpart_state, cp.regional_group, c.legal_basis, c.legal_basis_article, c.measures,
  c.crime_types, c.channel, c.channel <> 'platform', c.status, c.outcome, c.refusal_ground,
  (c.received_at AT TIME ZONE 'UTC')::date, (c.sent_at AT TIME ZONE 'UTC')::date, (c.closed_at AT TIME ZONE 'UTC')::date,
  (coalesce(c.received_at, c.sent_at) AT TIME ZONE 'UTC')::date,
  CASE WHEN g.k = 11 THEN ${secs("g.o[11] - g.o[CASE WHEN g.path = 'out' THEN 3 ELSE 1 END] - CASE WHEN g.path = 'out' THEN 0 ELSE g.pause END")} END,
  CASE WHEN g.path <> 'out' AND g.k >= 3 THEN ${secs('g.reg')} END,
  CASE WHEN g.path = 'in-exec' AND g.k >= 7 THEN ${secs('g.rev')} WHEN g.path = 'in-refused' AND g.k >= 8 THEN ${secs('g.rev + g.tr')} END,
  CASE WHEN g.path = 'in-exec' AND g.k >= 8 THEN ${secs('g.tr')} END,
  CASE WHEN g.path = 'in-exec' AND g.k >= 10 THEN ${secs('g.exec')} END,
  CASE WHEN g.path = 'out' AND g.k >= 3 THEN ${secs('g.prep')} END
FROM bench_gen g
JOIN cases_cases c ON c.id = md5('bench-case-' || g.i)::uuid
JOIN bench_states cp ON cp.idx = g.cp_idx
WHERE g.i BETWEEN $1 AND $2;
`;
