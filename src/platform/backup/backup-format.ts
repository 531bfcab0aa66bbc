import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';

/**
 * The backup file: gzip-compressed JSON, one document a line.
 *
 *   {"format":"palermo-backup","version":2,"migrations":[…],"createdAt":…}     the header
 *   {"table":"states","columns":["iso3",…]}                                   a table's section: its header…
 *   {"r":{…row…}}  × N                                                         …and its rows
 *   …
 *   {"end":true,"header":H,"tables":[{"table","rows","sha256"}…],"rows":M,"sha256":F}
 *
 * The end record is the manifest: H is the SHA-256 of the header line, each table's digest covers its section's
 * lines (section header and rows), and F covers every line before the end record. Lines are hashed as written,
 * each with its "\n". A reader recomputes all of them before restoring anything, so a dropped row, a removed
 * section, an edited value or header, or a truncated file is named instead of restored. (The digests detect
 * damage, not a forger who recomputes them: keep backups where only operators can write.)
 */

export const FORMAT = 'palermo-backup';
export const VERSION = 2;

export class BackupError extends Error {}

export interface BackupHeader {
  format: string;
  version: number;
  migrations: string[];
  createdAt: string;
}

export interface ManifestEntry {
  table: string;
  rows: number;
  sha256: string;
}

export interface EndRecord {
  end: true;
  header: string;
  tables: ManifestEntry[];
  rows: number;
  sha256: string;
}

export const sha256 = () => crypto.createHash('sha256');

export interface Line {
  n: number;
  /** The line as written, "\n" included: what the digests cover. */
  text: string;
}

/** The file's lines, decompressed; a file that is not gzip, or whose compressed stream ends early, is named. */
export async function* backupLines(file: string): AsyncGenerator<Line> {
  if (!fs.existsSync(file)) throw new BackupError(`No file ${file}`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of rl) yield { n: ++n, text: `${line}\n` };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message)) {
      throw new BackupError(`${file} is truncated: its compressed data ends early, after line ${n}`);
    }
    throw new BackupError(`Cannot read ${file} as a Palermo backup (${e.message})`);
  }
}

export function parseLine(line: Line): unknown {
  try {
    return JSON.parse(line.text);
  } catch {
    return undefined;
  }
}

/** Checks the first line: a Palermo backup in a format this version reads. */
export function checkHeader(file: string, value: unknown): BackupHeader {
  const h = value as Partial<BackupHeader> | undefined;
  if (!h || typeof h !== 'object' || h.format !== FORMAT) throw new BackupError(`${file} is not a Palermo backup`);
  if (h.version === 1) {
    throw new BackupError(
      `${file} is in backup format version 1, which carries no checksums and cannot be verified: make a new backup with this version of Palermo`,
    );
  }
  if (h.version !== VERSION) throw new BackupError(`Backup format version ${String(h.version)} is not supported (this Palermo reads version ${VERSION})`);
  if (!Array.isArray(h.migrations) || typeof h.createdAt !== 'string') throw new BackupError(`The header of ${file} is damaged`);
  return h as BackupHeader;
}
