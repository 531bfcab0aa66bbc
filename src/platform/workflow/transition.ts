import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { Actor } from '../auth/roles.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { StaleVersionError, tryUpdateVersioned } from '../versioning.ts';
import { assertAllowed } from './allowed.ts';
import type { Machine } from './machine.ts';
import type { WorkflowTransitionsTable } from './workflow.tables.ts';
import './workflow.tables.ts';

/** A history row; its states are the machine's (only the machine writes them). */
export type TransitionRow<S extends string = string> = Omit<Selectable<WorkflowTransitionsTable>, 'from_state' | 'to_state'> & { from_state: S | null; to_state: S };

/** Who made a change, as the history keeps it (the name as it was then). */
function who(actor: Actor): { actor_id: string | null; actor_name: string; actor_state: string | null } {
  return actor.kind === 'user' ? { actor_id: actor.id, actor_name: actor.displayName, actor_state: actor.state } : { actor_id: null, actor_name: 'platform', actor_state: null };
}

export interface TransitionRequest<A extends string, E, C> {
  entity: E;
  action: A;
  actor: Actor;
  ctx: C;
  /** Why, in the actor's words or the system's (shown in the history). */
  reason?: string | null;
  /** Further columns the new state needs, written by the same UPDATE (finalised_at with 'finalised'). */
  set?: Record<string, unknown>;
  /** Bump the entity's version (default no: a state change is not an edit of its content). */
  bump?: boolean;
}

/**
 * Moves the entity along the machine, inside the caller's transaction: the action must be defined from
 * the entity's state and its guards hold (else the refusal, see assertAllowed); the new state is written
 * only if the row is still at the version and state the caller read (else 409, nothing written); and the
 * history row is appended in the same transaction, so a rolled-back change leaves no history.
 */
export async function transition<S extends string, A extends string, E, C>(
  trx: Transaction<Database>,
  m: Machine<S, A, E, C>,
  req: TransitionRequest<A, E, C>,
): Promise<{ row: Record<string, unknown>; entry: TransitionRow<S> }> {
  const t = assertAllowed(m, req.actor, req.entity, req.ctx, req.action);
  if (t.to === undefined) throw new Error(`${m.entityType}: "${req.action}" keeps the state; there is no transition to record`);
  const id = m.idOf(req.entity);
  const from = m.stateOf(req.entity);
  const version = m.versionOf(req.entity);
  const row = await tryUpdateVersioned(trx, m.table, {
    id,
    expectedVersion: version,
    bump: req.bump ?? false,
    set: { ...req.set, [m.stateColumn]: t.to },
    alsoWhere: { [m.stateColumn]: from },
  });
  if (!row) throw await lostRace(trx, m, id, from, version);
  const entry = await trx
    .insertInto('workflow_transitions')
    .values({ entity_type: m.entityType, entity_id: id, from_state: from, to_state: t.to, action: req.action, reason: req.reason ?? null, ...who(req.actor) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row: row as Record<string, unknown>, entry: entry as TransitionRow<S> };
}

/** The 409 for a row that moved on between the caller's read and the guarded UPDATE: which version, which state now. */
async function lostRace<S extends string, A extends string, E, C>(trx: Transaction<Database>, m: Machine<S, A, E, C>, id: string, from: S, version: number): Promise<Error> {
  const r = await sql<{ version: number; state: string }>`SELECT version, ${sql.ref(m.stateColumn)} AS state FROM ${sql.table(m.table)} WHERE id = ${id}`.execute(trx);
  const now = r.rows[0];
  if (!now) return new NotFoundError(`No ${m.label} ${id}`);
  if (now.version !== version) {
    return new StaleVersionError(`The ${m.label} changed since you read it (version ${now.version}, you had ${version}); reload it and try again`, now.version, version);
  }
  return new ConflictError(`The ${m.label} is ${now.state} now (it was ${from} when you read it); reload it and try again`);
}

/** The history row of an entity's creation (from no state into the machine's initial state). */
export async function recordCreation<S extends string, A extends string, E, C>(
  trx: Transaction<Database>,
  m: Machine<S, A, E, C>,
  req: { entity: E; action: string; actor: Actor; reason?: string | null },
): Promise<TransitionRow<S>> {
  return (await trx
    .insertInto('workflow_transitions')
    .values({ entity_type: m.entityType, entity_id: m.idOf(req.entity), from_state: null, to_state: m.initial, action: req.action, reason: req.reason ?? null, ...who(req.actor) })
    .returningAll()
    .executeTakeFirstOrThrow()) as TransitionRow<S>;
}

/** An entity's history, oldest first. */
export async function listTransitions<S extends string, A extends string, E, C>(db: Db | Transaction<Database>, m: Machine<S, A, E, C>, id: string): Promise<TransitionRow<S>[]> {
  return (await db.selectFrom('workflow_transitions').selectAll().where('entity_type', '=', m.entityType).where('entity_id', '=', id).orderBy('id').execute()) as TransitionRow<S>[];
}
