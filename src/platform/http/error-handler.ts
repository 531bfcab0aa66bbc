import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, TooManyRequestsError, type Issue } from './errors.ts';
import { fromDatabaseError } from './db-errors.ts';

/** Maps every error to `{ error: { code, message, issues } }`; clients never see a stack trace. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const issues: Issue[] = err.validation.map((v) => {
        const sub = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { path: sub ? `${where}.${sub}` : where, message: v.message ?? 'invalid', code: v.keyword };
      });
      const first = issues[0];
      return reply.status(400).send({
        error: { code: 'invalid_request', message: first ? `${first.path}: ${first.message}` : 'Invalid request', issues },
      });
    }
    const mapped = err instanceof AppError ? err : fromDatabaseError(err);
    if (mapped) {
      if (mapped.status === 503) {
        request.log.warn({ err }, 'database unavailable');
        reply.header('retry-after', '5');
      }
      if (mapped.code === 'invalid_value') request.log.warn({ err }, 'a value reached the database unchecked: tighten the route schema');
      if (mapped instanceof TooManyRequestsError) reply.header('retry-after', String(mapped.retryAfterSeconds));
      return reply.status(mapped.status).send({ error: { code: mapped.code, message: mapped.message, issues: mapped.issues } });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'internal', message: 'Internal error', issues: [] } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err }, 'unhandled error');
      return reply.status(500).send({ error: { code: 'internal', message: 'Internal error', issues: [] } });
    }
    // Fastify's own client errors: malformed JSON, body too large, wrong content type …
    const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body_too_large' : 'bad_request';
    const message =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `The request body is larger than the limit of ${request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit} bytes`
        : err.message;
    return reply.status(status).send({ error: { code, message, issues: [{ path: 'body', message }] } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}`, issues: [] },
    }),
  );
}
