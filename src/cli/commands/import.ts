import fs from 'node:fs';
import { importFile, reorganizeAfterImports, summarize, type FileOutcome } from '../../knowledge/ingest/import.service.ts';
import { filesUnder } from '../../knowledge/ingest/walk.ts';
import { RECORD_TYPES, type RecordType } from '../../knowledge/knowledge.schemas.ts';
import { runAlerts } from '../../knowledge/open-access/saved-searches.service.ts';
import { parse } from '../cli-context.ts';
import { progressBar } from '../progress.ts';
import { UsageError, cliActor, withRuntime } from '../cli-context.ts';

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { type: { type: 'string' }, lang: { type: 'string' }, access: { type: 'string' }, state: { type: 'string' }, json: { type: 'boolean' } },
    1,
  );
  const target = positionals[0]!;
  if (!fs.existsSync(target)) throw new UsageError(`No file or folder ${target}`);
  if (values.type && !(RECORD_TYPES as readonly string[]).includes(values.type)) throw new UsageError(`--type is one of ${RECORD_TYPES.join(', ')}`);
  if (values.lang && !/^[a-z]{2,3}$/.test(values.lang)) throw new UsageError('--lang is a language code such as zh, en, fr, es, ru, ar');
  if (values.access && !['public', 'practitioners', 'state'].includes(values.access)) throw new UsageError('--access is public, practitioners or state');
  if ((values.access === 'state') !== Boolean(values.state)) throw new UsageError('--access state goes with --state ISO3');
  const files = filesUnder(target);
  const bar = progressBar('Importing');
  const outcomes: FileOutcome[] = [];
  await withRuntime('import', async (rt) => {
    for (const [i, file] of files.entries()) {
      outcomes.push(
        await importFile(rt.db, file, fs.readFileSync(file), {
          actor: cliActor(),
          type: values.type as RecordType | undefined,
          lang: values.lang,
          access: values.access as 'public' | 'practitioners' | 'state' | undefined,
          accessState: values.state?.toUpperCase(),
        }),
      );
      bar.update(i + 1, files.length);
    }
    if (outcomes.some((o) => o.status === 'added' || o.status === 'updated')) await runAlerts(rt.db);
    await reorganizeAfterImports(rt.db, outcomes);
  });
  bar.done();
  const summary = summarize(outcomes);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    for (const o of outcomes) {
      const extra = o.status === 'rejected' ? `: ${o.reason}` : ` ${o.type}${o.symbol ? ` ${o.symbol}` : ''}${o.recommendations ? `, ${o.recommendations} recommendations` : ''}`;
      process.stdout.write(`${o.status.padEnd(9)} ${o.file}${extra}\n`);
    }
    process.stdout.write(`${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected} rejected.\n`);
  }
  return summary.rejected > 0 ? 1 : 0;
}
