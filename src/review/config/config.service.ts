import type { Selectable, Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { updateVersioned } from '../../platform/versioning.ts';
import { CYCLE_TARGET } from '../review.audit.ts';
import type { ReviewCyclesTable } from '../review.tables.ts';
import type { z } from 'zod';
import type { createCycleBody, CycleDto, groupsBody, patchCycleBody, planBody } from './config.schemas.ts';
import { defaultCycleSettings, mergeSettings, settingsOf } from './cycle-settings.ts';

/**
 * Review cycles as data: a cycle, its work plan (phases of clusters from a year offset) and its groups of States
 * (drawn by a groups draw, or set by hand when the Conference decided otherwise). Every change takes the version
 * the secretariat read (409 when stale) and is audited.
 */

type Conn = Db | Transaction<Database>;
export type CycleRow = Selectable<ReviewCyclesTable>;

export async function findCycle(db: Conn, id: string): Promise<CycleRow> {
  const row = await db.selectFrom('review_cycles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`No review cycle ${id}`);
  return row;
}

export async function listCycles(db: Conn) {
  const rows = await db.selectFrom('review_cycles').selectAll().orderBy('start_year', 'desc').orderBy('code').execute();
  return {
    items: rows.map((r) => ({
      id: r.id, code: r.code, title: r.title, mainInstrument: r.main_instrument, instruments: r.instruments, startYear: r.start_year, status: r.status, version: r.version,
    })),
  };
}

/** The public view of a cycle: settings, plan with its years, groups in ISO3 order, conditional articles. */
export async function cycleView(db: Conn, row: CycleRow): Promise<CycleDto> {
  const [phases, groups, members, clusters, conditional] = await Promise.all([
    db.selectFrom('review_plan_phases').selectAll().where('cycle_id', '=', row.id).orderBy('phase').execute(),
    db.selectFrom('review_groups').selectAll().where('cycle_id', '=', row.id).orderBy('group_no').execute(),
    db.selectFrom('review_group_members').selectAll().where('cycle_id', '=', row.id).orderBy('iso3').execute(),
    db.selectFrom('clusters').select(['code', 'names']).execute(),
    db.selectFrom('cluster_articles').select(['instrument_code', 'article', 'cluster_code', 'only_if_not_party_to'])
      .where('only_if_not_party_to', 'is not', null).where('instrument_code', 'in', row.instruments).orderBy('instrument_code').orderBy('article').execute(),
  ]);
  const names = new Map(clusters.map((c) => [c.code, c.names as Record<string, string>]));
  const conditionalArticles = [];
  for (const a of conditional) {
    // Parties to the cycle's main instrument that are not parties to the named one (UNCAC): they are reviewed on it.
    const states = await db.selectFrom('party_status as m').select('m.iso3')
      .where('m.instrument_code', '=', row.main_instrument).where('m.status', '=', 'party')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('party_status as o').select('o.iso3')
        .whereRef('o.iso3', '=', 'm.iso3').where('o.instrument_code', '=', a.only_if_not_party_to!).where('o.status', '=', 'party'))))
      .orderBy('m.iso3').execute();
    conditionalArticles.push({ instrument: a.instrument_code, article: a.article, cluster: a.cluster_code, onlyIfNotPartyTo: a.only_if_not_party_to!, states: states.map((s) => s.iso3) });
  }
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    mainInstrument: row.main_instrument,
    instruments: row.instruments,
    startYear: row.start_year,
    status: row.status,
    version: row.version,
    settings: settingsOf(row),
    plan: phases.map((p) => ({
      phase: p.phase,
      clusters: p.cluster_codes.map((c) => ({ code: c, names: names.get(c) ?? {} })),
      yearOffset: p.year_offset,
      years: p.years,
      fromYear: row.start_year + p.year_offset,
      toYear: row.start_year + p.year_offset + p.years - 1,
    })),
    groups: groups.map((g) => {
      const mine = members.filter((m) => m.group_no === g.group_no);
      return { group: g.group_no, startYear: g.start_year, states: mine.map((m) => m.iso3), drawId: mine[0]?.draw_id ?? null };
    }),
    conditionalArticles,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function assertInstruments(db: Conn, codes: readonly string[], path: string) {
  const known = new Set((await db.selectFrom('instruments').select('code').where('code', 'in', [...codes]).execute()).map((r) => r.code));
  const bad = codes.filter((c) => !known.has(c));
  if (bad.length) throw new ValidationError(`Unknown instrument ${bad.join(', ')}`, bad.map((c) => ({ path, message: `no instrument ${c}` })));
}

