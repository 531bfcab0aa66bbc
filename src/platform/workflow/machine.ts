import type { Actor } from '../auth/roles.ts';
import type { Issue } from '../http/errors.ts';
import type { VersionedTable } from '../versioning.ts';

/**
 * A workflow as data: the states an entity goes through and the actions that move it, each allowed only
 * from some states and only when its guards hold. The API's allowed actions (allowedActions), the
 * transitions themselves (transition.ts), the UI's buttons, the diagrams in the docs (mermaid.ts) and the
 * tests (every state × action pair, testing.ts) are all derived from one definition, so they cannot drift
 * apart. Written by hand rather than with XState: we need guards with reasons, a history table and
 * optimistic concurrency in PostgreSQL, not an interpreter of hierarchical statecharts in memory.
 */

/** Why an action is refused. The status is what the HTTP answer is when the refusal stops a request. */
export interface Refusal {
  /** 403 who may not; 409 not in this state / not now; 422 the entity is incomplete; 400 where a module's contract says so. */
  status: 400 | 403 | 409 | 422;
  /** Stable, for the UI to translate: 'state', 'role', 'relationship', 'missing-fields', 'prior-action', or a guard's own. */
  code: string;
  message: string;
  /** The API error code when this refusal stops a request (default: forbidden, conflict, unprocessable, invalid_request). */
  errorCode?: string;
  /** Field paths (missing fields, failed checks), as in the API's error issues. */
  issues?: Issue[];
}

/** A condition on (actor, entity, context), with the refusal when it does not hold. */
export interface Guard<E, C> {
  /** What it demands, in a few words (shown in diagrams). */
  name: string;
  /**
   * Evaluated only when the transition is attempted, not when listing allowed actions: for conditions
   * that need fresh, costly data (a draft's checks against the directory). Listing treats it as holding.
   */
  onTransitionOnly?: boolean;
  check(actor: Actor, entity: E, ctx: C): Refusal | null;
}

export interface TransitionDef<S extends string, A extends string, E, C> {
  action: A;
  from: readonly S[];
  /**
   * The state after the action. Omitted for an action that keeps the state (edit, comment, duplicate):
   * the machine still decides in which states and for whom it is allowed, but nothing is recorded.
   */
  to?: S;
  guards?: readonly Guard<E, C>[];
}

export interface MachineDef<S extends string, A extends string, E, C> {
  /** The entity type as recorded in workflow_transitions and the audit log (e.g. 'drafting_draft'). */
  entityType: string;
  /** How people name the entity in messages ("draft"). */
  label: string;
  /** The table that holds the entity's state; it must have `id` and `version` (optimistic concurrency). */
  table: VersionedTable;
  /** The column holding the state. */
  stateColumn: string;
  states: readonly S[];
  initial: S;
  transitions: readonly TransitionDef<S, A, E, C>[];
  stateOf(entity: E): S;
  idOf(entity: E): string;
  versionOf(entity: E): number;
}

export interface Machine<S extends string, A extends string, E, C> extends MachineDef<S, A, E, C> {
  /** Every action, in definition order, once. */
  actions: readonly A[];
  /** The definition of `action` from `state`, if there is one. */
  find(state: S, action: A): TransitionDef<S, A, E, C> | undefined;
}

/** Builds a machine and checks it is well formed (a malformed machine fails at start-up, not in use). */
export function defineMachine<S extends string, A extends string, E, C>(def: MachineDef<S, A, E, C>): Machine<S, A, E, C> {
  const states = new Set<string>(def.states);
  if (states.size !== def.states.length) throw new Error(`${def.entityType}: a state is listed twice`);
  if (!states.has(def.initial)) throw new Error(`${def.entityType}: the initial state ${def.initial} is not a state`);
  const seen = new Set<string>();
  for (const t of def.transitions) {
    if (t.from.length === 0) throw new Error(`${def.entityType}: ${t.action} has no source state`);
    if (t.to !== undefined && !states.has(t.to)) throw new Error(`${def.entityType}: ${t.action} goes to unknown state ${t.to}`);
    for (const f of t.from) {
      if (!states.has(f)) throw new Error(`${def.entityType}: ${t.action} starts from unknown state ${f}`);
      const key = `${f}\u0000${t.action}`;
      if (seen.has(key)) throw new Error(`${def.entityType}: ${t.action} is defined twice from ${f}`);
      seen.add(key);
    }
  }
  const actions = [...new Set(def.transitions.map((t) => t.action))];
  return {
    ...def,
    actions,
    find: (state, action) => def.transitions.find((t) => t.action === action && t.from.includes(state)),
  };
}

// ---------- guards ----------

/** Only actors holding one of the roles (403). */
export function role<E, C>(roles: readonly string[], message: string): Guard<E, C> {
  return {
    name: `role: ${roles.join(' or ')}`,
    check: (actor) => (actor.kind === 'user' && actor.roles.some((r) => roles.includes(r)) ? null : { status: 403, code: 'role', message }),
  };
}

/** Only actors in a relationship to the entity (owner side, consulted State…); 403 unless said otherwise. */
export function relationship<E, C>(name: string, holds: (actor: Actor, entity: E, ctx: C) => boolean, message: string, status: Refusal['status'] = 403): Guard<E, C> {
  return { name, check: (actor, entity, ctx) => (holds(actor, entity, ctx) ? null : { status, code: 'relationship', message }) };
}

/** Fields that must be filled in: `missing` returns the paths of those that are not (422 unless said otherwise). */
export function requiredFields<E, C>(name: string, missing: (entity: E, ctx: C) => string[], message: string, status: Refusal['status'] = 422): Guard<E, C> {
  return {
    name,
    check: (_actor, entity, ctx) => {
      const paths = missing(entity, ctx);
      return paths.length === 0 ? null : { status, code: 'missing-fields', message, issues: paths.map((path) => ({ path, message })) };
    },
  };
}

/** The context's history of the entity must hold one of these actions already (409: not yet). */
export function priorAction<E, C extends { history: readonly { action: string }[] }>(actions: readonly string[], message: string): Guard<E, C> {
  return {
    name: `after ${actions.join(' or ')}`,
    check: (_actor, _entity, ctx) => (ctx.history.some((h) => actions.includes(h.action)) ? null : { status: 409, code: 'prior-action', message }),
  };
}
