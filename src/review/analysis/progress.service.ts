import type { Actor } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { REVIEW_STAGES, type ReviewStage } from '../review.vocabulary.ts';
import type { Progress } from './analysis.schemas.ts';
import * as repo from './analysis.repository.ts';

/**
 * The progress of a cycle as counts (spec: "progress per State and per cycle … shown as progress, not as a
 * ranking"): reviews per stage, per start group and work-plan phase, and overdue steps counted. Numbers per stage,
 * never per State, so any signed-in user may read them; which State is late is the secretariat's and the States'
 * business inside each review.
 */

const stageZero = () => Object.fromEntries(REVIEW_STAGES.map((s) => [s, 0])) as Record<ReviewStage, number>;

export async function cycleProgress(db: Db, _actor: Actor, cycleId: string | undefined): Promise<Progress> {
  const cycle = cycleId ? await repo.cycleExists(db, cycleId) : null;
  if (cycleId && !cycle) throw new NotFoundError(`No review cycle ${cycleId}`);
  const rows = await repo.progressRows(db, cycleId);

  const byStage = new Map(REVIEW_STAGES.map((s) => [s, { stage: s, reviews: 0, overdue: 0 }]));
  const cells = new Map<string, Progress['byGroupPhase'][number]>();
  const overdue = { focalPoint: 0, answers: 0, feedback: 0 };
  for (const r of rows) {
    const stage = r.stage as ReviewStage;
    const late = r.overdue_focal_point + r.overdue_answers + r.overdue_feedback;
    overdue.focalPoint += r.overdue_focal_point;
    overdue.answers += r.overdue_answers;
    overdue.feedback += r.overdue_feedback;
    const s = byStage.get(stage);
    if (s) {
      s.reviews += 1;
      s.overdue += late;
    }
    const key = `${r.group_no ?? ''}|${r.phase ?? ''}`;
    const cell = cells.get(key) ?? { group: r.group_no, phase: r.phase, total: 0, overdue: 0, stages: stageZero() };
    cell.total += 1;
    cell.overdue += late;
    if (stage in cell.stages) cell.stages[stage] += 1;
    cells.set(key, cell);
  }
  // group, then phase; "not in a group" / "outside the plan" last
  const n = (x: number | null) => x ?? Number.MAX_SAFE_INTEGER;
  return {
    cycle: cycle ? { id: cycle.id, code: cycle.code, title: cycle.title } : null,
    total: rows.length,
    byStage: [...byStage.values()],
    byGroupPhase: [...cells.values()].sort((a, b) => n(a.group) - n(b.group) || n(a.phase) - n(b.phase)),
    overdue,
  };
}
