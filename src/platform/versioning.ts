import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, Db } from './db/database.ts';
import { ConflictError, NotFoundError } from './http/errors.ts';

/**
 * Optimistic concurrency, one mechanism for every module whose rows carry an integer `version`
 * (knowledge records, directory entries, drafts). A client sends the version it read; a change is
 * written only if the row is still at that version — checked by the UPDATE itself
 * (`WHERE id = … AND version = expected`, `SET version = version + 1`), so two concurrent writers can
 * never both win, whatever they checked before: PostgreSQL re-evaluates the condition on the row the
 * first writer committed and the second matches nothing. The loser gets a 409 that names the current
 * version, and nothing of its change is written.
 */

type Conn = Db | Transaction<Database>;

/** The tables that have an `id` and a `version` column. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; version: unknown } ? T : never;
}[keyof Database];

/** Any versioned table, as Kysely sees one whose name is known only at run time. */
type AnyVersioned = Kysely<{ versioned: { id: string; version: number } }>;

/** A 409 `conflict` whose issue (`body.expectedVersion`) says which version the row is at now. */
export class StaleVersionError extends ConflictError {
  constructor(
    message: string,
    readonly currentVersion: number,
    readonly sentVersion: number,
  ) {
    super(message);
    this.issues.push({ path: 'body.expectedVersion', message: `the current version is ${currentVersion} (you sent ${sentVersion}); reload and apply your change again` });
  }
}

const defaultMessage = (what: string, current: number, sent: number) =>
  `The ${what} changed since you read it (version ${current}, you had ${sent}); reload and try again`;

/**
 * Throws the uniform 409 when `current` is not `expected`: a cheap early answer before any work, or the
 * whole check where the caller holds the row locked (SELECT … FOR UPDATE).
 */
export function assertVersion(current: number, expected: number, what: string, message = defaultMessage): void {
  if (current !== expected) throw new StaleVersionError(message(what, current, expected), current, expected);
}

export interface VersionedUpdate {
  id: string;
  /** The version the client read. */
  expectedVersion: number;
  /** Column values (as the table's columns, JSON already serialised); `version` is managed here. */
  set: Record<string, unknown>;
  /** Bump the version (default). A status change that is not an edit (finalising) may keep it. */
  bump?: boolean;
  /** Further conditions the row must meet, as column = value (e.g. { status: 'draft' }). */
  alsoWhere?: Record<string, unknown>;
}

/** The guarded UPDATE: the new row, or undefined when the row is not (or no longer) at the expected version. */
export async function tryUpdateVersioned<T extends VersionedTable>(db: Conn, table: T, u: VersionedUpdate): Promise<Selectable<Database[T]> | undefined> {
  // Kysely cannot type a table chosen at run time; the casts stay inside this function.
  const k = db as unknown as AnyVersioned;
  let q = k
    .updateTable(table as 'versioned')
    .set({ ...u.set, ...(u.bump === false ? {} : { version: sql<number>`version + 1` }) } as never)
    .where('id', '=', u.id)
    .where('version', '=', u.expectedVersion);
  for (const [column, value] of Object.entries(u.alsoWhere ?? {})) q = q.where(column as 'id', '=', value as string);
  return (await q.returningAll().executeTakeFirst()) as Selectable<Database[T]> | undefined;
}

/**
 * The guarded UPDATE that answers a lost race itself: the new row, or a StaleVersionError carrying the
 * version the row is at now (a NotFoundError if the row is gone).
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Conn,
  table: T,
  u: VersionedUpdate & { what: string; message?: typeof defaultMessage },
): Promise<Selectable<Database[T]>> {
  const row = await tryUpdateVersioned(db, table, u);
  if (row) return row;
  const k = db as unknown as AnyVersioned;
  const now = await k.selectFrom(table as 'versioned').select('version').where('id', '=', u.id).executeTakeFirst();
  if (!now) throw new NotFoundError(`No ${u.what} ${u.id}`);
  throw new StaleVersionError((u.message ?? defaultMessage)(u.what, now.version, u.expectedVersion), now.version, u.expectedVersion);
}
