import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import { afterBulkLoad } from '../../knowledge/ingest/bulk.ts';
import { parse } from '../main.ts';
import { UsageError, cliActor, withRuntime } from '../cli-context.ts';

/**
 * `palermo search reorganize`: after a large load, lay the search table out in date order, rebuild its index
 * and refresh the statistics the search plans with (knowledge/search/maintenance.ts, docs/PERFORMANCE.md).
 */
export async function searchCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'reorganize') throw new UsageError('usage: palermo search reorganize');
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
