import { sql, type RawBuilder } from 'kysely';
import type { Dimension, StatsFilters } from './stats.schemas.ts';
import { STAGE_NAMES } from './stages.ts';

/**
 * The one aggregate query of the statistics, as SQL over cases_stat_facts: one State's facts within the filters,
 * grouped by zero, one or two dimensions. Processing times are percentile_cont (the continuous percentile: the
 * median of an even number of cases is the mean of the two middle ones), which is what a spreadsheet's MEDIAN and
 * PERCENTILE.INC compute, so a State can check every figure against its CSV export by hand; percentile_disc would
 * report an actual case's time but make the median of 2 cases the shorter one.
 */

/**
 * The SQL expression each dimension groups on; measures and crime types are arrays, unnested (see LATERAL).
 * Codes group under the "C" collation (byte order, so PostgreSQL sorts them with abbreviated keys and memcmp):
 * under a libc collation such as the embedded server's C.UTF-8 every comparison of the grouping sort is a strcoll
 * call. Byte order is also the same on every server, whatever its default collation, so a table's rows come out in
 * the same order everywhere. Month and year group on the date truncated to the month or year, which is cheap per
 * row; the text ('2025-03', '2025') is written once per group (GROUP_KEY_SQL): to_char on every row was most of the
 * "by year" query at a million cases (docs/PERFORMANCE.md).
 */
const C = (col: string) => sql.raw(`${col} COLLATE "C"`);
const GROUP_SQL: Record<Dimension, RawBuilder<unknown>> = {
  kind: C('f.kind'),
  direction: C('f.direction'),
  counterpart: C('f.counterpart_state'),
  'regional-group': C('f.counterpart_group'),
  measure: C('m.v'),
  'legal-basis': C('f.legal_basis'),
  'crime-type': C('ct.v'),
  outcome: C('f.outcome'),
  'refusal-ground': C('f.refusal_ground'),
  channel: C('f.channel'),
  month: sql`date_trunc('month', f.start_on::timestamp)`,
  year: sql`date_trunc('year', f.start_on::timestamp)`,
};

/** The key a group is reported under: the grouping expression itself, or for a period its text. */
const GROUP_KEY_SQL = (d: Dimension): RawBuilder<unknown> =>
  d === 'month' ? sql`to_char(${GROUP_SQL.month}, 'YYYY-MM')` : d === 'year' ? sql`to_char(${GROUP_SQL.year}, 'YYYY')` : GROUP_SQL[d];

/** A case with no measure (or crime type) still counts once, under the key null. */
const unnest = (col: string, alias: string) =>
  sql.raw(`CROSS JOIN LATERAL unnest(CASE WHEN cardinality(f.${col}) = 0 THEN ARRAY[NULL]::text[] ELSE f.${col} END) AS ${alias}(v)`);

function where(state: string, f: StatsFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`f.owner_state = ${state}`];
  if (f.from) parts.push(sql`f.start_on >= ${f.from}::date`);
  if (f.to) parts.push(sql`f.start_on <= ${f.to}::date`);
  if (f.direction) parts.push(sql`f.direction = ${f.direction}`);
  if (f.kind) parts.push(sql`f.kind = ${f.kind}`);
  if (f.counterpart) parts.push(sql`f.counterpart_state = ${f.counterpart}`);
  if (f.regionalGroup) parts.push(sql`f.counterpart_group = ${f.regionalGroup}`);
  if (f.measure) parts.push(sql`${f.measure} = ANY (f.measures)`);
  if (f.legalBasis) parts.push(sql`f.legal_basis = ${f.legalBasis}`);
  if (f.crimeType) parts.push(sql`${f.crimeType} = ANY (f.crime_types)`);
  if (f.outcome) parts.push(sql`f.outcome = ${f.outcome}`);
  if (f.refusalGround) parts.push(sql`f.refusal_ground = ${f.refusalGround}`);
  if (f.channel) parts.push(sql`f.channel = ${f.channel}`);
  return sql.join(parts, sql` AND `);
}

// Both percentiles from one sort of the column (the array form), not one sort each: the sorts are the query's cost.
const pct = (col: string, as: string) =>
  sql.raw(`percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${col}) AS ${as}_pct, count(${col})::int AS ${as}_n`);

export const DURATION_COLUMNS = ['total_seconds', ...STAGE_NAMES.map((s) => `${s}_seconds`)];

/**
 * The durations' percentiles are split into this many shares, each aggregated by its own branch of one UNION ALL.
 * PostgreSQL cannot parallelise an ordered-set aggregate (percentile_cont has no partial form), but it runs whole
 * branches of a UNION ALL side by side (Parallel Append, each branch in one process), and the sorts behind the
 * percentiles are nearly all of a statistics query's time: on 2 cores the busiest State's slowest groupings take
 * about half as long (docs/PERFORMANCE.md). The branches are one statement, so they read one snapshot.
 */
export const SHARES = 2;
const SHARE_SIZE = Math.ceil(DURATION_COLUMNS.length / SHARES);
const shareColumns = (share: number) => DURATION_COLUMNS.slice(share * SHARE_SIZE, (share + 1) * SHARE_SIZE);

