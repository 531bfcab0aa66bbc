import { sql, type RawBuilder } from 'kysely';
import type { Dimension, StatsFilters } from './stats.schemas.ts';
import { STAGE_NAMES } from './stages.ts';

/**
 * The one aggregate query of the statistics, as SQL over cases_stat_facts (or cases_stat_items, see itemsOf): one
 * State's facts within the filters, grouped by zero, one or two dimensions. Processing times are percentile_cont
 * (the continuous percentile: the median of an even number of cases is the mean of the two middle ones), which is
 * what a spreadsheet's MEDIAN and PERCENTILE.INC compute, so a State can check every figure against its CSV export
 * by hand; percentile_disc would report an actual case's time but make the median of 2 cases the shorter one.
 */

/** The SQL expression each dimension groups on; measures and crime types are arrays, unnested (see LATERAL). */
const DIM_SQL: Record<Dimension, RawBuilder<unknown>> = {
  kind: sql`f.kind`,
  direction: sql`f.direction`,
  counterpart: sql`f.counterpart_state`,
  'regional-group': sql`f.counterpart_group`,
  measure: sql`m.v`, // from the unnested array, when the query is not on cases_stat_items by measure (itemsOf)
  'legal-basis': sql`f.legal_basis`,
  'crime-type': sql`ct.v`,
  outcome: sql`f.outcome`,
  'refusal-ground': sql`f.refusal_ground`,
  channel: sql`f.channel`,
  // Periods group on the date truncated, which costs little per row; their text ('2025-03', '2025') is written once
  // per group (keySql). to_char on every row was a third of "by year" at a million cases (docs/PERFORMANCE.md).
  month: sql`date_trunc('month', f.start_on::timestamp)`,
  year: sql`date_trunc('year', f.start_on::timestamp)`,
};

/**
 * A grouping on a form of assistance or a crime type reads cases_stat_items (migration 0031: one row per case and
 * item, in item order in its index) for the first such dimension; a second one, if any, is unnested as before.
 */
const ARRAY_DIMS = ['measure', 'crime-type'] as const;
type ArrayDim = (typeof ARRAY_DIMS)[number];
const itemsOf = (by: readonly Dimension[]): ArrayDim | undefined => by.find((d): d is ArrayDim => (ARRAY_DIMS as readonly string[]).includes(d));

/** The expression a dimension groups on in a query whose items dimension (if any) is `items`. */
const dimSql = (d: Dimension, items: ArrayDim | undefined): RawBuilder<unknown> => (d === items ? sql`f.value` : DIM_SQL[d]);

/** The key a group is reported under: the grouping expression, or for a period its text. */
const keySql = (d: Dimension, items: ArrayDim | undefined): RawBuilder<unknown> =>
  d === 'month' ? sql`to_char(${DIM_SQL.month}, 'YYYY-MM')` : d === 'year' ? sql`to_char(${DIM_SQL.year}, 'YYYY')` : dimSql(d, items);

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
const pct = (col: string) =>
  sql.raw(`percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${col}) AS ${col}_pct, count(${col})::int AS ${col}_n`);

export const DURATION_COLUMNS = ['total_seconds', ...STAGE_NAMES.map((s) => `${s}_seconds`)];

export interface AggregateRow {
  k1?: string | null;
  k2?: string | null;
  count: number;
  closed: number;
  convention: number;
  outside: number;
  [duration: string]: number | string | null | undefined;
}

/**
 * The aggregate of one State's facts, grouped by `by` (none: one row, the total; a case counted once). The total of
 * a grouped table is a query of its own (the service runs the two side by side): a GROUPING SETS total would count a
 * case once per measure or crime type when a dimension unnests, and two statements on two connections use two cores.
 */
export function aggregateSql(state: string, filters: StatsFilters, by: readonly Dimension[]): RawBuilder<AggregateRow> {
  const items = itemsOf(by);
  const keys = by.map((d, i) => sql`${keySql(d, items)} AS ${sql.raw(`k${i + 1}`)}`);
  const joins = [
    ...(by.includes('measure') && items !== 'measure' ? [unnest('measures', 'm')] : []),
    ...(by.includes('crime-type') && items !== 'crime-type' ? [unnest('crime_types', 'ct')] : []),
  ];
  const figures = [
    sql`count(*)::int AS count`,
    sql`count(f.closed_on)::int AS closed`,
    sql`(count(*) FILTER (WHERE f.legal_basis = 'convention'))::int AS convention`,
    sql`(count(*) FILTER (WHERE f.outside_system))::int AS outside`,
    ...DURATION_COLUMNS.map(pct),
  ];
  const exprs = sql.join(by.map((d) => dimSql(d, items)));
  // groups in key order (periods in time order: the truncated dates), a missing key last — for items, index order
  const groupBy = by.length ? sql`GROUP BY ${exprs} ORDER BY ${sql.join(by.map((d) => sql`${dimSql(d, items)} NULLS LAST`))}` : sql``;
  const source = items ? sql`cases_stat_items f` : sql`cases_stat_facts f`;
  const conditions = items ? sql`f.dimension = ${items} AND ${where(state, filters)}` : where(state, filters);
  return sql<AggregateRow>`SELECT ${sql.join([...keys, ...figures])}
    FROM ${source} ${sql.join(joins, sql` `)}
    WHERE ${conditions}
    ${groupBy}`;
}
