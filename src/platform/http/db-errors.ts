import { AppError } from './errors.ts';

/**
 * Errors raised by PostgreSQL or the connection to it that are not defects of the request's code but
 * conditions a client can act on: a unique key already taken (409) or the database being unreachable
 * for a moment (503, try again). Every module inherits this mapping through the HTTP error handler, so
 * a race between two identical requests or a server restart never surfaces as a 500.
 */

/** SQLSTATE classes and codes, and Node socket errors, that mean "the connection is gone, try again". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, server stopping)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
]);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'Connection terminated unexpectedly',
  'timeout exceeded when trying to connect',
];

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNAVAILABLE_NODE_CODES.has(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}

/** The constraint a unique violation names, for a message that says what is already there. */
export function uniqueViolation(err: unknown): { constraint: string; detail: string } | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (e.code !== '23505') return null;
  return { constraint: typeof e.constraint === 'string' ? e.constraint : '', detail: typeof e.detail === 'string' ? e.detail : '' };
}

/**
 * SQLSTATE class 22, "data exception": a value PostgreSQL could not take (out of range, not a date, NUL in
 * text, bad JSON escape). The schemas and the input guard (input-guard.ts) are meant to refuse such values
 * first, naming the field; this is the backstop so that one they miss is still a 400 (code `invalid_value`,
 * logged as a warning so the gap gets fixed in the schema), never a 500. Nothing was written: the statement
 * failed and its transaction rolled back.
 */
export function isDataException(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** The column names of a unique violation's detail: `Key (iso3, measure)=(FRA, x) already exists.` → iso3, measure. */
export function keyColumns(detail: string): string[] {
  const m = /^Key \(([^)]*)\)=/.exec(detail);
  return m ? m[1]!.split(',').map((c) => c.trim()).filter((c) => /^[a-z_][a-z0-9_]*$/.test(c)) : [];
}

/** Maps a database error to the AppError a client should see, or null when it is a defect (500). */
export function fromDatabaseError(err: unknown): AppError | null {
  if (isDatabaseUnavailable(err)) {
    return new AppError(503, 'unavailable', 'The database is unavailable for a moment; please try again');
  }
  const unique = uniqueViolation(err);
  if (unique) {
    // Name the fields that must be unique, not their values: the detail ("Key (draft_id, state_iso3)=(…)
    // already exists.") is parsed for its column names only.
    const columns = keyColumns(unique.detail);
    const what = columns.length ? `one with the same ${columns.join(', ')}` : 'the same one';
    return new AppError(409, 'conflict', `This already exists: ${what} was saved by another request at the same time, or earlier`, [
      { path: unique.constraint || 'body', message: columns.length ? `already exists with the same ${columns.join(', ')}` : 'already exists' },
    ]);
  }
  if (isDataException(err)) {
    return new AppError(400, 'invalid_value', 'A value in the request is out of range or malformed', [{ path: 'request', message: 'a value was refused by the database' }]);
  }
  return null;
}
