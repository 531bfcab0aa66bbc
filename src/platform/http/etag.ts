import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Answers serialised once and sent as they are, with a strong ETag and conditional GET (RFC 9110 §8.8.3, §13.1.2).
 *
 * The ETag is a digest of the bytes, not a version counter: two processes serving the same data give the same
 * ETag, so a client revalidating against another instance behind a load balancer still gets its 304.
 */

export function strongEtag(body: string | Buffer): string {
  return `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match uses the weak comparison: W/"x" matches "x"; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * `no-cache`, not `max-age`: any cache (the browser's, a proxy's — the data is public, the same for everyone) may
 * keep the answer but must revalidate before each use, so an imported party-status list is seen at once, and the
 * revalidation costs one 304 without a body.
 */
export const PUBLIC_REVALIDATE = 'public, no-cache';

/**
 * Sends a JSON body already serialised (Fastify sends bytes, or a string with a JSON content type, as they are,
 * without the route's serializer), or 304 with no body when the client holds it. Only for answers that are the same for every
 * caller: `public` would let a shared cache hand them to anyone. What an answer depends on (its language included,
 * `?lang=`) is in its URL, which every HTTP cache already keys by; the only header it varies on is Accept-Encoding,
 * which compression.ts adds to `Vary` when it compresses.
 */
export function sendPublicJson(
  req: FastifyRequest,
  reply: FastifyReply,
  answer: { body: string | Buffer; etag: string },
): FastifyReply {
  reply.header('etag', answer.etag).header('cache-control', PUBLIC_REVALIDATE);
  if (matchesIfNoneMatch(req.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(answer.body);
}
