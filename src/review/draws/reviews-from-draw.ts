import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, ConflictError } from '../../platform/http/errors.ts';
import { findCycle } from '../config/config.service.ts';
import type { ReviewerDrawInputs, ReviewerDrawResult } from '../draw/draw.types.ts';
import { REVIEW_TARGET } from '../review.audit.ts';
import type { reviewsFromDrawBody } from './draws.schemas.ts';
import { findDraw } from './draws.service.ts';

/**
 * The reviews of one phase from a reviewers' draw: for each pair (of one group's States, when given), one review per
 * cluster of the phase, with the pair's reviewers. Instruments: the cycle's the reviewed State is party to (as the
 * draw's published inputs recorded). Started on 1 January of the phase's first year (the State's group start year +
 * the phase's offset) unless a date is given. Idempotent: a review that exists (UNIQUE cycle, State, cluster) stays.
 */

const unprocessable = (path: string, message: string) => new AppError(422, 'unprocessable', message, [{ path: `body.${path}`, message }]);

export async function createReviewsFromDraw(trx: Transaction<Database>, actor: Actor, cycleId: string, body: z.infer<typeof reviewsFromDrawBody>) {
  const cycle = await findCycle(trx, cycleId);
  const draw = await findDraw(trx, body.drawId).catch(() => {
    throw unprocessable('drawId', `No draw ${body.drawId}`);
  });
  if (draw.cycle_id !== cycle.id) throw unprocessable('drawId', `Draw ${draw.id} is not a draw of cycle ${cycle.code}`);
  if (draw.kind !== 'reviewers') throw unprocessable('drawId', 'Reviews come from a reviewers’ draw, not a groups draw');
  if (draw.status !== 'drawn') throw new ConflictError(`Draw ${draw.id} is ${draw.status}: reviews come from a drawn draw`);
  const phase = await trx.selectFrom('review_plan_phases').selectAll().where('cycle_id', '=', cycle.id).where('phase', '=', body.phase).executeTakeFirst();
  if (!phase) throw unprocessable('phase', `Cycle ${cycle.code} has no phase ${body.phase} in its work plan`);
  const [groups, members] = await Promise.all([
    trx.selectFrom('review_groups').selectAll().where('cycle_id', '=', cycle.id).execute(),
    trx.selectFrom('review_group_members').selectAll().where('cycle_id', '=', cycle.id).execute(),
  ]);
  if (body.group !== undefined && !groups.some((g) => g.group_no === body.group)) throw unprocessable('group', `Cycle ${cycle.code} has no group ${body.group}`);
  const groupOf = new Map(members.map((m) => [m.iso3, m.group_no]));
  const startOf = new Map(groups.map((g) => [g.group_no, g.start_year]));
  const facts = new Map((draw.inputs as ReviewerDrawInputs).states.map((s) => [s.iso3, s]));
  const pairs = (draw.result as ReviewerDrawResult).pairs
    .filter((p) => body.group === undefined || groupOf.get(p.reviewed) === body.group)
    .sort((a, b) => (a.reviewed < b.reviewed ? -1 : 1));

  const out: Array<{ id: string; reviewed: string; cluster: string; startedOn: string; created: boolean }> = [];
  for (const pair of pairs) {
    const group = groupOf.get(pair.reviewed);
    const startYear = (group !== undefined ? startOf.get(group) : undefined) ?? cycle.start_year;
    const startedOn = body.startedOn ?? `${startYear + phase.year_offset}-01-01`;
    const parties = new Set(facts.get(pair.reviewed)?.parties ?? []);
    const instruments = cycle.instruments.filter((i) => parties.has(i));
    for (const cluster of phase.cluster_codes) {
      const inserted = await trx.insertInto('reviews').values({
        cycle_id: cycle.id, reviewed_iso3: pair.reviewed, cluster_code: cluster, instruments, draw_id: draw.id, started_on: startedOn,
      }).onConflict((oc) => oc.columns(['cycle_id', 'reviewed_iso3', 'cluster_code']).doNothing()).returning(['id', 'started_on']).executeTakeFirst();
      if (!inserted) {
        const existing = await trx.selectFrom('reviews').select(['id', 'started_on']).where('cycle_id', '=', cycle.id)
          .where('reviewed_iso3', '=', pair.reviewed).where('cluster_code', '=', cluster).executeTakeFirstOrThrow();
        out.push({ id: existing.id, reviewed: pair.reviewed, cluster, startedOn: String(existing.started_on).slice(0, 10), created: false });
        continue;
      }
      if (pair.reviewers.length) {
        await trx.insertInto('review_reviewers').values(pair.reviewers.map((r) => ({ review_id: inserted.id, state_iso3: r.state, slot: r.slot, instruments: r.instruments }))).execute();
      }
      await audit(trx, {
        actor: auditActor(actor), action: 'review.review.created', targetType: REVIEW_TARGET, targetId: inserted.id,
        details: { cycle: cycle.code, reviewed: pair.reviewed, cluster, draw: draw.id, phase: body.phase, reviewers: pair.reviewers.map((r) => r.state) },
      });
      out.push({ id: inserted.id, reviewed: pair.reviewed, cluster, startedOn, created: true });
    }
  }
  return { created: out.filter((r) => r.created).length, existing: out.filter((r) => !r.created).length, reviews: out };
}
