import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import { TooManyRequestsError } from './errors.ts';
import { waitText, type LimitGroup, type RateLimits } from './rate-limit-settings.ts';

export { DEFAULT_RATE_LIMITS, waitText, type LimitGroup, type RateLimits } from './rate-limit-settings.ts';

/**
 * Rate limits, in one table for the whole API (issue #9 item 11). Expensive routes (search, export,
 * feed, import, Word documents, routing) and the login are limited per minute: a logged-in person by
 * their account, anyone else by their address. Audited reads of confidential material are limited
 * in another way: each refusal (403, 404) writes an audit entry, so a person or address collecting too
 * many refusals is answered 429 — without touching the material, hence without a new entry — until the
 * window passes. Every 429 carries Retry-After and the usual `{ error: { code: 'too_many_requests' } }`.
 *
 * The limits are far above what a person does, and above what any test file sends from its one
 * address; tests that prove the 429 build an app with smaller ones (config.rateLimits).
 */
/** Which routes each group limits, as Fastify registers them (method and URL pattern). */
export const LIMITED_ROUTES: Record<string, LimitGroup> = {
  'POST /api/v1/auth/login': 'login',
  'GET /api/v1/search': 'search',
  'GET /api/v1/export': 'export',
  'GET /api/v1/directory/export': 'export',
  'GET /api/v1/cases/stats.csv': 'export',
  'GET /api/v1/feed': 'feed',
  'POST /api/v1/imports': 'import',
  'POST /api/v1/reference/party-status/import': 'import',
  'GET /api/v1/drafting/drafts/:id/docx': 'documents',
  'GET /api/v1/drafting/drafts/:id/summary': 'documents',
  'GET /api/v1/directory/route': 'routing',
};

/** Routes whose reads of confidential material are audited, refusals included. */
export const AUDITED_ROUTE_PREFIXES = ['/api/v1/records/', '/api/v1/directory/', '/api/v1/drafting/', '/api/v1/cases/'];

const DENIED = new Set([403, 404]);
/** Refusals by role already counted by countRefusal, so the audited routes' onResponse does not count them twice. */
const refusalCounted = new WeakSet<FastifyRequest>();

const byAddress = (request: FastifyRequest) => `address:${normalizeIP(request.ip)}`;
const byActor = (request: FastifyRequest) => (request.actor?.kind === 'user' ? `user:${request.actor.id}` : byAddress(request));

const tooMany = (seconds: number) => new TooManyRequestsError(`Too many requests; try again in ${waitText(seconds)}`, seconds);

/**
 * Registers @fastify/rate-limit and applies the table to each route as it is registered. Call before
 * any route is added, after the hook that resolves the actor (authz.ts), so limits can key by account.
 */
export async function installRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  let deniedReads: ReturnType<FastifyInstance['createRateLimit']> | null = null;

  // Runs before the plugin's own onRoute hook (added by register below), which reads config.rateLimit.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const group = methods.map((m) => LIMITED_ROUTES[`${m === 'HEAD' ? 'GET' : m} ${route.url}`]).find(Boolean);
    route.config ??= {};
    if (group && route.config.rateLimit === undefined) {
      const limit = limits.perMinute[group];
      route.config.rateLimit = {
        timeWindow: 60_000,
        keyGenerator: group === 'login' ? byAddress : byActor,
        max: (_request, key) => (key.startsWith('user:') ? limit.user : limit.anonymous),
      };
    }
    if (AUDITED_ROUTE_PREFIXES.some((p) => route.url.startsWith(p))) {
      addHook(route, 'onRequest', async (request: FastifyRequest) => {
        const seen = await deniedReads!(request, { increment: false });
        if (!seen.isAllowed && seen.remaining === 0) throw tooMany(Math.max(1, seen.ttlInSeconds));
      });
      addHook(route, 'onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
        if (DENIED.has(reply.statusCode) && !refusalCounted.has(request)) await deniedReads!(request);
      });
    }
  });

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => tooMany(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  deniedReads = app.createRateLimit({
    max: limits.deniedReads.max,
    timeWindow: limits.deniedReads.windowMinutes * 60_000,
    keyGenerator: byActor,
  });
  // A refusal by role (authz.ts) writes an audit entry before any route hook runs: it counts as a denied
  // read on every route, and past the threshold it is answered 429 without a new entry.
  app.decorate('countRefusal', async (request: FastifyRequest) => {
    refusalCounted.add(request);
    const seen = await deniedReads!(request);
    if (!seen.isAllowed && seen.isExceeded) throw tooMany(Math.max(1, seen.ttlInSeconds));
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by installRateLimits: counts one refusal by role; throws 429 past the denied-reads limit. */
    countRefusal?: (request: FastifyRequest) => Promise<void>;
  }
}

type HookName = 'onRequest' | 'onResponse';
function addHook(route: RouteOptions, name: HookName, hook: (request: FastifyRequest, reply: FastifyReply) => Promise<void>) {
  const existing = route[name];
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  (route as unknown as Record<HookName, unknown[]>)[name] = [...list, hook];
}
