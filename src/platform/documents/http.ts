import type { FastifyReply } from 'fastify';
import { ValidationError } from '../http/errors.ts';
import { contentDisposition } from './file-names.ts';

/**
 * The HTTP side of stored documents, the same for every module that uploads and serves them (drafts' attachments,
 * cases' documents): the upload is the raw request body, and a download carries its SHA-256 as ETag and Repr-Digest.
 */

/** The uploaded file: the raw body, which must not be empty (400 naming `body`). */
export function fileFromBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new ValidationError('Send the file as the request body', [{ path: 'body', message: 'expected the file' }]);
  return body;
}

/** Sends a stored file exactly as stored, its digest in ETag and Repr-Digest (RFC 9530), never cached unchecked. */
export function sendStoredFile(reply: FastifyReply, f: { sha256: string; fileName: string; mediaType: string; bytes: Buffer }) {
  return reply
    .header('etag', `"sha256-${f.sha256}"`)
    .header('repr-digest', `sha-256=:${Buffer.from(f.sha256, 'hex').toString('base64')}:`)
    .header('cache-control', 'private, no-cache')
    .header('content-disposition', contentDisposition(f.fileName))
    .type(f.mediaType)
    .send(f.bytes);
}
