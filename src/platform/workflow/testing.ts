import type { Machine, TransitionDef } from './machine.ts';

/**
 * For tests generated from a machine: every (state, action) pair, with the definition when the action is
 * defined from that state. A test over all pairs asserts that each undefined pair is refused and each
 * defined one allowed when its guards hold, so a transition added to the machine is tested at once.
 */
export function everyStateAction<S extends string, A extends string, E, C>(m: Machine<S, A, E, C>): Array<{ state: S; action: A; defined: TransitionDef<S, A, E, C> | undefined }> {
  return m.states.flatMap((state) => m.actions.map((action) => ({ state, action, defined: m.find(state, action) })));
}
