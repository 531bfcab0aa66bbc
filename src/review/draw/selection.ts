import { createHash } from 'node:crypto';

/**
 * The hash selection shared by both draws, in the manner of RFC 3797 with SHA-256 (docs/DRAW.md):
 *   key  = the seed in canonical text form (NFC, whitespace runs → one space, trimmed);
 *   h_i  = SHA-256( u32be(i) ‖ UTF-8(key) ‖ u32be(i) ), read as a big-endian unsigned integer;
 *   pick = pool[h_i mod |pool|], the pool sorted by ISO3.
 * i counts 0, 1, 2 … across a whole draw, one number per pick, so a redraw simply continues with the next one.
 */

/** The whitespace that is collapsed: exactly what ECMAScript's \s matches (listed in docs/DRAW.md). */
const WS = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

export function seedKey(seed: string): string {
  const key = seed.normalize('NFC').replace(WS, ' ').trim();
  if (!key) throw new DrawInputError('the seed is empty');
  return key;
}

export function selectionHash(i: number, key: string): string {
  if (!Number.isSafeInteger(i) || i < 0 || i > 0xffffffff) throw new RangeError(`selection number out of range: ${i}`);
  const n = Buffer.alloc(4);
  n.writeUInt32BE(i);
  return createHash('sha256').update(n).update(key, 'utf8').update(n).digest('hex');
}

export function selectionIndex(i: number, key: string, poolSize: number): number {
  return Number(BigInt(`0x${selectionHash(i, key)}`) % BigInt(poolSize));
}

/** Consecutive selections over one key: `pick(pool)` takes pool[h_i mod |pool|] and moves to i+1. */
export class Selector {
  next = 0;
  constructor(readonly key: string) {}
  pick<T>(pool: readonly T[]): { value: T; selection: number } {
    if (pool.length === 0) throw new Error('pick from an empty pool');
    const selection = this.next++;
    return { value: pool[selectionIndex(selection, this.key, pool.length)]!, selection };
  }
}

/** Inputs that cannot be drawn (empty seed, unknown algorithm, malformed facts). */
export class DrawInputError extends Error {
  override name = 'DrawInputError';
}
