import type { Actor, UserActor } from '../../platform/auth/roles.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Db } from '../../platform/db/database.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import { groupsOf } from '../../reference/reference.service.ts';
import * as repo from './stats.repository.ts';
import type { Combined, CombinedQuery, Submission, SubmissionBody, SubmittedCell } from './stats.schemas.ts';
import { computeStats, statsStateOf } from './stats.service.ts';
import { combineCells, suppressCell, THRESHOLD } from './suppression.ts';

/**
 * Aggregates shared with the secretariat (spec: "Shared with the secretariat only as aggregates the State chooses
 * to submit"). An officer submits its State's table for a period and grouping; the server computes it from the
 * facts and suppresses small cells before anything is stored, so per-case data never leaves the State. The
 * secretariat lists submissions (metadata) and reads them combined; officers read the combination too.
 */

type Row = Awaited<ReturnType<typeof repo.listSubmissions>>[number];

function toDto(r: Row, withCells: boolean): Submission {
  const cells = r.cells as SubmittedCell[];
  return {
    id: r.id,
    state: r.state_iso3,
    regionalGroup: r.regional_group,
    submittedBy: r.submitted_by_name,
    submittedAt: r.submitted_at.toISOString(),
    from: r.period_from,
    to: r.period_to,
    by: r.grouping,
    filters: r.filters,
    threshold: r.threshold,
    cellCount: cells.length,
    ...(withCells && { cells }),
  };
}

const isSecretariat = (a: Actor) => a.kind === 'user' && a.roles.includes('secretariat');

/** `POST /api/v1/cases/stats/submissions`: the officer's State's table, small cells suppressed, stored; audited. */
export async function submitAggregates(db: Db, actor: Actor, body: SubmissionBody): Promise<Submission> {
  const state = statsStateOf(actor);
  const user = actor as UserActor;
  const stats = await computeStats(db, state, { from: body.from, to: body.to, by: body.by, ...(body.direction && { direction: body.direction }) });
  const cells = stats.groups.map((g) => suppressCell(g, THRESHOLD));
  const [group] = await groupsOf(db, [state]);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertSubmission(trx, {
      state_iso3: state,
      regional_group: group ?? null,
      submitted_by: user.id,
      submitted_by_name: user.displayName,
      period_from: body.from,
      period_to: body.to,
      grouping: body.by,
      filters: body.direction ? { direction: body.direction } : {},
      cells,
      threshold: THRESHOLD,
    });
    await audit(trx, {
      actor: user, action: 'cases.stats.submitted', targetType: 'cases_stat_submission', targetId: row.id,
      details: { from: body.from, to: body.to, by: body.by, cells: cells.length, suppressed: cells.filter((c) => c.suppressed).length },
    });
    return toDto(row, true);
  });
}

/** `GET /api/v1/cases/stats/submissions`: an officer, its State's own (with cells); the secretariat, all (metadata). */
export async function listSubmissions(db: Db, actor: Actor): Promise<{ items: Submission[] }> {
  const secretariat = isSecretariat(actor);
  if (!secretariat) statsStateOf(actor);
  const state = secretariat ? null : (actor as UserActor).state!;
  const rows = await repo.listSubmissions(db, state);
  await audit(db, { actor: actor as UserActor, action: 'cases.stats.submissions_read', targetType: 'cases_stat_submission', targetId: state, details: { count: rows.length } });
  return { items: rows.map((r) => toDto(r, !secretariat)) };
}

export const COMBINED_METHOD =
  'Each State’s latest submission for exactly this period, grouping and direction filter. Counts are sums over the cells a State did not ' +
  'suppress (a cell under 5 cases adds nothing; suppressedStates says how many States had it suppressed; a sub-count ' +
  'under 5 is not shown and not summed). Medians cannot be combined exactly from aggregates: medianDays gives the ' +
  'range of the States’ medians and their median weighted by each State’s closed cases — not the median over all cases.';

/** `GET /api/v1/cases/stats/combined`: submissions combined across States (or per regional group); audited. */
export async function combinedStats(db: Db, actor: Actor, q: CombinedQuery): Promise<Combined> {
  if (!isSecretariat(actor)) statsStateOf(actor);
  if (actor.kind !== 'user') throw new ForbiddenError();
  const subs = await repo.latestSubmissionsFor(db, q.from, q.to, q.by, q.direction ? { direction: q.direction } : {});
  const cells = combineCells(subs.map((s) => ({ regionalGroup: s.regional_group, cells: s.cells as SubmittedCell[] })), q.across === 'regional-group');
  await audit(db, { actor, action: 'cases.stats.combined', targetType: 'cases_stat_submission', targetId: null, details: { from: q.from, to: q.to, by: q.by, direction: q.direction ?? null, across: q.across } });
  return { from: q.from, to: q.to, by: q.by, direction: q.direction ?? null, across: q.across, submissions: subs.length, cells, method: COMBINED_METHOD };
}
