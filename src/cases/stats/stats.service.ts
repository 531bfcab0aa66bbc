import type { Actor, UserActor } from '../../platform/auth/roles.ts';
import { audit, type AuditActor } from '../../platform/audit/audit.service.ts';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../platform/db/database.ts';
import { readSideBySide } from '../../platform/db/side-by-side.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import { csvFile, type CsvCell } from '../../platform/csv-write.ts';
import { STAGE_NAMES } from './stages.ts';
import { aggregateSql, type AggregateRow } from './stats.query.ts';
import * as repo from './stats.repository.ts';
import type { Dimension, Stats, StatsFilters, StatsGroup, StatsQuery } from './stats.schemas.ts';

/**
 * A State's own statistics on its cases (resolution 8/1: the form of assistance, the legal basis, the time taken):
 * counts, closed counts, the Convention's share, the cases handled outside the system, and processing times
 * (median and 90th percentile, days, paused time excluded) in total and per stage. Only an officer of the State
 * reads them: a practitioner sees only the cases assigned to them and the secretariat never per-case data, so
 * both are refused here whatever the route says (the routes let only officers in).
 */

export const METHOD =
  'Processing time: received (incoming) or sent (outgoing) to closed, and per stage, in days, without the time the case ' +
  'waited for additional information (art. 18(16)). Median and 90th percentile are percentile_cont (continuous, as ' +
  'a spreadsheet’s MEDIAN and PERCENTILE.INC). The period is on the received date (incoming) or sent date (outgoing). ' +
  'A case with several forms of assistance or crime types counts once in each of their groups.';

/** The State whose statistics this actor may read: an officer's own; anyone else none (403). */
export function statsStateOf(actor: Actor): string {
  if (actor.kind !== 'user' || !actor.roles.includes('officer') || !actor.state) {
    throw new ForbiddenError('Only the central authority’s officers of a State read its case statistics');
  }
  return actor.state;
}

const days = (seconds: unknown) => (seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 86400) * 100) / 100);

function dist(row: AggregateRow, col: string) {
  const [p50, p90] = (row[`${col}_pct`] as unknown as (number | null)[] | null) ?? [null, null];
  return { median: days(p50), p90: days(p90), n: Number(row[`${col}_n`] ?? 0) };
}

function toGroup(row: AggregateRow, by: readonly Dimension[]): StatsGroup {
  const keys: Record<string, string | null> = {};
  by.forEach((d, i) => (keys[d] = (row[`k${i + 1}`] as string | null | undefined) ?? null));
  return {
    keys,
    count: row.count,
    closed: row.closed,
    convention: row.convention,
    outside: row.outside,
    totalDays: dist(row, 'total_seconds'),
    stages: Object.fromEntries(STAGE_NAMES.map((s) => [s, dist(row, `${s}_seconds`)])) as StatsGroup['stages'],
  };
}

const filtersOf = (q: StatsFilters): Record<string, string> =>
  Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'by' && v !== undefined).map(([k, v]) => [k, String(v)]));

/** Computes one State's statistics (no access check, no audit: for the service's callers and the CLI). */
export async function computeStats(db: Db, state: string, query: StatsQuery): Promise<Stats> {
  const by = query.by ?? [];
  const { by: _by, ...filters } = query;
  // The total and the groups from one snapshot (they agree even while cases change), side by side on two
  // connections when one is free (platform/db/side-by-side.ts); sort memory for the percentiles' sorts of a busy
  // State's tens of thousands of durations, which would otherwise spill to disk (docs/PERFORMANCE.md).
  const totalOf = (trx: Transaction<Database>) => repo.aggregate(trx, aggregateSql(state, filters, []));
  const [[totalRow], rows] = by.length
    ? await readSideBySide(db, repo.sortMemory, totalOf, (trx) => repo.aggregate(trx, aggregateSql(state, filters, by)))
    : [await db.transaction().execute(async (trx) => (await repo.sortMemory(trx), totalOf(trx))), []];
  const total = toGroup(totalRow!, []);
  return {
    state,
    filters: filtersOf(filters),
    by,
    total,
    conventionShare: total.count ? Math.round((total.convention / total.count) * 10000) / 10000 : null,
    groups: rows.map((r) => toGroup(r, by)),
    method: METHOD,
  };
}

/** `GET /api/v1/cases/stats`: the officer's State's statistics; audited. */
export async function getStats(db: Db, actor: Actor, query: StatsQuery): Promise<Stats> {
  const state = statsStateOf(actor);
  const stats = await computeStats(db, state, query);
  await audit(db, { actor: actor as UserActor, action: 'cases.stats.read', targetType: 'cases_stats', targetId: state, details: { query: filtersOf(query), by: stats.by } });
  return stats;
}

export const CSV_HEADER = [
  'group_1', 'group_2', 'count', 'closed', 'convention', 'outside_system', 'total_days_median', 'total_days_p90', 'total_days_n',
  ...STAGE_NAMES.flatMap((s) => [`${s}_days_median`, `${s}_days_p90`, `${s}_days_n`]),
];

/** The same figures as CSV (platform/csv-write.ts): one line per group, then the total (group columns "(total)"). */
export function statsCsvText(stats: Stats): string {
  const line = (g: StatsGroup, label?: string): CsvCell[] => [
    label ?? (stats.by[0] ? g.keys[stats.by[0]] ?? '' : ''),
    label ?? (stats.by[1] ? g.keys[stats.by[1]] ?? '' : ''),
    g.count, g.closed, g.convention, g.outside, g.totalDays.median, g.totalDays.p90, g.totalDays.n,
    ...STAGE_NAMES.flatMap((s) => [g.stages[s].median, g.stages[s].p90, g.stages[s].n]),
  ];
  const header = [...CSV_HEADER];
  if (stats.by[0]) header[0] = stats.by[0];
  if (stats.by[1]) header[1] = stats.by[1];
  return csvFile(header, [...stats.groups.map((g) => line(g)), line(stats.total, '(total)')]);
}

/** `GET /api/v1/cases/stats.csv`: audited as an export. */
export async function exportStatsCsv(db: Db, actor: Actor, query: StatsQuery): Promise<{ fileName: string; text: string }> {
  const state = statsStateOf(actor);
  const stats = await computeStats(db, state, query);
  await audit(db, { actor: actor as UserActor, action: 'cases.stats.exported', targetType: 'cases_stats', targetId: state, details: { query: filtersOf(query), by: stats.by } });
  const period = [query.from, query.to].filter(Boolean).join('_');
  return { fileName: `case-statistics-${state}${period ? `-${period}` : ''}.csv`, text: statsCsvText(stats) };
}

/**
 * `palermo cases stats --state ISO3`: the operator of the instance reads one State's statistics (the instance is
 * the State's own; the command line has no session). Audited as a read by the operator, with the State named.
 */
export async function operatorStats(db: Db, operator: AuditActor | null, state: string, query: StatsQuery): Promise<Stats> {
  const stats = await computeStats(db, state, query);
  await audit(db, { actor: operator, action: 'cases.stats.read', targetType: 'cases_stats', targetId: state, details: { query: filtersOf(query), by: stats.by, via: 'cli' } });
  return stats;
}
