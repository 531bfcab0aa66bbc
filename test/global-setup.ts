import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/platform/db/database.ts';
import { openEmbedded, type EmbeddedHandle } from '../src/platform/db/embedded-server.ts';
import { migrate } from '../src/platform/db/migrations.ts';
import { loadReferenceData } from '../src/reference/reference.service.ts';

/**
 * One PostgreSQL server for the whole run: the embedded one (default) or the server DATABASE_URL points
 * to (CI runs the suite once each way). A template database is migrated and loaded once; each test
 * file then gets its own copy (CREATE DATABASE … TEMPLATE), so files never see each other's data.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    backend: string;
  }
}

let embedded: EmbeddedHandle | null = null;
let tmpDir: string | null = null;

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let backend: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    backend = 'external';
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-test-'));
    fs.chmodSync(tmpDir, 0o755);
    embedded = await openEmbedded(tmpDir, { purpose: 'test run', share: false });
    adminUrl = embedded.adminUrl;
    backend = 'embedded';
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  const templateDb = `palermo_template_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`);
  await admin.query(`CREATE DATABASE ${templateDb} TEMPLATE template0 ENCODING 'UTF8'`);
  const handle = connect(withDatabase(adminUrl, templateDb), { max: 2 });
  await migrate(handle.db);
  await loadReferenceData(handle.db);
  await handle.close();
  process.stdout.write(`\nDatabase for tests: ${backend} PostgreSQL ${version}\n`);

  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);
  project.provide('backend', backend);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}
