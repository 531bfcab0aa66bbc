import type { Actor } from '../auth/roles.ts';
import { AppError, type Issue } from '../http/errors.ts';
import type { Machine, Refusal, TransitionDef } from './machine.ts';

/** What one action is for one viewer now: allowed, or refused with every reason (the UI shows them). */
export interface ActionAvailability<A extends string> {
  action: A;
  allowed: boolean;
  reasons: Array<{ code: string; message: string; issues?: Issue[] }>;
}

/** The refusal for an action that is not defined from the current state. */
function notFromHere<S extends string, A extends string, E, C>(m: Machine<S, A, E, C>, state: S, action: A, allowedNow: readonly A[]): Refusal {
  const now = allowedNow.length ? `what you can do now: ${allowedNow.join(', ')}` : 'there is nothing you can do with it now';
  return { status: 409, code: 'state', message: `The ${m.label} is ${state}: "${action}" is not possible in that state (${now})` };
}

function refusalsOf<S extends string, A extends string, E, C>(t: TransitionDef<S, A, E, C>, actor: Actor, entity: E, ctx: C, onTransition: boolean): Refusal[] {
  const out: Refusal[] = [];
  for (const g of t.guards ?? []) {
    if (g.onTransitionOnly && !onTransition) continue;
    const r = g.check(actor, entity, ctx);
    if (r) out.push(r);
  }
  return out;
}

const reasonOf = (r: Refusal) => ({ code: r.code, message: r.message, ...(r.issues && { issues: r.issues }) });

/**
 * Every action of the machine for this actor and entity, in definition order: allowed, or not with the
 * reasons (the state, then each failing guard). Guards marked onTransitionOnly are not evaluated here.
 */
export function allowedActions<S extends string, A extends string, E, C>(m: Machine<S, A, E, C>, actor: Actor, entity: E, ctx: C): ActionAvailability<A>[] {
  const state = m.stateOf(entity);
  const defined = m.actions.map((action) => ({ action, t: m.find(state, action) }));
  const refusals = defined.map(({ action, t }) => ({ action, refusals: t ? refusalsOf(t, actor, entity, ctx, false) : null }));
  const allowedNow = refusals.filter((r) => r.refusals?.length === 0).map((r) => r.action);
  return refusals.map(({ action, refusals: rs }) => {
    const reasons = rs === null ? [notFromHere(m, state, action, allowedNow)] : rs;
    return { action, allowed: reasons.length === 0, reasons: reasons.map(reasonOf) };
  });
}

const DEFAULT_CODES: Record<Refusal['status'], string> = { 400: 'invalid_request', 403: 'forbidden', 409: 'conflict', 422: 'unprocessable' };

/** The error a refusal becomes when it stops a request. */
export class WorkflowRefusal extends AppError {
  constructor(readonly refusal: Refusal) {
    super(refusal.status, refusal.errorCode ?? DEFAULT_CODES[refusal.status], refusal.message, refusal.issues ?? []);
  }
}

/**
 * The action's definition from the entity's current state, every guard included; otherwise throws the
 * first refusal: 409 naming the state and what is possible instead when the action is not defined
 * there, or the first failing guard's own status (403, 409, 422…) and error code. `early`: a cheap
 * answer before costly work, leaving out the guards marked onTransitionOnly (transition() checks all).
 */
export function assertAllowed<S extends string, A extends string, E, C>(
  m: Machine<S, A, E, C>,
  actor: Actor,
  entity: E,
  ctx: C,
  action: A,
  opts: { early?: boolean } = {},
): TransitionDef<S, A, E, C> {
  const state = m.stateOf(entity);
  const t = m.find(state, action);
  if (!t) {
    const allowedNow = allowedActions(m, actor, entity, ctx).filter((a) => a.allowed).map((a) => a.action);
    throw new WorkflowRefusal(notFromHere(m, state, action, allowedNow));
  }
  const first = refusalsOf(t, actor, entity, ctx, !opts.early)[0];
  if (first) throw new WorkflowRefusal(first);
  return t;
}
