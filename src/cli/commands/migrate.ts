import { migrationFiles } from '../../platform/db/migrations.ts';
import { parse } from '../cli-context.ts';
import { withRuntime } from '../cli-context.ts';

export async function migrateCommand(args: string[]): Promise<number> {
  parse(args, {});
  // Opening the runtime migrates and loads reference data (both idempotent).
  await withRuntime('migrate', async (rt) => {
    process.stdout.write(`Database: ${rt.describe}\nSchema at ${migrationFiles().at(-1)?.name}; reference data loaded.\n`);
  });
  return 0;
}
