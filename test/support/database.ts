import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type DbHandle } from '../../src/platform/db/database.ts';

export function databaseUrl(name: string): string {
  const u = new URL(inject('adminUrl'));
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: inject('adminUrl') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase extends DbHandle {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a copy of the migrated, reference-loaded template, or an
 * empty one (`empty: true`) for tests that migrate from scratch or restore into nothing.
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `palermo_t_${crypto.randomBytes(5).toString('hex')}`;
  const template = opts.empty ? 'template0' : inject('templateDb');
  // CREATE DATABASE … TEMPLATE needs the template unused: serialise the copies across test workers.
  await admin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${template} ENCODING 'UTF8'`);
        return;
      } catch (err) {
        if (attempt > 50 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  const url = databaseUrl(name);
  const handle = connect(url, { max: 5 });
  return {
    ...handle,
    name,
    url,
    drop: async () => {
      await handle.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
