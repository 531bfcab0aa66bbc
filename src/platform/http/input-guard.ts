import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from './errors.ts';

/**
 * One rule at the edge for every route, before its schema is checked: what no route can want and what
 * would otherwise reach PostgreSQL or a recursive function as a 500.
 *
 * * U+0000 in any string or object key of the path, query string or JSON body: PostgreSQL text and jsonb
 *   cannot hold it ("invalid byte sequence"), so it is refused here, naming the field (`body.facts.summary`).
 * * JSON nested deeper than MAX_DEPTH: no schema needs more than a dozen levels, and recursive code
 *   (merge patches, comparisons, zod itself) must not be handed 5,000.
 * * Arrays and objects larger than MAX_ITEMS: every schema's own limits are far below it; this only keeps a
 *   1 MiB body of `[0,0,0,…]` from being walked by every later step.
 *
 * File uploads (raw Buffer bodies) are not walked: their readers judge the bytes. New routes inherit all of
 * this because the hook is installed once, on the root instance, in buildApp.
 */
export const MAX_DEPTH = 32;
export const MAX_ITEMS = 10_000;

const NUL = '\u0000';

export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    checkInput('params', request.params);
    checkInput('querystring', request.query);
    if (!Buffer.isBuffer(request.body)) checkInput('body', request.body);
  });
}

/** Throws a ValidationError (400 invalid_request) naming the first offending field. */
export function checkInput(root: string, value: unknown): void {
  // Iterative walk: a hostile depth must not overflow the stack of the guard itself.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes(NUL)) refuse(path, 'must not contain the NUL character (U+0000)');
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_DEPTH) refuse(path, `is nested too deeply (more than ${MAX_DEPTH} levels)`);
    if (Array.isArray(v)) {
      if (v.length > MAX_ITEMS) refuse(path, `has more than ${MAX_ITEMS} items`);
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: `${path}.${i}`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > MAX_ITEMS) refuse(path, `has more than ${MAX_ITEMS} fields`);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const at = `${path}.${key.replaceAll(NUL, '\\u0000')}`;
      if (key.includes(NUL)) refuse(at, 'the field name must not contain the NUL character (U+0000)');
      stack.push({ value: (v as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
}

function refuse(path: string, message: string): never {
  throw new ValidationError(`${path}: ${message}`, [{ path, message }]);
}
