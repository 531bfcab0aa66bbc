import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ContentBackend, Conn } from './document-store.ts';
import { isSha256 } from './document-store.ts';

/** A partial write older than this is what a crash left behind (a live write takes milliseconds). */
const STALE_PARTIAL_MS = 60 * 60 * 1000;
const PARTIAL = /^\.partial-/;

/**
 * Bytes in the data directory: `<dataDir>/documents/ab/cdef…` (the first two hex digits as a folder, so no
 * folder grows past a few thousand entries). A file is written under a temporary name, flushed to disk
 * (fsync), then renamed to its digest and the folder flushed: a crash leaves at most a `.partial-…` file,
 * never a half file under its final name. The file is not part of the database transaction: one written by
 * a transaction that then rolled back has no stored_documents row, and deleteUnreferenced removes it.
 */
export class FileContent implements ContentBackend {
  readonly location = 'files' as const;
  readonly root: string;

  constructor(dataDir: string, private readonly hooks: { beforeRename?: (partial: string) => Promise<void> } = {}) {
    this.root = path.join(dataDir, 'documents');
  }

  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`not a SHA-256 digest: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  async write(_db: unknown, sha256: string, bytes: Buffer): Promise<void> {
    const final = this.pathOf(sha256);
    const dir = path.dirname(final);
    await fs.mkdir(dir, { recursive: true });
    const partial = path.join(dir, `.partial-${sha256.slice(2, 18)}-${process.pid}-${randomBytes(6).toString('hex')}`);
    const handle = await fs.open(partial, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.hooks.beforeRename?.(partial);
    await fs.rename(partial, final);
    await syncDir(dir);
  }

  async read(_db: unknown, sha256: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(_db: unknown, sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true });
  }

  /** Files by digest (each checked against the database by the caller, under the digest's lock); stale partial writes are deleted here. */
  async orphans(db: Conn): Promise<string[]> {
    const found: string[] = [];
    const folders = await fs.readdir(this.root).catch(() => [] as string[]);
    for (const folder of folders.filter((f) => /^[0-9a-f]{2}$/.test(f))) {
      for (const name of await fs.readdir(path.join(this.root, folder))) {
        const file = path.join(this.root, folder, name);
        if (PARTIAL.test(name)) {
          const stat = await fs.stat(file).catch(() => null);
          if (stat && Date.now() - stat.mtimeMs > STALE_PARTIAL_MS) await fs.rm(file, { force: true });
        } else if (isSha256(folder + name)) found.push(folder + name);
      }
    }
    if (found.length === 0) return [];
    const listed = new Set((await db.selectFrom('stored_documents').select('sha256').where('sha256', 'in', found).execute()).map((r) => r.sha256));
    return found.filter((s) => !listed.has(s));
  }
}

/** Makes a rename durable: the directory entry itself is flushed (a no-op where the platform cannot). */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