/** One group's figures (or the total's), the durations by column: [median, p90] (null: no duration) and how many. */
export interface AggregateRow {
  /** true for the total row (no grouping keys: every case of the filters once) */
  total: boolean;
  k1: string | null;
  k2: string | null;
  count: number;
  closed: number;
  convention: number;
  outside: number;
  durations: Record<string, { pct: (number | null)[] | null; n: number }>;
}

/** Can the total come from the same pass as the groups? Not when a dimension unnests (a case would count several times). */
export const totalInSamePass = (by: readonly Dimension[]) => by.length > 0 && !by.some((d) => d === 'measure' || d === 'crime-type');

/**
 * One branch: share `share` of the durations for one State's facts within the filters, grouped by `by` (none: one
 * row, the total, a case counted once); with `withTotal` (see totalInSamePass) the total row comes from the same
 * scan (GROUPING SETS). Every branch has the same columns: share, total flag, two keys, the counts, SHARE_SIZE
 * percentile pairs (d0…) — the service puts the shares back together by key.
 */
function branch(state: string, filters: StatsFilters, by: readonly Dimension[], share: number, withTotal: boolean): RawBuilder<unknown> {
  const exprs = sql.join(by.map((d) => GROUP_SQL[d]));
  const keys = [0, 1].map((i) => (by[i] ? sql`${GROUP_KEY_SQL(by[i])}::text AS ${sql.raw(`k${i + 1}`)}` : sql.raw(`NULL::text AS k${i + 1}`)));
  const joins = [
    ...(by.includes('measure') ? [unnest('measures', 'm')] : []),
    ...(by.includes('crime-type') ? [unnest('crime_types', 'ct')] : []),
  ];
  const cols = shareColumns(share);
  const figures = [
    sql.raw(`${share} AS share`),
    !by.length ? sql`true AS total` : withTotal ? sql`GROUPING(${exprs}) <> 0 AS total` : sql`false AS total`,
    ...keys,
    sql`count(*)::int AS count`,
    sql`count(f.closed_on)::int AS closed`,
    sql`(count(*) FILTER (WHERE f.legal_basis = 'convention'))::int AS convention`,
    sql`(count(*) FILTER (WHERE f.outside_system))::int AS outside`,
    ...Array.from({ length: SHARE_SIZE }, (_, i) => (cols[i] ? pct(cols[i], `d${i}`) : sql.raw(`NULL::float8[] AS d${i}_pct, 0 AS d${i}_n`))),
  ];
  const groupBy = !by.length ? sql`` : withTotal ? sql`GROUP BY GROUPING SETS ((${exprs}), ())` : sql`GROUP BY ${exprs}`;
  return sql`SELECT ${sql.join(figures)} FROM cases_stat_facts f ${sql.join(joins, sql` `)} WHERE ${where(state, filters)} ${groupBy}`;
}

/** A row of one branch: one share of a group's figures; d0_pct, d0_n, d1_pct… are the share's columns in order. */
type BranchRow = Omit<AggregateRow, 'durations'> & { share: number } & Record<`d${number}_pct`, (number | null)[] | null> & Record<`d${number}_n`, number>;

/**
 * The whole statistics query: the groups and the total, every share, as one statement. Rows come in the groups'
 * order: codes in byte order, periods in time order (their text, 'YYYY-MM', sorts so), a missing key last.
 */
export function statsSql(state: string, filters: StatsFilters, by: readonly Dimension[]): RawBuilder<BranchRow> {
  const inOne = totalInSamePass(by);
  const branches: RawBuilder<unknown>[] = [];
  for (let share = 0; share < SHARES; share++) {
    if (by.length) branches.push(branch(state, filters, by, share, inOne));
    if (!inOne) branches.push(branch(state, filters, [], share, false));
  }
  const union = sql.join(branches.map((b) => sql`(${b})`), sql` UNION ALL `);
  return sql<BranchRow>`SELECT * FROM (${union}) AS shares ORDER BY total, k1 COLLATE "C" NULLS LAST, k2 COLLATE "C" NULLS LAST, share`;
}

/** The shares of each group put back together: one AggregateRow per group, in order, and the total. */
export function joinShares(rows: readonly BranchRow[]): { total: AggregateRow; groups: AggregateRow[] } {
  const byKey = new Map<string, AggregateRow>();
  for (const r of rows) {
    const key = JSON.stringify([r.total, r.k1, r.k2]);
    let g = byKey.get(key);
    if (!g) {
      g = { total: r.total, k1: r.k1, k2: r.k2, count: r.count, closed: r.closed, convention: r.convention, outside: r.outside, durations: {} };
      byKey.set(key, g);
    }
    shareColumns(r.share).forEach((col, i) => (g.durations[col] = { pct: r[`d${i}_pct`] ?? null, n: Number(r[`d${i}_n`]) }));
  }
  const all = [...byKey.values()];
  const total = all.find((g) => g.total);
  if (!total) throw new Error('statistics query returned no total row');
  return { total, groups: all.filter((g) => !g.total) };
}
