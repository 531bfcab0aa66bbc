import { z } from 'zod';
import type { Machine } from './machine.ts';
import type { TransitionRow } from './transition.ts';

/**
 * A machine's vocabulary for the API contract: its actions and states as zod enums (so the OpenAPI
 * document lists them), the `actions` a resource carries for its viewer, and the history's rows.
 */

export function actionEnum<S extends string, A extends string, E, C>(m: Machine<S, A, E, C>) {
  return z.enum(m.actions as unknown as [A, ...A[]]);
}

export function stateEnum<S extends string, A extends string, E, C>(m: Machine<S, A, E, C>) {
  return z.enum(m.states as unknown as [S, ...S[]]);
}

const issue = z.object({ path: z.string(), message: z.string() });

/** `actions` on a resource: every action, allowed for this viewer now or not, with the reasons why not. */
export function actionsSchema<S extends string, A extends string, E, C>(m: Machine<S, A, E, C>) {
  return z
    .array(
      z.object({
        action: actionEnum(m),
        allowed: z.boolean(),
        reasons: z.array(z.object({ code: z.string(), message: z.string(), issues: z.array(issue).optional() })),
      }),
    )
    .describe(`What the viewer may do with the ${m.label} now (the UI shows exactly these); refused ones carry the reasons`);
}

/** The history of an entity, oldest first. */
export function historySchema<S extends string, A extends string, E, C>(m: Machine<S, A, E, C>) {
  return z.object({
    items: z.array(
      z.object({
        action: z.string(),
        from: stateEnum(m).nullable().describe('null: created'),
        to: stateEnum(m),
        by: z.object({ id: z.string().nullable(), name: z.string(), state: z.string().nullable() }),
        at: z.string(),
        reason: z.string().nullable(),
      }),
    ),
  });
}

export function transitionDto<S extends string>(r: TransitionRow<S>) {
  return {
    action: r.action,
    from: r.from_state,
    to: r.to_state,
    by: { id: r.actor_id, name: r.actor_name, state: r.actor_state },
    at: r.at.toISOString(),
    reason: r.reason,
  };
}
