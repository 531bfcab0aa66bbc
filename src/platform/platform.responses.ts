import type { Readable } from 'node:stream';
import { z } from 'zod';

/**
 * Response shapes of the platform routes that platform.schemas.ts does not already hold. The serializer
 * passes every answer through its schema and drops keys a schema does not name, so a field added to a DTO
 * must be added here too (the module's route tests fail otherwise).
 */

export const auditEntrySchema = z
  .object({
    seq: z.number(),
    at: z.string(),
    actor_id: z.string().nullable(),
    actor_username: z.string().nullable(),
    actor_state: z.string().nullable(),
    action: z.string(),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    outcome: z.enum(['success', 'failure', 'denied']),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    prev_hash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const auditVerifySchema = z.object({
  entries: z.number(),
  ok: z.boolean(),
  problems: z.array(z.object({ seq: z.number(), problem: z.enum(['edited', 'deleted-before', 'reordered', 'broken-link']), message: z.string() })),
});

/**
 * A file answer (CSV, Atom, vCard, DOCX, a JSON Lines stream) in the given media types. Fastify sends strings
 * with their own content type, Buffers and streams as they are, never through the JSON serializer, so this
 * only documents the body (`content` is what @fastify/swagger puts in the OpenAPI response, so the error
 * answers of the same route stay application/json) and types what the handler may send.
 */
export const fileBody = (...mediaTypes: [string, ...string[]]) =>
  z.custom<string | Buffer | Readable>(() => true).meta({
    description: 'the file',
    content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: { type: 'string', format: 'binary' } }])),
  });

/** No body (204). */
export const noContent = z.null().describe('No Content');