export async function createCycle(trx: Transaction<Database>, actor: Actor, body: z.infer<typeof createCycleBody>): Promise<CycleRow> {
  const instruments = [...new Set(body.instruments)];
  await assertInstruments(trx, [body.mainInstrument, ...instruments], 'body.instruments');
  if (!instruments.includes(body.mainInstrument)) throw new ValidationError('The main instrument must be among the cycle’s instruments', [{ path: 'body.instruments', message: `must include ${body.mainInstrument}` }]);
  const taken = await trx.selectFrom('review_cycles').select('id').where('code', '=', body.code).executeTakeFirst();
  if (taken) throw new ConflictError(`A cycle with code ${body.code} exists already`);
  const row = await trx.insertInto('review_cycles').values({
    code: body.code, title: body.title, main_instrument: body.mainInstrument, instruments, start_year: body.startYear,
    settings: JSON.stringify(body.settings ?? defaultCycleSettings), created_by: actor.kind === 'user' ? actor.id : null,
  }).returningAll().executeTakeFirstOrThrow();
  await audit(trx, { actor: auditActor(actor), action: 'review.cycle.created', targetType: CYCLE_TARGET, targetId: row.id, details: { code: row.code } });
  return row;
}

export async function patchCycle(trx: Transaction<Database>, actor: Actor, id: string, body: z.infer<typeof patchCycleBody>): Promise<CycleRow> {
  const current = await findCycle(trx, id);
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (body.title !== undefined) set.title = body.title;
  if (body.startYear !== undefined) set.start_year = body.startYear;
  if (body.status !== undefined) set.status = body.status;
  if (body.instruments !== undefined) {
    const instruments = [...new Set(body.instruments)];
    await assertInstruments(trx, instruments, 'body.instruments');
    if (!instruments.includes(current.main_instrument)) throw new ValidationError('The main instrument must stay among the cycle’s instruments', [{ path: 'body.instruments', message: `must include ${current.main_instrument}` }]);
    set.instruments = instruments;
  }
  if (body.settings !== undefined) set.settings = JSON.stringify(mergeSettings(settingsOf(current), body.settings));
  const row = await updateVersioned(trx, 'review_cycles', { id, expectedVersion: body.version, set, what: 'review cycle' });
  await audit(trx, { actor: auditActor(actor), action: 'review.cycle.updated', targetType: CYCLE_TARGET, targetId: id, details: { what: 'settings', fields: Object.keys(body).filter((k) => k !== 'version') } });
  return row;
}

