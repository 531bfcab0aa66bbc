import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import { afterBulkLoad } from '../../knowledge/ingest/bulk.ts';
import { rebuildSearch } from '../../knowledge/search/rebuild.ts';
import { parse } from '../cli-context.ts';
import { progressBar } from '../progress.ts';
import { UsageError, cliActor, withRuntime } from '../cli-context.ts';

const USAGE = 'usage: palermo search reorganize | palermo search rebuild';

/**
 * `palermo search reorganize`: after a large load, lay the search table out in date order, rebuild its index
 * and refresh the statistics the search plans with (knowledge/search/maintenance.ts, docs/PERFORMANCE.md).
 * `palermo search rebuild`: the search table made again from the records (knowledge/search/rebuild.ts).
 */
export async function searchCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'rebuild') return rebuild(rest);
  if (sub !== 'reorganize') throw new UsageError(USAGE);
  parse(rest, {});
  process.stdout.write('Reorganizing the search index (searches wait until it is done; minutes at a million records)…\n');
  const t0 = performance.now();
  await withRuntime('search reorganize', async (rt) => {
    await afterBulkLoad(rt.db);
    await audit(rt.db, { actor: auditActor(cliActor()), action: 'knowledge.search-reorganize', targetType: 'knowledge_search', details: {} });
  });
  process.stdout.write(`Done in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);
  return 0;
}

async function rebuild(args: string[]): Promise<number> {
  parse(args, {});
  const t0 = performance.now();
  const bar = progressBar('Indexing');
  const s = await withRuntime('search rebuild', (rt) => rebuildSearch(rt.db, { actor: auditActor(cliActor()), onProgress: bar.update }));
  bar.done();
  process.stdout.write(`Search table rebuilt from ${s.records} records in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);
  return 0;
}
