import fs from 'node:fs';
import { once } from 'node:events';
import { exportLines, exportRows } from '../../knowledge/open-access/export.ts';
import { DATA_LICENCE } from '../../knowledge/open-access/licence.ts';
import { searchQuerySchema, toSearchQuery } from '../../knowledge/search/search-query.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { parse } from '../cli-context.ts';
import { UsageError, withRuntime } from '../cli-context.ts';

/** palermo export: public records by default (what may be published); --include-restricted for operators' own copies. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    format: { type: 'string', default: 'jsonl' },
    out: { type: 'string' },
    q: { type: 'string' },
    type: { type: 'string' },
    state: { type: 'string' },
    article: { type: 'string' },
    lang: { type: 'string' },
    year: { type: 'string' },
    'include-restricted': { type: 'boolean' },
  });
  if (values.format !== 'jsonl' && values.format !== 'csv') throw new UsageError('--format is jsonl or csv');
  const { format, out, 'include-restricted': all, ...filters } = values;
  const parsed = searchQuerySchema.safeParse(Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)));
  if (!parsed.success) throw new ValidationError('Invalid filter', parsed.error.issues.map((i) => ({ path: `--${i.path.join('.')}`, message: i.message })));
  const { sort: _s, limit: _l, cursor: _c, ...query } = toSearchQuery(parsed.data);
  const stream = out ? fs.createWriteStream(`${out}.partial`) : process.stdout;
  let n = 0;
  async function* counted<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
    for await (const row of rows) {
      n++;
      yield row;
    }
  }
  await withRuntime('export', async (rt) => {
    const write = async (s: string) => {
      if (!stream.write(s)) await once(stream, 'drain');
    };
    const rows = exportRows(rt.db, all ? { level: 'all', state: null } : { level: 'public', state: null }, query);
    for await (const piece of exportLines(counted(rows), format as 'jsonl' | 'csv')) await write(piece);
  }, { prepare: false });
  if (out) {
    await new Promise<void>((resolve) => (stream as fs.WriteStream).end(resolve));
    fs.renameSync(`${out}.partial`, out); // an export file is complete or absent
    process.stderr.write(`${n} records written to ${out} (${DATA_LICENCE.id}: ${DATA_LICENCE.url})\n`);
  }
  return 0;
}
