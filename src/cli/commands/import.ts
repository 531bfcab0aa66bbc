import fs from 'node:fs';
import { filesUnder } from '../../knowledge/ingest/walk.ts';
import { RECORD_TYPES, type RecordType } from '../../knowledge/knowledge.schemas.ts';
import { parse } from '../cli-context.ts';
import { progressBar } from '../progress.ts';
import { UsageError, cliActor, withRuntime } from '../cli-context.ts';

/**
 * The import's own code (parsing, extraction, the record services) is loaded while the database starts
 * (withRuntime): the embedded PostgreSQL starts in a process of its own, so the two overlap.
 */
async function loadImportCode() {
  const [batch, service] = await Promise.all([import('../../knowledge/ingest/import.batch.ts'), import('../../knowledge/ingest/import.service.ts')]);
  return { importFiles: batch.importFiles, reorganizeAfterImports: service.reorganizeAfterImports, summarize: service.summarize };
}

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
  const loading = loadImportCode();
  loading.catch(() => undefined); // awaited below; a failure to open the database is reported first
  const bar = progressBar('Importing');
  const { outcomes, summarize } = await withRuntime('import', async (rt) => {
    const code = await loading;
    const outcomes = await code.importFiles(
      rt.db,
      files,
      {
        actor: cliActor(),
        type: values.type as RecordType | undefined,
        lang: values.lang,
        access: values.access as 'public' | 'practitioners' | 'state' | undefined,
        accessState: values.state?.toUpperCase(),
      },
      { onProgress: (done) => bar.update(done, files.length) },
    );
    if (outcomes.some((o) => o.status === 'added' || o.status === 'updated')) {
      // saved-search alerts only when something was written: their code is not loaded for a no-op re-import
      const { runAlerts } = await import('../../knowledge/open-access/saved-searches.service.ts');
      await runAlerts(rt.db);
    }
    await code.reorganizeAfterImports(rt.db, outcomes);
    return { outcomes, summarize: code.summarize };
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
