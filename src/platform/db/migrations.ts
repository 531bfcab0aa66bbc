import fs from 'node:fs';
import path from 'node:path';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { ROOT_DIR } from '../config.ts';
import type { Db } from './database.ts';
import { installJobSchema } from '../jobs/queue.ts';

/**
 * Every module keeps its SQL migrations in `src/<module>/migrations/NNNN_name.sql`. The numeric prefix
 * orders them across modules; applied names are recorded by Kysely's migrator, which also takes a lock
 * so that two processes never migrate at once. SQL stays within what PostgreSQL 15 accepts.
 */
export function migrationFiles(srcDir = path.join(ROOT_DIR, 'src')): Array<{ name: string; file: string }> {
  const out: Array<{ name: string; file: string }> = [];
  for (const mod of fs.readdirSync(srcDir, { withFileTypes: true })) {
    const dir = path.join(srcDir, mod.name, 'migrations');
    if (!mod.isDirectory() || !fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) {
      if (!/^\d{4}_[a-z0-9_]+\.sql$/.test(f)) continue;
      out.push({ name: f.replace(/\.sql$/, ''), file: path.join(dir, f) });
    }
  }
  out.sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  for (const m of out) {
    const prefix = m.name.slice(0, 4);
    if (seen.has(prefix)) throw new Error(`Two migrations share the number ${prefix}: renumber one (${m.file})`);
    seen.add(prefix);
  }
  return out;
}

class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const { name, file } of migrationFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      migrations[name] = { up: async (db) => void (await sql.raw(text).execute(db)) };
    }
    return migrations;
  }
}

export interface MigrateResult {
  applied: string[];
}

export async function migrate(db: Db): Promise<MigrateResult> {
  const migrator = new Migrator({ db, provider: new SqlFileProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
  await installJobSchema(db); // the job queue's own schema (pg-boss installs and upgrades it; not in backups)
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
