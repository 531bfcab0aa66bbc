import { loadConfig } from '../../platform/config.ts';
import { jobsOverview } from '../../platform/jobs/admin.ts';
import { retryJob } from '../../platform/jobs/queue.ts';
import { startBackgroundWork } from '../../platform/jobs/runner.ts';
import { openRuntime } from '../../platform/runtime.ts';
import { moduleJobs } from '../../app/server.ts';
import { parse } from '../cli-context.ts';
import { UsageError, withRuntime } from '../cli-context.ts';

const USAGE = 'usage: palermo jobs list [--json] | palermo jobs retry <id> | palermo jobs work';

/** `palermo jobs …`: the background jobs (platform/jobs), for operators. */
export async function jobsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { values } = parse(rest, { json: { type: 'boolean', default: false } });
    const o = await withRuntime('jobs list', (rt) => jobsOverview(rt.db), { prepare: false });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(o, null, 2)}\n`);
      return 0;
    }
    const cols = ['created', 'retry', 'active', 'completed', 'failed'] as const;
    process.stdout.write(`${'queue'.padEnd(36)}${cols.map((c) => c.padStart(10)).join('')}  schedule\n`);
    for (const q of o.queues) process.stdout.write(`${q.name.padEnd(36)}${cols.map((c) => String(q.counts[c]).padStart(10)).join('')}  ${q.schedule ?? ''}\n`);
    if (o.failures.length) process.stdout.write('\nRecent failures (palermo jobs retry <id> runs one again):\n');
    for (const f of o.failures) process.stdout.write(`  ${f.id}  ${f.queue}  ${f.failedAt}  after ${f.attempts} attempt(s): ${f.error.split('\n')[0]}\n`);
    return 0;
  }
  if (sub === 'retry') {
    const [id, ...more] = rest;
    if (!id || more.length || !/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(USAGE);
    const ok = await withRuntime('jobs retry', (rt) => retryJob(rt.db, id), { prepare: false });
    if (!ok) {
      process.stderr.write(`palermo: no failed or cancelled job ${id}\n`);
      return 1;
    }
    process.stdout.write(`Job ${id} will run again.\n`);
    return 0;
  }
  if (sub === 'work') {
    parse(rest, {});
    return workOnly();
  }
  throw new UsageError(USAGE);
}

/** A worker-only process: jobs, no HTTP. Stops on SIGTERM/SIGINT after the running jobs (30 s at most). */
async function workOnly(): Promise<number> {
  moduleJobs();
  const config = loadConfig();
  const rt = await openRuntime(config, { purpose: 'palermo jobs work', share: true });
  const publicUrl = process.env.PALERMO_PUBLIC_URL ?? `http://localhost:${config.port}`;
  const workers = await startBackgroundWork(rt, { publicUrl });
  process.stdout.write(`Working on background jobs (${rt.describe}). Ctrl-C stops after the running jobs.\n`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void workers.stop().then(() => rt.shutdown()).then(() => {
        process.stdout.write('Stopped.\n');
        resolve(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
