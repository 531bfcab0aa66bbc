import type { Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor, UserActor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { AppError, ValidationError, type Issue } from '../../platform/http/errors.ts';
import { stateExists } from '../../reference/reference.service.ts';
import { createCase, recordEvent, refreshDerived, type RecordableEvent } from '../cases.service.ts';
import { checkNewCase, toNewCase } from './case-import.case.ts';
import { at, badFile, readCaseFile, type ParsedCase } from './case-import.parse.ts';

/**
 * `palermo cases import FILE.csv --state ISO3`: registers a State's existing cases in bulk. The file is read and
 * every row checked first (case-import.parse.ts: every problem named by line and column); then, in ONE
 * transaction, each case is created and its timeline rebuilt through core's `createCase` / `recordEvent`, dated
 * when it happened — so the workflow machine checks every step, the timeline replays, and the priority, due
 * dates and statistics facts are computed as for a case registered by hand. Any refusal rolls everything back:
 * a file is imported whole or not at all. A dry run does all of it and rolls back.
 */

export interface CaseImportSummary {
  state: string;
  rows: number;
  created: number;
  events: number;
  /** How many cases end in each state (closed included). */
  byStatus: Record<string, number>;
  dryRun: boolean;
}

/** The operator acts as an officer of the State whose register it loads (the audit log names the operator). */
function importActor(operator: Actor, state: string): UserActor {
  if (operator.kind !== 'user') throw new AppError(403, 'forbidden', 'An import is run by a signed-in operator');
  return { ...operator, state, roles: ['officer'], displayName: `${operator.displayName} — import` };
}

const IMPORT_NOTE = 'Registered from the central authority’s register by a bulk import (palermo cases import): the entries before this one were rebuilt from it and are marked as imported';

/** Steps of one day are minutes apart, in the timeline's order (a register gives days, not times). */
const when = (day: string, index: number) => new Date(Date.parse(`${day}T09:00:00Z`) + index * 60_000);

const lineOf = (i: Issue) => Number(/^line (\d+)/.exec(i.path)?.[1] ?? 0);
const sortByLine = (issues: Issue[]) => issues.map((i, n) => ({ i, n })).sort((a, b) => lineOf(a.i) - lineOf(b.i) || a.n - b.n).map(({ i }) => i);

const today = () => new Date().toISOString().slice(0, 10);

async function checkAgainstDatabase(db: Db, state: string, cases: ParsedCase[]): Promise<Issue[]> {
  const issues: Issue[] = [];
  const known = new Map<string, boolean>();
  for (const c of cases) {
    const other = c.row.counterpart_state;
    if (!known.has(other)) known.set(other, await stateExists(db, other));
    if (!known.get(other)) issues.push({ path: at(c.line, 'counterpart_state'), message: `"${other}" is not a known State code` });
    else if (other === state) issues.push({ path: at(c.line, 'counterpart_state'), message: `must be another State than ${state}, whose cases these are` });
    for (const i of checkNewCase(toNewCase(c.row, c.plan))) issues.push({ path: at(c.line, i.column), message: i.message });
  }
  const refs = cases.map((c) => c.row.reference);
  for (let i = 0; i < refs.length; i += 1000) {
    const taken = await db.selectFrom('cases_cases').select('reference').where('owner_state', '=', state).where('reference', 'in', refs.slice(i, i + 1000)).execute();
    const set = new Set(taken.map((t) => t.reference));
    for (const c of cases.slice(i, i + 1000)) {
      if (set.has(c.row.reference)) issues.push({ path: at(c.line, 'reference'), message: `${state} already has a case "${c.row.reference}" (imported twice?)` });
    }
  }
  return issues;
}

/** One case: created on its first day, then each planned step dated; a refusal names the line and the column. */
async function importOne(trx: Transaction<Database>, actor: UserActor, c: ParsedCase, now: Date): Promise<{ status: string; events: number }> {
  const fail = (column: string, err: unknown): never => {
    if (!(err instanceof AppError)) throw err;
    const why = err.issues.length ? err.issues.map((i) => i.message).join('; ') : err.message;
    throw new ValidationError(`line ${c.line}: ${why}; nothing was imported`, [{ path: at(c.line, column), message: why }]);
  };
  let created;
  try {
    created = await createCase(trx, actor, toNewCase(c.row, c.plan), { occurredAt: when(c.plan.createdOn, 0), initialState: c.plan.createdState });
  } catch (err) {
    return fail('reference', err);
  }
  let status: string = created.status;
  for (const [i, s] of c.plan.steps.entries()) {
    // marked on the timeline as imported, and whether the register gave this step's date
    const body = { type: s.action, note: s.note, ...s.body, imported: true, ...(!s.dateKnown && { dateKnown: false }) } as unknown as RecordableEvent;
    try {
      status = (await recordEvent(trx, actor, created.id, body, { occurredAt: when(s.on, i + 1) })).case.status;
    } catch (err) {
      fail(s.column, err);
    }
  }
  // The last entry, dated now, says where the timeline came from (the 'created' entry cannot carry it).
  const note = { type: 'note', note: IMPORT_NOTE, imported: true, line: c.line } as unknown as RecordableEvent;
  await recordEvent(trx, actor, created.id, note, { occurredAt: now });
  await refreshDerived(trx, created.id, now); // priority and due steps as of today, not as of the last step's day
  return { status, events: c.plan.steps.length + 2 };
}

export async function importCases(db: Db, operator: Actor, stateCode: string, input: Buffer | string, opts: { dryRun?: boolean; today?: string } = {}): Promise<CaseImportSummary> {
  const state = stateCode.toUpperCase();
  if (!/^[A-Z]{3}$/.test(state) || !(await stateExists(db, state))) {
    throw new ValidationError(`"${stateCode}" is not a known State code`, [{ path: 'state', message: 'must be the ISO 3166-1 alpha-3 code of a State, such as FRA' }]);
  }
  const actor = importActor(operator, state);
  const { cases, issues } = readCaseFile(input, opts.today ?? today());
  issues.push(...(await checkAgainstDatabase(db, state, cases)));
  if (issues.length) throw badFile(sortByLine(issues));

  const now = new Date();
  const summary: CaseImportSummary = { state, rows: cases.length, created: 0, events: 0, byStatus: {}, dryRun: !!opts.dryRun };
  const DRY = Symbol('dry-run');
  try {
    await db.transaction().execute(async (trx) => {
      for (const c of cases) {
        const r = await importOne(trx, actor, c, now);
        summary.created++;
        summary.events += r.events;
        summary.byStatus[r.status] = (summary.byStatus[r.status] ?? 0) + 1;
      }
      if (opts.dryRun) throw DRY;
      await audit(trx, { actor: auditActor(operator), action: 'cases.import', targetType: 'cases_case', details: { ...summary } });
    });
  } catch (err) {
    if (err !== DRY) throw err;
  }
  return summary;
}
