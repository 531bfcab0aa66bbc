import fs from 'node:fs';
import { exportRows, importDirectoryCsv, IMPORT_TYPES, toCsv } from '../../directory/directory.csv.ts';
import { entryDto } from '../../directory/directory.service.ts';
import { parse } from '../cli-context.ts';
import { UsageError, cliActor, withRuntime } from '../cli-context.ts';

const TYPES = Object.keys(IMPORT_TYPES).join('|');
const USAGE = `usage: palermo directory import <file.csv> --type ${TYPES} [--dry-run] [--json]
       palermo directory export [--format csv|json] [--type ${TYPES}] [-o FILE]`;

/** palermo directory import|export: the directory's initial load from CSV, and its export. */
export async function directoryCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return importCmd(rest);
  if (sub === 'export') return exportCmd(rest);
  throw new UsageError(USAGE);
}

async function importCmd(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { type: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, 1);
  if (!values.type || !(values.type in IMPORT_TYPES)) throw new UsageError(`--type is required: one of ${TYPES}`);
  const file = positionals[0]!;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`No file ${file}`);
  const bytes = fs.readFileSync(file);
  const summary = await withRuntime('directory import', (rt) => importDirectoryCsv(rt.db, cliActor(), values.type!, bytes, { dryRun: values['dry-run'] }));
  if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    const would = summary.dryRun ? 'would be ' : '';
    process.stdout.write(
      `${summary.rows} rows: ${summary.created} ${would}created, ${summary.updated} ${would}updated, ${summary.unchanged} unchanged.` +
        `${summary.dryRun ? ' (dry run: nothing was written)' : ''}\n`,
    );
  }
  return 0;
}

async function exportCmd(args: string[]): Promise<number> {
  const { values } = parse(args, { format: { type: 'string', default: 'csv' }, type: { type: 'string', default: 'authorities' }, out: { type: 'string', short: 'o' } });
  if (values.format !== 'csv' && values.format !== 'json') throw new UsageError('--format is csv or json');
  if (!(values.type! in IMPORT_TYPES)) throw new UsageError(`--type is one of ${TYPES}`);
  const actor = cliActor();
  const text = await withRuntime('directory export', async (rt) => {
    const { type, rows, hidden } = await exportRows(rt.db, actor, values.type!);
    return {
      n: rows.length,
      body: values.format === 'csv' ? toCsv(type, rows, hidden) : `${JSON.stringify({ type: values.type, items: rows.map((r) => entryDto(type, r, actor)) }, null, 2)}\n`,
    };
  }, { prepare: false });
  if (values.out) {
    fs.writeFileSync(`${values.out}.partial`, text.body);
    fs.renameSync(`${values.out}.partial`, values.out); // an export file is complete or absent
    process.stderr.write(`${text.n} ${values.type} written to ${values.out}\n`);
  } else process.stdout.write(text.body);
  return 0;
}
