import fs from 'node:fs';
import { loadConfig } from '../../platform/config.ts';
import { DataDirBusyError } from '../../platform/db/embedded-server.ts';
import { openRuntime } from '../../platform/runtime.ts';
import type { Workers } from '../../platform/jobs/workers.ts';
import { parse } from '../cli-context.ts';
import { UsageError } from '../cli-context.ts';

/**
 * The server's own code — every module's routes, the seeds, the job runner — imported while the embedded
 * PostgreSQL starts: the database starts in its own process, so loading the modules meanwhile takes that
 * time off the start-up instead of adding to it.
 */
async function loadServerCode() {
  const [server, demoAccounts, reference, corpus, directory, cases, review, questionnaires, runner] = await Promise.all([
    import('../../app/server.ts'),
    import('../../platform/auth/demo-accounts.ts'),
    import('../../reference/reference.service.ts'),
    import('../../knowledge/seed/sample-corpus.ts'),
    import('../../directory/seed/demo-directory.ts'),
    import('../../cases/seed/demo-cases.ts'),
    import('../../review/seed/demo-review.ts'),
    import('../../review/questionnaires/standard.ts'),
    import('../../platform/jobs/runner.ts'),
  ]);
  return {
    ...server,
    ...demoAccounts,
    stateExists: reference.stateExists,
    loadSampleCorpus: corpus.loadSampleCorpus,
    loadDemoDirectory: directory.loadDemoDirectory,
    loadDemoCases: cases.loadDemoCases,
    loadDemoReview: review.loadDemoReview,
    loadStandardQuestionnaires: questionnaires.loadStandardQuestionnaires,
    ...runner,
  };
}

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, 'demo-default': { type: 'boolean' } });
  const config = loadConfig();
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, got "${values.port}"`);
    config.port = port;
  }
  // `npm start` passes --demo-default: demo accounts by default on the embedded database only.
  const demo = config.demo ?? (values['demo-default'] === true && !config.databaseUrl);

  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(config.databaseUrl ? 'Connecting to PostgreSQL (DATABASE_URL)…' : `Starting the embedded PostgreSQL in ${config.dataDir} …`);
  const loading = loadServerCode();
  loading.catch(() => undefined); // awaited below; a failure to start the database is reported first
  let rt;
  try {
    rt = await openRuntime(config, { purpose: 'palermo serve', share: false });
  } catch (err) {
    if (!(err instanceof DataDirBusyError)) throw err;
    process.stderr.write(`palermo: ${err.message}\nStop that process first, or set PALERMO_DATA_DIR to another directory.\n`);
    return 1;
  }
  const {
    buildPalermoApp, moduleJobs, demoFile, ensureDemoAccounts, formatDemoAccounts, saveDemoAccounts, stateExists, loadSampleCorpus,
    loadDemoDirectory, loadDemoCases, loadDemoReview, loadStandardQuestionnaires, startBackgroundWork, workersEnabled,
  } = await loading;
  // the review mechanism's standard questionnaires are configuration shipped as data, like the reference data:
  // loaded once (version 1, published); an instrument and cluster that already has a version is left alone
  const questionnaires = await loadStandardQuestionnaires(rt.db);
  if (questionnaires.created) log(`Review questionnaires: ${questionnaires.created} standard question sets published (UNTOC and its Protocols).`);
  if (process.env.PALERMO_SAMPLE_CORPUS !== '0') {
    const corpus = await loadSampleCorpus(rt.db);
    const recs = corpus.files.reduce((n, f) => n + (f.recommendations ?? 0), 0);
    if (corpus.added || corpus.updated) log(`Sample corpus: ${corpus.added} Conference documents added, ${corpus.updated} updated (${recs} recommendations).`);
  }
  if (demo) {
    const dir = await loadDemoDirectory(rt.db);
    if (dir.added) log(`Demo directory: ${dir.added} entries added (fictitious contact details).`);
  }
  const { app } = await buildPalermoApp({ db: rt.db, config }, { logger: process.env.PALERMO_LOG === '1' });

  let workers: Workers | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`\n${signal}: stopping…`);
    await app.close();
    await workers?.stop(); // running jobs get 30 s to finish; what is left goes back to the queue
    await rt.shutdown();
    log('Stopped; the database was shut down cleanly.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (demo) {
    const created = await ensureDemoAccounts(rt.db, (iso3) => stateExists(rt.db, iso3));
    if (created.length) {
      if (!config.databaseUrl) saveDemoAccounts(config.dataDir, created);
      log(`\nDEMO MODE — demo accounts were created (fictitious people; not for real cases):\n${formatDemoAccounts(created)}`);
      if (!config.databaseUrl) log(`(also saved in ${demoFile(config.dataDir)}; PALERMO_DEMO=0 turns demo mode off)`);
    } else if (!config.databaseUrl && fs.existsSync(demoFile(config.dataDir))) {
      log(`\nDemo accounts and their passwords: ${demoFile(config.dataDir)}`);
    }
    // after the accounts: demo cases are assigned to the demo practitioners and officers
    const cases = await loadDemoCases(rt.db);
    if (cases.added) log(`Demo cases: ${cases.added} fictitious requests between the demo States added to the case tracker.`);
    const review = await loadDemoReview(rt.db);
    if (review.added) log(`Demo review: a configured review cycle with one review in progress between demo States (${review.added} rows).`);
  }

  const address = await app.listen({ port: config.port, host: config.host });
  // Background jobs (platform/jobs): saved-search alerts every five minutes, the search reorganisation after
  // large imports, event deliveries. Several `serve` or `palermo jobs work` processes share them safely.
  if (workersEnabled()) {
    moduleJobs();
    const publicUrl = process.env.PALERMO_PUBLIC_URL ?? address.replace('127.0.0.1', 'localhost');
    workers = await startBackgroundWork(rt, { publicUrl });
  }
  log(`\nPalermo is running on ${rt.describe}`);
  log(`  Web UI:   ${address.replace('127.0.0.1', 'localhost')}/`);
  log(`  API docs: ${address.replace('127.0.0.1', 'localhost')}/api/docs`);
  log('Press Ctrl-C to stop.');
  return new Promise<number>(() => undefined); // runs until a signal
}