/** The work plan: phases numbered 1…n, clusters from the reference data, each once, phases following each other. */
export async function putPlan(trx: Transaction<Database>, actor: Actor, id: string, body: z.infer<typeof planBody>): Promise<CycleRow> {
  await findCycle(trx, id);
  const phases = [...body.phases].sort((a, b) => a.phase - b.phase);
  const issues: Array<{ path: string; message: string }> = [];
  const known = new Set((await trx.selectFrom('clusters').select('code').execute()).map((c) => c.code));
  const seen = new Set<string>();
  phases.forEach((p, i) => {
    const at = `body.phases.${body.phases.indexOf(p)}`;
    if (p.phase !== i + 1) issues.push({ path: `${at}.phase`, message: `phases are numbered 1 to ${phases.length} without gaps` });
    for (const c of p.clusters) {
      if (!known.has(c)) issues.push({ path: `${at}.clusters`, message: `no cluster ${c}` });
      else if (seen.has(c)) issues.push({ path: `${at}.clusters`, message: `${c} is in two phases` });
      seen.add(c);
    }
    const prev = phases[i - 1];
    if (prev && p.yearOffset < prev.yearOffset + prev.years) {
      issues.push({ path: `${at}.yearOffset`, message: `phase ${p.phase} starts (offset ${p.yearOffset}) before phase ${prev.phase} ends (offset ${prev.yearOffset} + ${prev.years} years)` });
    }
  });
  if (issues.length) throw new ValidationError('The work plan is not consistent', issues);
  const row = await updateVersioned(trx, 'review_cycles', { id, expectedVersion: body.version, set: { updated_at: new Date() }, what: 'review cycle' });
  await trx.deleteFrom('review_plan_phases').where('cycle_id', '=', id).execute();
  if (phases.length) {
    await trx.insertInto('review_plan_phases').values(phases.map((p) => ({ cycle_id: id, phase: p.phase, cluster_codes: p.clusters, year_offset: p.yearOffset, years: p.years }))).execute();
  }
  await audit(trx, { actor: auditActor(actor), action: 'review.cycle.updated', targetType: CYCLE_TARGET, targetId: id, details: { what: 'plan', phases: phases.length } });
  return row;
}

export interface GroupSetting { group: number; startYear: number; states: string[] }

/** Replaces a cycle's groups (from a groups draw: drawId; by hand: null). */
export async function replaceGroups(trx: Transaction<Database>, cycleId: string, groups: readonly GroupSetting[], drawId: string | null): Promise<void> {
  await trx.deleteFrom('review_group_members').where('cycle_id', '=', cycleId).execute();
  await trx.deleteFrom('review_groups').where('cycle_id', '=', cycleId).execute();
  await trx.insertInto('review_groups').values(groups.map((g) => ({ cycle_id: cycleId, group_no: g.group, start_year: g.startYear }))).execute();
  const members = groups.flatMap((g) => g.states.map((iso3) => ({ cycle_id: cycleId, iso3, group_no: g.group, draw_id: drawId })));
  if (members.length) await trx.insertInto('review_group_members').values(members).execute();
}

/** Groups set by hand (the Conference decided otherwise than the draw): numbered 1…n, each State in one group. */
export async function putGroups(trx: Transaction<Database>, actor: Actor, id: string, body: z.infer<typeof groupsBody>): Promise<CycleRow> {
  await findCycle(trx, id);
  const groups = [...body.groups].sort((a, b) => a.group - b.group);
  const issues: Array<{ path: string; message: string }> = [];
  const all = groups.flatMap((g) => g.states);
  const known = new Set(all.length ? (await trx.selectFrom('states').select('iso3').where('iso3', 'in', all).execute()).map((s) => s.iso3) : []);
  const seen = new Set<string>();
  groups.forEach((g, i) => {
    const at = `body.groups.${body.groups.indexOf(g)}`;
    if (g.group !== i + 1) issues.push({ path: `${at}.group`, message: `groups are numbered 1 to ${groups.length} without gaps` });
    for (const s of g.states) {
      if (!known.has(s)) issues.push({ path: `${at}.states`, message: `no State ${s}` });
      else if (seen.has(s)) issues.push({ path: `${at}.states`, message: `${s} is in two groups` });
      seen.add(s);
    }
  });
  if (issues.length) throw new ValidationError('The groups are not consistent', issues);
  const row = await updateVersioned(trx, 'review_cycles', { id, expectedVersion: body.version, set: { updated_at: new Date() }, what: 'review cycle' });
  await replaceGroups(trx, id, groups.map((g) => ({ ...g, states: [...new Set(g.states)].sort() })), null);
  await audit(trx, { actor: auditActor(actor), action: 'review.cycle.updated', targetType: CYCLE_TARGET, targetId: id, details: { what: 'groups', by: 'hand', groups: groups.length } });
  return row;
}
