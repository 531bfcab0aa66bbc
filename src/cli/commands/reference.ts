import fs from 'node:fs';
import { importPartyStatus } from '../../reference/party-status-import.ts';
import { parse } from '../cli-context.ts';
import { UsageError, cliActor, withRuntime } from '../cli-context.ts';

export async function referenceCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'import') throw new UsageError('usage: palermo reference import <file.csv> --source "…" [--dry-run]');
  const { values, positionals } = parse(rest, { source: { type: 'string' }, 'dry-run': { type: 'boolean' } }, 1);
  const file = positionals[0]!;
  if (!values.source) throw new UsageError('--source is required: say where the list comes from (e.g. "UNTC status 2026-11-01")');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`No file ${file}`);
  const bytes = fs.readFileSync(file);
  const summary = await withRuntime('reference import', (rt) =>
    importPartyStatus(rt.db, bytes, { actor: cliActor(), defaultSource: values.source!, dryRun: values['dry-run'] }),
  );
  const verb = values['dry-run'] ? 'would change' : 'changed';
  process.stdout.write(`${summary.rows} rows: ${summary.changed} ${verb}, ${summary.unchanged} unchanged.\n`);
  return 0;
}
