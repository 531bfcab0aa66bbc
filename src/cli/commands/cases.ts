import { UsageError } from '../cli-context.ts';
import { casesImportCommand } from './cases-import.ts';
import { casesStatsCommand } from './cases-stats.ts';

const USAGE = 'usage: palermo cases import <file.csv> --state ISO3 [--dry-run] [--json] | palermo cases stats --state ISO3 [--from D] [--to D] [--by …] [--json]';

/** `palermo cases …`: the case tracker for operators (bulk registration, statistics). */
export async function casesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return casesImportCommand(rest);
  if (sub === 'stats') return casesStatsCommand(rest);
  throw new UsageError(USAGE);
}
