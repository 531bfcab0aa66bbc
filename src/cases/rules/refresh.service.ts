import type { Transaction } from 'kysely';
import type { Database, Db } from '../../platform/db/database.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { loadCaseRow, refreshDerived } from '../cases.service.ts';
import { sideOf } from '../cases.policy.ts';
import { dueSteps, effectiveDue, type TimelineEntry } from '../deadlines.ts';
import { overdueNotice } from './overdue.notices.ts';
import '../cases.tables.ts';
import './rules.tables.ts';

/**
 * What the scheduled jobs do (refresh.job.ts), callable directly (tests, a CLI): recompute the derived fields of
 * open cases, and tell the holding State's officers of steps that became overdue. Each case in its own short
 * transaction, so a run over many cases never holds locks long and one bad case does not stop the rest.
 */

const BATCH = 500;

/** Open cases' ids after `after`, in id order (keyset pages: stable while cases are added). */
async function openCaseIds(db: Db, after: string | null, opts: { dueBy?: Date } = {}): Promise<string[]> {
  let q = db.selectFrom('cases_cases').select('id').where('status', '<>', 'closed');
  if (opts.dueBy) q = q.where('next_due_at', '<=', opts.dueBy);
  if (after) q = q.where('id', '>', after);
  return (await q.orderBy('id').limit(BATCH).execute()).map((r) => r.id);
}

async function* pages(db: Db, signal: AbortSignal | undefined, opts: { dueBy?: Date } = {}) {
  let after: string | null = null;
  for (;;) {
    if (signal?.aborted) return;
    const ids = await openCaseIds(db, after, opts);
    if (ids.length === 0) return;
    yield ids;
    after = ids.at(-1)!;
  }
}

/** Recomputes priority and next due date of every open case as of `now`. Returns how many cases it refreshed. */
export async function refreshOpenCases(db: Db, now: Date, signal?: AbortSignal): Promise<number> {
  let n = 0;
  for await (const ids of pages(db, signal)) {
    for (const id of ids) {
      await db.transaction().execute((trx) => refreshDerived(trx, id, now));
      n++;
    }
  }
  return n;
}

/** The timeline as deadlines.ts reads it. */
async function timelineOf(db: Db | Transaction<Database>, caseId: string): Promise<TimelineEntry[]> {
  return db.selectFrom('cases_events').select(['seq', 'type', 'from_state', 'to_state', 'occurred_at', 'data', 'due_at', 'answers_seq'])
    .where('case_id', '=', caseId).orderBy('seq').execute();
}

export interface OverdueRun {
  /** Cases whose officers were told. */
  cases: number;
  /** Steps told (each once). */
  steps: number;
}

/**
 * For each open case with a step past due (next_due_at ≤ now), the steps overdue now that were not told yet: they
 * are remembered (cases_overdue_notices, keyed by the instant they fell due) and the State's officers told, in
 * one transaction. A step explained with a new estimate that lapses again falls due at another instant: told again.
 */
export async function notifyOverdue(db: Db, now: Date, signal?: AbortSignal): Promise<OverdueRun> {
  const run: OverdueRun = { cases: 0, steps: 0 };
  for await (const ids of pages(db, signal, { dueBy: now })) {
    for (const id of ids) {
      const told = await db.transaction().execute(async (trx) => {
        const c = await loadCaseRow(trx, id, { forUpdate: true });
        if (!c || c.status === 'closed') return 0;
        const overdue = dueSteps(c, await timelineOf(trx, id), now).filter((s) => s.overdue);
        const fresh: { step: string; dueAt: string }[] = [];
        for (const s of overdue) {
          const dueAt = new Date(effectiveDue(s));
          const inserted = await trx.insertInto('cases_overdue_notices')
            .values({ case_id: id, step: s.step, seq: s.seq ?? 0, due_at: dueAt })
            .onConflict((oc) => oc.doNothing())
            .returning('case_id')
            .executeTakeFirst();
          if (inserted) fresh.push({ step: s.step, dueAt: dueAt.toISOString() });
        }
        if (fresh.length === 0) return 0;
        await notify(trx, {
          kind: overdueNotice,
          recipients: { state: c.owner_state, roles: ['officer'] },
          params: { caseId: c.id, reference: c.reference, steps: fresh },
          link: `/cases/${c.id}`,
          only: (u) => sideOf(u, c) !== null,
        });
        return fresh.length;
      });
      if (told > 0) {
        run.cases++;
        run.steps += told;
      }
    }
  }
  return run;
}
