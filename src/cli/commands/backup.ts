import path from 'node:path';
import { backup, restore, verifyBackup, type BackupCheck } from '../../platform/backup/backup.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import { parse } from '../cli-context.ts';
import { progressBar } from '../progress.ts';
import { cliActor, withRuntime } from '../cli-context.ts';

/** `palermo backup FILE` writes a backup; `palermo backup verify FILE` checks one without touching a database. */
export async function backupCommand(args: string[]): Promise<number> {
  if (args[0] === 'verify') return verifyCommand(args.slice(1));
  const { positionals } = parse(args, {}, 1);
  const file = path.resolve(positionals[0]!);
  const bar = progressBar('Backing up');
  const s = await withRuntime('backup', (rt) => backup(rt.db, file, { onProgress: (_t, d, n) => bar.update(d, n), actor: auditActor(cliActor()) }), {
    prepare: false,
  });
  bar.done();
  process.stdout.write(`Backup written to ${file}: ${s.tables} tables, ${s.rows} rows, SHA-256 ${s.sha256}.\n`);
  if (s.documentsInDataDir > 0) {
    process.stderr.write(`Warning: ${s.documentsInDataDir} stored document(s) keep their bytes in the data directory (documents/), not in this backup: copy that folder with it.\n`);
  }
  return 0;
}

async function verifyCommand(args: string[]): Promise<number> {
  const { positionals, values } = parse(args, { json: { type: 'boolean' } }, 1);
  const file = path.resolve(positionals[0]!);
  const check = await verifyBackup(file);
  if (values.json) process.stdout.write(`${JSON.stringify(check)}\n`);
  else process.stdout.write(formatCheck(check));
  return check.ok ? 0 : 1;
}

function formatCheck(c: BackupCheck): string {
  const width = Math.max(5, ...c.tables.map((t) => t.table.length));
  const lines = c.tables.map((t) => {
    const expected = t.recorded === null || t.recorded === t.rows ? '' : ` (recorded ${t.recorded})`;
    return `  ${t.table.padEnd(width)} ${String(t.rows).padStart(8)} rows  ${t.ok ? 'OK' : `MISMATCH${expected}`}`;
  });
  const head = `Backup of ${c.header.createdAt} (format ${c.header.version}, ${c.header.migrations.length} migrations)`;
  const verdict = c.ok
    ? `Backup intact: ${c.tables.length} tables, ${c.rows} rows, SHA-256 ${c.sha256}.`
    : `BACKUP DAMAGED: ${c.problems.length} problem(s)\n${c.problems.map((p) => `  ${p}`).join('\n')}`;
  return `${head}\n${lines.join('\n')}\n${verdict}\n`;
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const file = path.resolve(positionals[0]!);
  const bar = progressBar('Restoring');
  const s = await withRuntime('restore', (rt) => restore(rt.db, file, { onProgress: (_t, d, n) => bar.update(d, n), actor: auditActor(cliActor()) }), {
    // restore() verifies the file before it migrates or writes anything; the backup brings the reference data.
    prepare: false,
  });
  bar.done();
  process.stdout.write(`Restored ${s.rows} rows in ${s.tables} tables from ${file} (verified, SHA-256 ${s.sha256}).\n`);
  return 0;
}
