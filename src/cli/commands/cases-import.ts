import fs from 'node:fs';
import { importCases } from '../../cases/import/case-import.ts';
import { cliActor, parse, UsageError, withRuntime } from '../cli-context.ts';

const USAGE = 'usage: palermo cases import <file.csv> --state ISO3 [--dry-run] [--json]';

/**
 * `palermo cases import FILE.csv --state ISO3`: registers a State's existing cases from its register (one row per
 * case; columns in README "Registering existing cases"). One bad row: nothing is imported, and every problem is
 * listed by line and column (exit code 1). The operator acts for that State's central authority; the import is
 * audited as `cases.import`, each case and step as the tracker's own entries.
 */
export async function casesImportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { state: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, 1);
  if (!values.state) throw new UsageError(`--state is required (the State whose cases these are)\n${USAGE}`);
  const file = positionals[0]!;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`No file ${file}`);
  const bytes = fs.readFileSync(file);
  const summary = await withRuntime('cases import', (rt) => importCases(rt.db, cliActor(), values.state!, bytes, { dryRun: values['dry-run'] }));
  if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    const states = Object.entries(summary.byStatus).sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${n} ${s}`).join(', ');
    process.stdout.write(
      `${summary.rows} rows: ${summary.created} cases of ${summary.state} ${summary.dryRun ? 'would be ' : ''}registered with ${summary.events} timeline entries (${states}).` +
        `${summary.dryRun ? ' (dry run: nothing was written)' : ''}\n`,
    );
  }
  return 0;
}
