import type { DrawExclusion, GroupDrawInputs, GroupDrawResult } from './draw.types.ts';
import { byCodeUnits, canonicalJson, sha256Hex } from './canonical.ts';
import { GROUPS_ALGORITHM } from './inputs.ts';
import { DrawInputError, Selector, seedKey } from './selection.ts';

/**
 * The groups draw (docs/DRAW.md): every State party to the instrument into `groups` groups that start in different
 * years. Stratified by regional group so that each group has a mix of them: the regional groups (pools) are taken in
 * code order, each one's States are drawn without replacement (pool sorted by ISO3, pick = h_i mod |remaining|, i
 * global), and the resulting sequence is dealt round-robin: the k-th State drawn (k = 0, 1, …) goes to group
 * (k mod N) + 1. Group sizes then differ by at most one, and so do the numbers of one regional group's States in any
 * two groups.
 */
export function drawGroups(inputs: GroupDrawInputs, seed: string): GroupDrawResult {
  if (inputs.algorithm !== GROUPS_ALGORITHM) throw new DrawInputError(`unknown algorithm ${inputs.algorithm}; this is ${GROUPS_ALGORITHM}`);
  if (!Number.isSafeInteger(inputs.groups) || inputs.groups < 1) throw new DrawInputError('groups must be a positive integer');
  const key = seedKey(seed);
  const sel = new Selector(key);
  const main = inputs.instrument;
  const states = [...inputs.states].sort((a, b) => byCodeUnits(a.iso3, b.iso3));
  const excluded: DrawExclusion[] = [...(inputs.excluded ?? [])];
  for (const s of states) {
    if (s.unknown.includes(main)) {
      excluded.push({ state: s.iso3, reason: `status for ${main} not loaded (unknown): in no group until the secretariat completes it` });
    }
  }
  const parties = states.filter((s) => s.parties.includes(main));
  const pools = [...new Set(parties.map((s) => s.group))].sort(byCodeUnits);
  const sequence: string[] = [];
  for (const pool of pools) {
    const remaining = parties.filter((s) => s.group === pool).map((s) => s.iso3);
    while (remaining.length) {
      const { value } = sel.pick(remaining);
      sequence.push(value);
      remaining.splice(remaining.indexOf(value), 1);
    }
  }
  const groups = Array.from({ length: inputs.groups }, (_, g) => ({
    group: g + 1,
    states: sequence.filter((_, k) => k % inputs.groups === g).sort(byCodeUnits),
  }));
  return {
    seed,
    key,
    algorithm: GROUPS_ALGORITHM,
    inputsSha256: sha256Hex(canonicalJson(inputs)),
    groups,
    excluded: excluded.sort((a, b) => byCodeUnits(a.state, b.state)),
  };
}
