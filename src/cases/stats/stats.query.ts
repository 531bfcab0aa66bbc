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

/** The SQL expression each dimension groups on; measures and crime types are arrays, unnested (see LATERAL). */
const DIM_SQL: Record<Dimension, RawBuilder<unknown>> = {
  kind: sql`f.kind`,
  direction: sql`f.direction`,
  counterpart: sql`f.counterpart_state`,
  'regional-group': sql`f.counterpart_group`,
  measure: sql`m.v`,
  'legal-basis': sql`f.legal_basis`,
  'crime-type': sql`ct.v`,
  outcome: sql`f.outcome`,
  'refusal-ground': sql`f.refusal_ground`,
  channel: sql`f.channel`,
  month: sql`to_char(f.start_on, 'YYYY-MM')`,
  year: sql`to_char(f.start_on, 'YYYY')`,
};

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
  /** 1 for the total row of a query that also groups (grouping sets), else 0 or absent. */
  is_total?: number;
  k1?: string | null;
  k2?: string | null;
  count: number;
  closed: number;
  convention: number;
  outside: number;
  [duration: string]: number | string | null | undefined;
}

/** Can the total come from the same pass as the groups? Not when a dimension unnests (a case would count several times). */
export const totalInSamePass = (by: readonly Dimension[]) => by.length > 0 && !by.some((d) => d === 'measure' || d === 'crime-type');

/**
 * The aggregate of one State's facts, grouped by `by` (none: one row, the total; a case counted once). With
 * `withTotal` (see totalInSamePass) the total row comes from the same scan (GROUPING SETS), marked `is_total = 1`.
 */
export function aggregateSql(state: string, filters: StatsFilters, by: readonly Dimension[], withTotal = false): RawBuilder<AggregateRow> {
  const keys = by.map((d, i) => sql`${DIM_SQL[d]} AS ${sql.raw(`k${i + 1}`)}`);
  const joins = [
    ...(by.includes('measure') ? [unnest('measures', 'm')] : []),
    ...(by.includes('crime-type') ? [unnest('crime_types', 'ct')] : []),
  ];
  const figures = [
    sql`count(*)::int AS count`,
    sql`count(f.closed_on)::int AS closed`,
    sql`(count(*) FILTER (WHERE f.legal_basis = 'convention'))::int AS convention`,
    sql`(count(*) FILTER (WHERE f.outside_system))::int AS outside`,
    ...DURATION_COLUMNS.map(pct),
  ];
  const order = sql`ORDER BY ${sql.join(by.map((_, i) => sql.raw(`k${i + 1} NULLS LAST`)))}`;
  const exprs = sql.join(by.map((d) => DIM_SQL[d]));
  if (withTotal) figures.unshift(sql`GROUPING(${exprs}) AS is_total`);
  const groupBy = !by.length ? sql`` : withTotal ? sql`GROUP BY GROUPING SETS ((${exprs}), ()) ${order}` : sql`GROUP BY ${sql.join(by.map((_, i) => sql.raw(`k${i + 1}`)))} ${order}`;
  return sql<AggregateRow>`SELECT ${sql.join([...keys, ...figures])}
    FROM cases_stat_facts f ${sql.join(joins, sql` `)}
    WHERE ${where(state, filters)}
    ${groupBy}`;
}
