import type { GroupDrawInputs, GroupDrawResult } from './draw.types.ts';

/** STUB (contract) — owner: helper draw. The groups draw: all States parties split into `groups` groups. */
export function drawGroups(_inputs: GroupDrawInputs, _seed: string): GroupDrawResult {
  throw new Error('drawGroups: not built yet');
}
