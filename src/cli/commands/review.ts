import { UsageError } from '../cli-context.ts';
import { reviewDrawCommand, reviewDrawGroupsCommand, reviewVerifyDrawCommand } from './review-draw.ts';
import { reviewQuestionnairesCommand } from './review-questionnaires.ts';

const USAGE = 'usage: palermo review draw --instrument UNTOC --seed "TEXT" [--cap N] [--allow-mutual] [--max-reviewers N] [--json] | draw-groups --seed "TEXT" --groups N [--instrument UNTOC] [--json] | verify-draw <id|file> | questionnaires import <file> [--publish] | export [--instrument I] [--cluster C]';

/** `palermo review …`: the review mechanism's drawing of lots and questionnaires, for the secretariat and anyone verifying a draw. */
export async function reviewCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'draw') return reviewDrawCommand(rest);
  if (sub === 'draw-groups') return reviewDrawGroupsCommand(rest);
  if (sub === 'verify-draw') return reviewVerifyDrawCommand(rest);
  if (sub === 'questionnaires') return reviewQuestionnairesCommand(rest);
  throw new UsageError(USAGE);
}
