import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import { MAX_BODIES, MAX_BYTES, NotifiedCache } from './notified-cache.ts';

// Only the in-memory bookkeeping: the listening and invalidation across processes are tested with a real server in
// reference/reference.cache.test.ts, directory/routing.cache.test.ts and knowledge/search.cache.test.ts.
const cache = () => new NotifiedCache(null as unknown as Db, ['test']);
const answer = (text: string) => ({ body: Buffer.from(text), etag: `"${text}"` });

describe('answers kept in memory', () => {
  it('drops the least recently used answer when full, not the ones in use', () => {
    const c = cache();
    for (let i = 0; i < MAX_BODIES; i++) c.keep(`k${i}`, c.version, answer(String(i)));
    expect(c.size).toBe(MAX_BODIES);
    expect(c.body('k0', c.version)?.body.toString()).toBe('0'); // used: now the most recent
    c.keep('new', c.version, answer('new'));
    expect(c.size).toBe(MAX_BODIES);
    expect(c.body('k0', c.version)).toBeDefined();
    expect(c.body('k1', c.version)).toBeUndefined(); // the least recently used went
    expect(c.body('new', c.version)?.etag).toBe('"new"');
  });

  it('keeps within its byte budget, and does not keep one answer too large for it', () => {
    const c = cache();
    const big = Buffer.alloc(MAX_BYTES / 8 - 1, 'x');
    for (let i = 0; i < 9; i++) c.keep(`b${i}`, c.version, { body: big, etag: `"b${i}"` });
    expect(c.size).toBe(8);
    expect(c.body('b0', c.version)).toBeUndefined();
    c.keep('huge', c.version, { body: Buffer.alloc(MAX_BYTES / 8 + 1), etag: '"h"' });
    expect(c.body('huge', c.version)).toBeUndefined();
  });

  it('does not keep an answer built before an invalidation, nor serve one after it', () => {
    const c = cache();
    const before = c.version;
    c.keep('a', before, answer('a'));
    c.invalidate();
    expect(c.body('a', c.version)).toBeUndefined();
    c.keep('b', before, answer('b')); // built from the data as it was before the change
    expect(c.body('b', c.version)).toBeUndefined();
    expect(c.size).toBe(0);
  });
});
