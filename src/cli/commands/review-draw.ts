import { UsageError } from '../cli-context.ts';

/** STUB (contract) — owner: helper draw. `palermo review draw | draw-groups | verify-draw`. */
export async function reviewDrawCommand(_args: string[]): Promise<number> {
  throw new UsageError('review draw: not built yet');
}
export async function reviewDrawGroupsCommand(_args: string[]): Promise<number> {
  throw new UsageError('review draw-groups: not built yet');
}
export async function reviewVerifyDrawCommand(_args: string[]): Promise<number> {
  throw new UsageError('review verify-draw: not built yet');
}
