import type { Selectable, Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { AppError, ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import { drawEligibility } from '../../reference/reference.service.ts';
import { findCycle, replaceGroups } from '../config/config.service.ts';
import { settingsOf } from '../config/cycle-settings.ts';
import { canonicalJson, sha256Hex } from '../draw/canonical.ts';
import type { GroupDrawInputs, GroupDrawResult, RedrawRequest, ReviewerDrawInputs, ReviewerDrawResult } from '../draw/draw.types.ts';
import { drawGroups } from '../draw/groups.ts';
import { DrawInputError } from '../draw/selection.ts';
import { groupInputs, reviewerInputs } from '../draw/inputs.ts';
import { drawReviewers, REDRAWS_PER_REQUESTER } from '../draw/reviewers.ts';
import { DRAW_TARGET } from '../review.audit.ts';
import type { ReviewDrawsTable, ReviewRedrawsTable } from '../review.tables.ts';
import type { z } from 'zod';
import type { announceBody, DrawDto } from './draws.schemas.ts';
import './draws.tables.ts';

/**
 * Drawing of lots, as records. Announce: the inputs (pools and rules, from the reference data and the cycle's
 * settings) are built and stored with their SHA-256 and the seed's source — what is published before the draw.
 * Draw: the seed's value is applied, the result (a pure function of inputs and seed, review/draw/) stored with its
 * SHA-256; it never changes except through redraws (redraw.ts). Anyone can recompute it: the package and verify.
 */

type Conn = Db | Transaction<Database>;
export type DrawRow = Selectable<ReviewDrawsTable>;
type RedrawRow = Selectable<ReviewRedrawsTable>;

/** Redraws one requesting State may ask for one reviewed State before only exceptional ones are accepted (review/draw). */
export const REDRAW_LIMIT = REDRAWS_PER_REQUESTER;

/** What anyone needs to recompute a published draw: its inputs, seed, redraws and the result it claims. */
export interface DrawPackage {
  id: string;
  kind: 'reviewers' | 'groups';
  algorithm: string;
  seedSource: string;
  seed: string;
  inputs: unknown;
  inputsSha256: string;
  redraws: RedrawRequest[];
  result: unknown;
  resultSha256: string;
}

export const hashOf = (value: unknown) => sha256Hex(canonicalJson(value));
const today = () => new Date().toISOString().slice(0, 10);
const userId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);

export async function findDraw(db: Conn, id: string, opts: { forUpdate?: boolean } = {}): Promise<DrawRow> {
  let q = db.selectFrom('review_draws').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError(`No draw ${id}`);
  return row;
}

export async function redrawsOf(db: Conn, drawId: string): Promise<RedrawRow[]> {
  return db.selectFrom('review_redraws').selectAll().where('draw_id', '=', drawId).orderBy('seq').execute();
}

export const redrawRequest = (r: RedrawRow): RedrawRequest => ({
  reviewed: r.reviewed_iso3, slot: r.slot, replaced: r.replaced_iso3, requestedBy: r.requested_by_state, ...(r.exceptional ? { exceptional: true } : {}),
});

/** The result of a draw from its inputs, seed and redraws (pure: review/draw/). */
export function computeResult(kind: DrawRow['kind'], inputs: unknown, seed: string, redraws: readonly RedrawRequest[]): ReviewerDrawResult | GroupDrawResult {
  return kind === 'reviewers' ? drawReviewers(inputs as ReviewerDrawInputs, seed, redraws) : drawGroups(inputs as GroupDrawInputs, seed);
}

/** The draw functions refuse inputs they cannot use (DrawInputError): a 422 naming why. */
function buildInputs<T>(build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof DrawInputError) throw new AppError(422, 'unprocessable', `The cycle’s rules cannot make a draw: ${err.message}`, [{ path: 'body.cycleId', message: err.message }]);
    throw err;
  }
}

/** Announces a draw: builds and stores its inputs with their hash (published before the seed is known). */
export async function announceDraw(trx: Transaction<Database>, actor: Actor, body: z.infer<typeof announceBody>): Promise<DrawRow> {
  const cycle = await findCycle(trx, body.cycleId).catch(() => {
    throw new AppError(422, 'unprocessable', `No review cycle ${body.cycleId}`, [{ path: 'body.cycleId', message: 'no such cycle' }]);
  });
  const settings = settingsOf(cycle);
  const states = await drawEligibility(trx);
  const asOf = today();
  const inputs = buildInputs(() => body.kind === 'reviewers'
    ? reviewerInputs(states, {
      instrument: cycle.main_instrument, instruments: cycle.instruments, cap: settings.cap, mutual: settings.allowMutual,
      maxReviewers: settings.maxReviewers, pooling: settings.pooling, asOf,
    })
    : groupInputs(states, { instrument: cycle.main_instrument, groups: body.groups ?? 3, pooling: settings.pooling, asOf }));
  const row = await trx.insertInto('review_draws').values({
    cycle_id: cycle.id, kind: body.kind, algorithm: inputs.algorithm, seed_source: body.seedSource,
    inputs: JSON.stringify(inputs), inputs_sha256: hashOf(inputs), announced_by: userId(actor),
  }).returningAll().executeTakeFirstOrThrow();
  await audit(trx, {
    actor: auditActor(actor), action: 'review.draw.announced', targetType: DRAW_TARGET, targetId: row.id,
    details: { cycle: cycle.code, kind: body.kind, seedSource: body.seedSource, inputsSha256: row.inputs_sha256 },
  });
  return row;
}

