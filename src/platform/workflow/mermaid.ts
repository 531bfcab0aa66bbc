import type { Machine } from './machine.ts';

/**
 * A machine as a Mermaid state diagram, for the docs: each transition labelled with its action and
 * guards; actions that keep the state as self-loops; states with no way out end at [*].
 */
export function toMermaid<S extends string, A extends string, E, C>(m: Machine<S, A, E, C>, opts: { stays?: boolean } = {}): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${m.initial}`];
  const label = (action: string, guards: readonly { name: string }[] | undefined) =>
    guards?.length ? `${action} [${guards.map((g) => g.name.replace(/[:;]/g, ' ').replace(/\s+/g, ' ').trim()).join(', ')}]` : action;
  for (const t of m.transitions) {
    if (t.to === undefined && !opts.stays) continue;
    for (const from of t.from) lines.push(`  ${from} --> ${t.to ?? from}: ${label(t.action, t.guards)}`);
  }
  for (const s of m.states) {
    if (!m.transitions.some((t) => t.to !== undefined && t.to !== s && t.from.includes(s))) lines.push(`  ${s} --> [*]`);
  }
  return lines.join('\n');
}
