import type { DbHandle } from '../db/database.ts';
import { catchUpEvents } from '../events/events.ts';
import { startWorkers, type WorkerOptions, type Workers } from './workers.ts';

/**
 * What `serve` and `palermo jobs work` start: the workers of every registered job (modules register theirs
 * when their job files are imported), then a catch-up of event deliveries the queue does not hold (events
 * published before a subscriber existed, or after a restore: backups hold events, not the queue).
 * PALERMO_WORKERS=0 makes `serve` answer HTTP only, for deployments with dedicated `palermo jobs work` processes.
 */
export async function startBackgroundWork(handle: DbHandle, opts: WorkerOptions): Promise<Workers> {
  const workers = await startWorkers(handle, opts);
  try {
    await catchUpEvents(handle.db);
  } catch (err) {
    await workers.stop();
    throw err;
  }
  return workers;
}

export const workersEnabled = () => process.env.PALERMO_WORKERS !== '0';
