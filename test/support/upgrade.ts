import fs from 'node:fs';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from '../../src/platform/db/database.ts';
import { installJobSchema } from '../../src/platform/jobs/queue.ts';
import { migrationFiles } from '../../src/platform/db/migrations.ts';

/**
 * Upgrade tests: the schema of an older release, old data written into it, then the upgrade. The old data is
 * written with today's code (services), so the "old" schema must also hold what today's writers touch outside
 * the migration under test: the audit log's actor roles and unchained entries (0016), the events table (0012) and
 * the reference seed's fingerprint (0033, written with the reference data). Those migrations are applied early;
 * the upgrade then applies every other one, in order.
 */
export const WRITER_MIGRATIONS = ['0012_events', '0016_audit_chain_after_commit', '0033_reference_seed'];

function provider(names: (name: string) => boolean): MigrationProvider {
  return {
    getMigrations: async () =>
      Object.fromEntries(
        migrationFiles()
          .filter((m) => names(m.name))
          .map((m): [string, Migration] => [m.name, { up: async (db) => void (await sql.raw(fs.readFileSync(m.file, 'utf8')).execute(db)) }]),
      ),
  };
}

/** Every migration before `upgrade` (e.g. "0009"), and the writers' platform migrations. */
export async function migrateOldRelease(db: Kysely<Database>, upgrade: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: provider((n) => n < upgrade || WRITER_MIGRATIONS.includes(n)), allowUnorderedMigrations: true }).migrateToLatest();
  if (error) throw error;
}

/** The upgrade: every migration not applied yet, in order; the names applied. */
export async function upgradeToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider: provider(() => true), allowUnorderedMigrations: true }).migrateToLatest();
  if (error) throw error;
  await installJobSchema(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
