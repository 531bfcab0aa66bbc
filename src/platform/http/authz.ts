import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { audit } from '../audit/audit.service.ts';
import { auditActor, resolveSession } from '../auth/accounts.service.ts';
import { decide, PUBLIC, type Policy } from '../auth/policy.ts';
import { ANONYMOUS } from '../auth/roles.ts';
import type { AppContext } from './context.ts';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';

export const SESSION_COOKIE = 'palermo_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that are public by nature and registered by plugins we do not write (the API documentation). */
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

export interface RegisteredRoute {
  method: string;
  url: string;
  /** Who may call it, and what it accepts: tests walk every route with these (authorization matrix, input fuzzing). */
  policy: Policy;
  schema?: FastifySchema;
}

/**
 * The single authorization mechanism. Every route must carry `config.policy`; registering one without
 * it throws, so a route can never be added unguarded. Before any handler runs, the session is resolved,
 * the CSRF token and Origin are checked for state-changing requests, and the policy is enforced.
 */
export function installAuthorization(app: FastifyInstance, ctx: AppContext): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionToken', undefined);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    route.config ??= {};
    if (!route.config.policy && (isDocsRoute(route.url) || route.url === '/api/docs')) route.config.policy = PUBLIC;
    if (!route.config.policy) {
      throw new Error(`Route ${methods.join(',')} ${route.url} has no policy: add config.policy`);
    }
    for (const m of methods) {
      if (m !== 'HEAD' || !route.url.startsWith('/api/docs')) routes.push({ method: m, url: route.url, policy: route.config.policy, schema: route.schema });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    request.sessionToken = token;
    request.actor = token ? await resolveSession(ctx.db, token) : ANONYMOUS;
    if (token && request.actor.kind === 'anonymous') reply.clearCookie(SESSION_COOKIE, { path: '/' });

    if (UNSAFE.has(request.method)) checkOriginAndCsrf(request);

    const policy = request.routeOptions.config.policy;
    if (!policy) return; // 404s have no route, hence no policy
    const decision = decide(policy, request.actor);
    if (decision === 'unauthenticated') throw new UnauthenticatedError();
    if (decision === 'forbidden') {
      await request.server.countRefusal?.(request); // bounded: past the limit a 429, and no audit entry
      await audit(ctx.db, {
        actor: auditActor(request.actor),
        action: 'access.denied',
        outcome: 'denied',
        ip: request.ip,
        details: { method: request.method, route: request.routeOptions.url },
      });
      throw new ForbiddenError();
    }
  });
  return routes;
}

function checkOriginAndCsrf(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin) {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== request.headers.host) throw new ForbiddenError('Cross-site request refused (Origin does not match)');
  }
  if (request.actor.kind === 'user') {
    const sent = request.headers[CSRF_HEADER];
    if (sent !== request.actor.csrfToken) {
      throw new ForbiddenError(`Missing or wrong ${CSRF_HEADER} header: read csrfToken from GET /api/v1/me`);
    }
  }
}
