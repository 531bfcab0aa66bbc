import type { Actor, Role } from './roles.ts';

/**
 * Who may call a route. Every route declares one (`config.policy`); the HTTP layer refuses to start
 * with a route that has none, and one hook enforces it before any handler runs. Finer, per-record
 * scoping (a State sees only its own data) is each module's policy, declared with `access.ts`.
 */
export type Policy =
  | { access: 'public' }
  | { access: 'authenticated' }
  | { access: 'roles'; roles: readonly Role[] };

export const PUBLIC: Policy = { access: 'public' };
export const AUTHENTICATED: Policy = { access: 'authenticated' };
export const rolesPolicy = (...roles: Role[]): Policy => ({ access: 'roles', roles });

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

export function decide(policy: Policy, actor: Actor): Decision {
  if (policy.access === 'public') return 'allow';
  if (actor.kind !== 'user') return 'unauthenticated';
  if (policy.access === 'authenticated') return 'allow';
  return policy.roles.some((r) => actor.roles.includes(r)) ? 'allow' : 'forbidden';
}
