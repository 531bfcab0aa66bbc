import type { z } from 'zod';
import type { Db } from '../platform/db/database.ts';
import { strongEtag } from '../platform/http/etag.ts';
import { referenceCacheOf, type CachedBody } from './reference.cache.ts';

/**
 * A reference-data answer serialised once per version of the cache: passed through the route's response schema (as
 * the zod serializer does for every other answer: it validates and drops keys the schema does not name), turned
 * into JSON and given its ETag; later requests for the same key get the same bytes until the data changes. `key`
 * names everything the answer depends on — route, parameters and query, the language among them — and nothing
 * about the caller: these answers are the same for everyone.
 *
 * While the cache cannot be trusted (no live listener yet, or reconnecting) the answer is built afresh each time.
 */
export async function referenceAnswer(db: Db, key: string, schema: z.ZodType, build: () => Promise<unknown>): Promise<CachedBody> {
  const cache = referenceCacheOf(db);
  const version = cache?.live ? cache.version : null;
  if (version !== null) {
    const hit = cache!.body(key, version);
    if (hit) return hit;
  }
  // kept as bytes: an 85 KB string would be encoded to UTF-8 again for every request
  const body = Buffer.from(JSON.stringify(schema.parse(await build())));
  const answer = { body, etag: strongEtag(body) };
  if (version !== null) cache!.keep(key, version, answer);
  return answer;
}
