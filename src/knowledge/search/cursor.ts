import { z } from 'zod';
import { isoDate } from '../../platform/platform.schemas.ts';
import { ValidationError } from '../../platform/http/errors.ts';

/**
 * The search cursor: the last hit's sort key and id, as base64url JSON. It comes back from the client, so
 * it is checked like any other input before it reaches SQL (where `k` is cast to real or date and `id` to
 * uuid): a forged or mangled cursor is a 400, never a PostgreSQL cast error.
 */
export interface Cursor {
  /** relevance: the rank; date: the sort date */
  k: number | string;
  id: string;
}

/** PostgreSQL `real` (float4): ranks are 0 or normal numbers in this range; anything else fails the cast. */
const FLOAT4_MIN = 1.1754944e-38;
const FLOAT4_MAX = 3.4028234e38;
const rank = z.number().refine((k) => k === 0 || (Math.abs(k) >= FLOAT4_MIN && Math.abs(k) <= FLOAT4_MAX), 'out of range');
const recordId = z.guid();

const CURSORS = {
  relevance: z.object({ k: rank, id: recordId }),
  date: z.object({ k: isoDate, id: recordId }),
} as const;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(s: string, sort: 'relevance' | 'date'): Cursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = CURSORS[sort].safeParse(decoded);
  if (!parsed.success) {
    throw new ValidationError('Invalid cursor', [{ path: 'querystring.cursor', message: 'use the "next" value of a previous answer with the same sort' }]);
  }
  return parsed.data;
}
