import { UsageError } from '../cli-context.ts';

/** STUB (contract) — owner: helper questionnaires. `palermo review questionnaires import <file> | export`. */
export async function reviewQuestionnairesCommand(_args: string[]): Promise<number> {
  throw new UsageError('review questionnaires: not built yet');
}
