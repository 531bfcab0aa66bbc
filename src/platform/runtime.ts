import type { Config } from './config.ts';
import type { DbHandle } from './db/database.ts';
import { openEmbedded, type EmbeddedHandle } from './db/embedded-server.ts';

/**
 * The database driver, the query builder, the document store, the migrations and the reference data's code
 * (a quarter of a second to load) are imported while the embedded PostgreSQL starts in a process of its own:
 * every command that opens the database starts that much sooner.
 */
async function loadDatabaseCode() {
  const [documents, database, migrations, chainer, reference] = await Promise.all([
    import('./documents/documents.ts'),
    import('./db/database.ts'),
    import('./db/migrations.ts'),
    import('./audit/audit-chainer.ts'),
    import('../reference/reference.service.ts'),
  ]);
  return { configureDocumentStore: documents.configureDocumentStore, connect: database.connect, migrate: migrations.migrate, chainAudit: chainer.chainAudit, ensureReferenceData: reference.ensureReferenceData };
}

/** An open database for one process: the embedded server (started or shared) or DATABASE_URL. */
export interface Runtime extends DbHandle {
  embedded: EmbeddedHandle | null;
  describe: string;
  shutdown(): Promise<void>;
}

export interface OpenOptions {
  /** What this process is (shown to another process that finds the data directory busy). */
  purpose: string;
  /** Allow connecting to an embedded server another palermo process already runs (CLI commands). */
  share: boolean;
  /** Apply migrations and load the reference data when the tables hold another version of it (idempotent). */
  prepare?: boolean;
  onLog?: (line: string) => void;
}

export async function openRuntime(config: Config, opts: OpenOptions): Promise<Runtime> {
  const loading = loadDatabaseCode();
  loading.catch(() => undefined); // awaited below; a failure to start the database is reported first
  let embedded: EmbeddedHandle | null = null;
  let url: string;
  if (config.databaseUrl) {
    url = config.databaseUrl;
  } else {
    embedded = await openEmbedded(config.dataDir, { purpose: opts.purpose, share: opts.share, onLog: opts.onLog });
    url = embedded.url;
  }
  let code: Awaited<typeof loading>;
  try {
    code = await loading;
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const { configureDocumentStore, connect, migrate, chainAudit, ensureReferenceData } = code;
  configureDocumentStore(config);
  const handle = connect(url);
  try {
    if (opts.prepare !== false) {
      await migrate(handle.db);
      await ensureReferenceData(handle.db);
      await chainAudit(handle.db); // entries a process left unchained when it stopped
    }
  } catch (err) {
    await handle.close();
    await embedded?.stop();
    throw err;
  }
  const describe = config.databaseUrl
    ? `external PostgreSQL (${new URL(config.databaseUrl).host})`
    : embedded!.owner
      ? `embedded PostgreSQL in ${config.dataDir}`
      : `embedded PostgreSQL of running process ${embedded!.lock.pid}`;
  let down: Promise<void> | null = null;
  return {
    ...handle,
    embedded,
    describe,
    shutdown: () => {
      down ??= (async () => {
        // What this process audited in transactions (a CLI import, say) is chained before it goes.
        await chainAudit(handle.db).catch(() => undefined);
        await handle.close();
        await embedded?.stop();
      })();
      return down;
    },
  };
}
