import path from 'node:path';
import { backup, restore } from '../../platform/backup/backup.ts';
import { parse } from '../main.ts';
import { progressBar } from '../progress.ts';
import { withRuntime } from '../cli-context.ts';

export async function backupCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const file = path.resolve(positionals[0]!);
  const bar = progressBar('Backing up');
  const s = await withRuntime('backup', (rt) => backup(rt.db, file, (_t, d, n) => bar.update(d, n)), { prepare: false });
  bar.done();
  process.stdout.write(`Backup written to ${file}: ${s.tables} tables, ${s.rows} rows.\n`);
  return 0;
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const file = path.resolve(positionals[0]!);
  const bar = progressBar('Restoring');
  const s = await withRuntime('restore', (rt) => restore(rt.db, file, (_t, d, n) => bar.update(d, n)));
  bar.done();
  process.stdout.write(`Restored ${s.rows} rows in ${s.tables} tables from ${file}.\n`);
  return 0;
}
