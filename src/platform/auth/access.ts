import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../http/errors.ts';
import type { Actor } from './roles.ts';

/**
 * One access API for record-level rules. Each module declares, in its policy file, what an actor may do
 * with one of its resources (`definePolicy`): a rule per action, the reason shown when it is refused, and
 * — for the actions lists are filtered by — the same rule as a SQL condition, so that a list never shows
 * what `can` would refuse (each module's agreement test checks both on a table of actors × records).
 * Route-level checks (who may call a route at all) stay in `policy.ts`; platform knows no module.
 */

/** A column of the table a list is filtered on, qualified by its alias when one is given. */
export type Column<C extends string> = (name: C) => RawBuilder<unknown>;
export type Rule<R> = (actor: Actor, resource: R) => boolean;
export type SqlRule<C extends string> = (actor: Actor, col: Column<C>) => Expression<SqlBool>;

export interface PolicyDefinition<R, A extends string, C extends string> {
  /** What the resource is called in a 404: "No record <id>". */
  noun: string;
  /** Its id, for that 404 message. */
  idOf: (resource: R) => string;
  rules: { [K in A]: Rule<R> };
  /** Why each action is refused, as the 403 says it. */
  refusals: { [K in NoInfer<A>]: string };
  /**
   * The action without which the resource does not exist for the actor: an actor refused it gets a 404
   * for every action, word for word as for a resource that does not exist (existence must not leak).
   */
  conceal?: NoInfer<A>;
  /** The rules as SQL conditions, for the actions lists are filtered by. */
  sql?: { [K in NoInfer<A>]?: SqlRule<C> };
}

export type Permissions<A extends string> = { [K in A]: boolean };
export type Verdict = { allowed: true } | { allowed: false; status: 403 | 404; reason: string };

export interface AccessPolicy<R, A extends string> {
  readonly noun: string;
  readonly actions: readonly A[];
  /** May the actor do this with the resource? */
  can(actor: Actor, action: A, resource: R): boolean;
  /** The verdict with its reason: 404 where existence must not leak, 403 otherwise. */
  explain(actor: Actor, action: A, resource: R): Verdict;
  /** Throws the refusal `explain` describes (NotFoundError, or ForbiddenError with `reason` if given). */
  assertCan(actor: Actor, action: A, resource: R, reason?: string): void;
  /** The condition to add to a list's WHERE: exactly the rows `can(actor, action, row)` allows. */
  accessFilter(actor: Actor, action: A, table?: string): Expression<SqlBool>;
  /** What the viewer may do with this resource, sent with it so that the UI does not re-derive it. */
  permissions(actor: Actor, resource: R): Permissions<A>;
  /** The zod block of `permissions`, for response schemas. */
  readonly permissionsSchema: z.ZodObject<{ [K in A]: z.ZodBoolean }>;
}

/** SQL constants for rules that do not depend on the row. */
export const ALL: Expression<SqlBool> = sql<SqlBool>`true`;
export const NONE: Expression<SqlBool> = sql<SqlBool>`false`;

export function definePolicy<R, A extends string, C extends string = string>(def: PolicyDefinition<R, A, C>): AccessPolicy<R, A> {
  const actions = Object.keys(def.rules) as A[];

  function explain(actor: Actor, action: A, resource: R): Verdict {
    if (def.rules[action](actor, resource)) return { allowed: true };
    if (def.conceal !== undefined && (action === def.conceal || !def.rules[def.conceal](actor, resource))) {
      return { allowed: false, status: 404, reason: `No ${def.noun} ${def.idOf(resource)}` };
    }
    return { allowed: false, status: 403, reason: def.refusals[action] };
  }

  return {
    noun: def.noun,
    actions,
    can: (actor, action, resource) => def.rules[action](actor, resource),
    explain,
    assertCan(actor, action, resource, reason) {
      const v = explain(actor, action, resource);
      if (v.allowed) return;
      throw v.status === 404 ? new NotFoundError(v.reason) : new ForbiddenError(reason ?? v.reason);
    },
    accessFilter(actor, action, table) {
      const rule = def.sql?.[action];
      if (!rule) throw new Error(`The ${def.noun} policy has no SQL rule for "${action}"`);
      return rule(actor, (name) => sql.ref(table ? `${table}.${name}` : name));
    },
    permissions: (actor, resource) => Object.fromEntries(actions.map((a) => [a, def.rules[a](actor, resource)])) as Permissions<A>,
    permissionsSchema: z
      .object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as { [K in A]: z.ZodBoolean })
      .describe(`What the viewer may do with this ${def.noun}: decided by the server, shown by the UI`),
  };
}