/** Applies the seed to an announced draw; a groups draw sets the cycle's groups (start years one apart). */
export async function performDraw(trx: Transaction<Database>, actor: Actor, id: string, seed: string): Promise<DrawRow> {
  const draw = await findDraw(trx, id, { forUpdate: true });
  if (draw.status !== 'announced') throw new ConflictError(`Draw ${id} is ${draw.status}: only an announced draw can be drawn`);
  const result = computeResult(draw.kind, draw.inputs, seed, []);
  const row = await trx.updateTable('review_draws').set({
    status: 'drawn', seed, result: JSON.stringify(result), result_sha256: hashOf(result), drawn_by: userId(actor), drawn_at: new Date(),
    version: draw.version + 1,
  }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  if (draw.kind === 'groups' && draw.cycle_id) {
    const cycle = await findCycle(trx, draw.cycle_id);
    const groups = (result as GroupDrawResult).groups.map((g) => ({ group: g.group, startYear: cycle.start_year + g.group - 1, states: [...g.states].sort() }));
    await replaceGroups(trx, cycle.id, groups, id);
    await trx.updateTable('review_cycles').set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', cycle.id).execute();
  }
  await audit(trx, {
    actor: auditActor(actor), action: 'review.draw.drawn', targetType: DRAW_TARGET, targetId: id,
    details: { seed, inputsSha256: row.inputs_sha256, resultSha256: row.result_sha256 },
  });
  return row;
}

export async function cancelDraw(trx: Transaction<Database>, actor: Actor, id: string): Promise<DrawRow> {
  const draw = await findDraw(trx, id, { forUpdate: true });
  if (draw.status !== 'announced') throw new ConflictError(`Draw ${id} is ${draw.status}: only an announced draw can be cancelled`);
  const row = await trx.updateTable('review_draws').set({ status: 'cancelled', version: draw.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await audit(trx, { actor: auditActor(actor), action: 'review.draw.cancelled', targetType: DRAW_TARGET, targetId: id, details: { inputsSha256: draw.inputs_sha256 } });
  return row;
}

async function cyclesById(db: Conn, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; code: string; title: string }>();
  const rows = await db.selectFrom('review_cycles').select(['id', 'code', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function summary(r: DrawRow, cycles: Map<string, { id: string; code: string; title: string }>) {
  return {
    id: r.id, cycle: r.cycle_id ? cycles.get(r.cycle_id) ?? null : null, kind: r.kind, status: r.status, algorithm: r.algorithm,
    seedSource: r.seed_source, seed: r.seed, inputsSha256: r.inputs_sha256, resultSha256: r.result_sha256,
    announcedAt: r.announced_at.toISOString(), drawnAt: r.drawn_at?.toISOString() ?? null,
  };
}

export async function listDraws(db: Conn, query: { cycleId?: string }) {
  let q = db.selectFrom('review_draws').selectAll().orderBy('announced_at', 'desc').limit(500);
  if (query.cycleId) q = q.where('cycle_id', '=', query.cycleId);
  const rows = await q.execute();
  const cycles = await cyclesById(db, [...new Set(rows.flatMap((r) => (r.cycle_id ? [r.cycle_id] : [])))]);
  return { items: rows.map((r) => summary(r, cycles)) };
}

const byIso3 = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The public view of a draw: everything published, pairs in ISO3 order, redraws with who asked and why. */
export async function drawView(db: Conn, row: DrawRow): Promise<DrawDto> {
  const [cycles, redraws, users, groupRows] = await Promise.all([
    cyclesById(db, row.cycle_id ? [row.cycle_id] : []),
    redrawsOf(db, row.id),
    db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [row.announced_by ?? row.id, row.drawn_by ?? row.id]).execute(),
    row.cycle_id ? db.selectFrom('review_groups').select(['group_no', 'start_year']).where('cycle_id', '=', row.cycle_id).execute() : Promise.resolve([]),
  ]);
  const name = (id: string | null) => users.find((u) => u.id === id)?.display_name ?? null;
  const inputs = row.inputs as Partial<ReviewerDrawInputs & GroupDrawInputs>;
  const facts = inputs.states ?? [];
  // The pools as drawn: parties to the main instrument (the published inputs also list the others, never drawn).
  const drawable = facts.filter((s) => s.parties.includes(inputs.instrument ?? ''));
  const pools = [...new Set(drawable.map((s) => s.group))].sort(byIso3).map((group) => ({ group, states: drawable.filter((s) => s.group === group).map((s) => s.iso3).sort(byIso3) }));
  const result = row.result as (Partial<ReviewerDrawResult & GroupDrawResult>) | null;
  const counters = new Map<string, { reviewed: string; requestedBy: string; count: number; limit: number }>();
  for (const r of redraws) {
    const k = `${r.reviewed_iso3}/${r.requested_by_state}`;
    const c = counters.get(k) ?? { reviewed: r.reviewed_iso3, requestedBy: r.requested_by_state, count: 0, limit: REDRAW_LIMIT };
    c.count++;
    counters.set(k, c);
  }
  const startYear = new Map(groupRows.map((g) => [g.group_no, g.start_year]));
  return {
    ...summary(row, cycles),
    announcedBy: name(row.announced_by),
    drawnBy: name(row.drawn_by),
    asOf: inputs.asOf ?? null,
    pools,
    unknownStatus: facts.filter((s) => s.unknown.length).map((s) => ({ state: s.iso3, instruments: s.unknown })).sort((a, b) => byIso3(a.state, b.state)),
    pairs: [...(result?.pairs ?? [])].sort((a, b) => byIso3(a.reviewed, b.reviewed)),
    groups: (result?.groups ?? []).map((g) => ({ group: g.group, startYear: startYear.get(g.group) ?? null, states: [...g.states].sort(byIso3) })),
    excluded: [...(result?.excluded ?? inputs.excluded ?? [])].sort((a, b) => byIso3(a.state, b.state)),
    redraws: redraws.map((r) => ({
      seq: r.seq, reviewed: r.reviewed_iso3, slot: r.slot, replaced: r.replaced_iso3, new: r.new_iso3, requestedByState: r.requested_by_state,
      requestedByName: r.requested_by_name, reason: r.reason, exceptional: r.exceptional, exceptionReason: r.exception_reason, at: r.created_at.toISOString(),
    })),
    counters: [...counters.values()].sort((a, b) => byIso3(a.reviewed, b.reviewed) || byIso3(a.requestedBy, b.requestedBy)),
    version: row.version,
  };
}

/** A drawn draw's package (undefined when there is none or it is not drawn yet). */
export async function getDrawPackage(db: Db, id: string): Promise<DrawPackage | undefined> {
  const row = await db.selectFrom('review_draws').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status !== 'drawn' || row.seed === null || row.result_sha256 === null) return undefined;
  return {
    id: row.id, kind: row.kind, algorithm: row.algorithm, seedSource: row.seed_source, seed: row.seed, inputs: row.inputs, inputsSha256: row.inputs_sha256,
    redraws: (await redrawsOf(db, id)).map(redrawRequest), result: row.result, resultSha256: row.result_sha256,
  };
}

/** Recomputes a drawn draw server-side: OK, or what differs. */
export async function verifyDraw(db: Db, id: string) {
  const pkg = await getDrawPackage(db, id);
  if (!pkg) throw new NotFoundError(`No drawn draw ${id}`);
  const recomputed = computeResult(pkg.kind, pkg.inputs, pkg.seed, pkg.redraws);
  const inputs = { stored: pkg.inputsSha256, computed: hashOf(pkg.inputs) };
  const result = { stored: pkg.resultSha256, computed: hashOf(recomputed) };
  const differences: string[] = [];
  if (inputs.stored !== inputs.computed) differences.push('the inputs do not hash to the published SHA-256');
  if (result.computed !== hashOf(pkg.result)) differences.push('the stored result is not the one its SHA-256 was taken of');
  if (result.stored !== result.computed) {
    const stored = pkg.result as Partial<ReviewerDrawResult & GroupDrawResult>;
    const again = recomputed as Partial<ReviewerDrawResult & GroupDrawResult>;
    const key = (p: { reviewers: unknown }) => canonicalJson(p.reviewers);
    const storedPairs = new Map((stored.pairs ?? []).map((p) => [p.reviewed, key(p)]));
    for (const p of again.pairs ?? []) if (storedPairs.get(p.reviewed) !== key(p)) differences.push(`reviewers of ${p.reviewed} differ`);
    for (const g of again.groups ?? []) {
      const s = stored.groups?.find((x) => x.group === g.group);
      if (canonicalJson(s?.states ?? []) !== canonicalJson(g.states)) differences.push(`group ${g.group} differs`);
    }
    if (!differences.length) differences.push('the result differs from the recomputed one');
  }
  return { ok: differences.length === 0, inputs, result, differences };
}
