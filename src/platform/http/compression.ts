import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Compressed answers for clients that accept them (issue 14: a fast first visit; the States list is 85 KB of JSON,
 * 9 KB in brotli). The UI's bundle is compressed once at build time and sent as it is (@fastify/static's
 * preCompressed, app.ts); this hook does the API's JSON and the other text answers.
 *
 * Our own hook rather than @fastify/compress: the answers kept in memory (platform/cache) are sent as the same
 * Buffer thousands of times a second, and compressing each of them once — remembered per Buffer — is what keeps
 * those routes at their throughput; @fastify/compress compresses every response anew.
 */

const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(?:application\/(?:json|javascript|xml|atom\+xml)|text\/|image\/svg\+xml)/;

export type Coding = 'br' | 'gzip';

/** Each kept answer's compressed forms, dropped with the answer. */
const kept = new WeakMap<Buffer, Partial<Record<Coding, Buffer>>>();

/** The coding to use for an Accept-Encoding header: brotli, else gzip, else none (q=0 refuses, `*` stands for any). */
export function chooseCoding(header: string | undefined): Coding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const n = weight ? Number(weight.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(n) ? n : 0);
  }
  const accepts = (c: Coding) => (q.get(c) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

function compress(body: Buffer, coding: Coding, quality: number): Buffer {
  return coding === 'br'
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : zlib.gzipSync(body, { level: 6 });
}

function addVary(reply: FastifyReply): void {
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/\baccept-encoding\b/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

export function installCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const status = reply.statusCode;
    if (status < 200 || status === 204 || status === 304 || request.method === 'HEAD' || reply.hasHeader('content-encoding')) return payload;
    // Streams (files, exports, documents) go as they are.
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (size < MIN_BYTES) return payload;
    addVary(reply);
    const coding = chooseCoding(request.headers['accept-encoding']);
    if (!coding) return payload;
    let out: Buffer;
    if (Buffer.isBuffer(payload)) {
      // A Buffer is usually a kept answer (cachedAnswer): compressed once, a little harder.
      const forms = kept.get(payload) ?? {};
      out = forms[coding] ??= compress(payload, coding, 5);
      kept.set(payload, forms);
    } else out = compress(Buffer.from(payload), coding, 4);
    if (out.length >= size) return payload;
    reply.header('content-encoding', coding).header('content-length', out.length);
    // Another representation of the same answer: its ETag becomes weak, which If-None-Match still matches (etag.ts).
    const etag = reply.getHeader('etag');
    if (typeof etag === 'string' && !etag.startsWith('W/')) reply.header('etag', `W/${etag}`);
    return out;
  });
}
