import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ROOT_DIR, trustProxyOption } from '../config.ts';
import { PUBLIC } from '../auth/policy.ts';
import { installAuthorization, type RegisteredRoute } from './authz.ts';
import type { AppContext } from './context.ts';
import { installCompression } from './compression.ts';
import { installErrorHandling } from './error-handler.ts';
import { installRateLimits } from './rate-limits.ts';
import { installInputGuard } from './input-guard.ts';
import { PUBLIC_REVALIDATE } from './etag.ts';
import type { ApiManifest } from './manifest.ts';
import { installAuditChaining } from '../audit/audit-chainer.ts';
import { platformRoutes } from '../platform.routes.ts';
import { jobsRoutes } from '../jobs/jobs.routes.ts';

export const BODY_LIMIT = 1024 * 1024;
export const WEB_DIR = path.join(ROOT_DIR, 'dist/web');

export interface BuiltApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

export interface BuildOptions {
  logger?: boolean;
  web?: boolean;
}

/**
 * The HTTP API (and the web UI's static files) of the platform plus the given modules, in their order. The
 * platform imports no module: the application is composed in src/app/server.ts (buildPalermoApp).
 */
export async function buildApp(ctx: AppContext, modules: readonly ApiManifest[], opts: BuildOptions = {}): Promise<BuiltApp> {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name) || m.tag.name === 'platform') throw new Error(`Module "${m.name}" is listed twice or takes the platform's tag`);
    names.add(m.name);
  }
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: trustProxyOption(ctx.config.trustProxy),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await app.register(cookie);
  const routes = installAuthorization(app, ctx);
  await installRateLimits(app, ctx.config.rateLimits);
  installInputGuard(app);
  installAuditChaining(app, ctx.db);

  app.addHook('onSend', async (request, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', CSP);
    // Nothing from the API is stored by any cache, except the answers that are the same for everyone and say so
    // (sendPublicJson, platform/http/etag.ts). A route's own 'private, …' stays overridden, as it always was.
    if (request.url.startsWith('/api/') && reply.getHeader('cache-control') !== PUBLIC_REVALIDATE) reply.header('cache-control', 'no-store');
    return payload;
  });
  installCompression(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Palermo API',
        version: '1.0.0',
        description:
          'The API of Palermo, the platform for the UN Convention against Transnational Organized Crime and its Protocols. ' +
          'Errors are `{ "error": { "code", "message", "issues": [{ "path", "message", "code" }] } }` (an issue\'s `code` names the check that failed, e.g. `too_big`). ' +
          'Answers of 1 KB or more are compressed (brotli or gzip) for clients that send Accept-Encoding. ' +
          'State-changing requests from a logged-in session need the `x-csrf-token` header (from GET /api/v1/me).',
        license: { name: 'Reference data: CC BY 4.0; software: AGPL-3.0-or-later' },
      },
      tags: [
        { name: 'platform', description: 'Health, session and accounts' },
        ...modules.map((m) => m.tag),
      ],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'palermo_session' } } },
    },
    transform: jsonSchemaTransform,
    // schemas registered with .meta({ id }) become components/schemas (named types in the generated client)
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/health', { config: { policy: PUBLIC }, schema: { hide: true } }, async () => {
    await ctx.db.selectNoFrom((eb) => eb.val(1).as('ok')).execute();
    return { status: 'ok' };
  });

  await app.register(platformRoutes(ctx), { prefix: '/api/v1' });
  await app.register(jobsRoutes(ctx), { prefix: '/api/v1' });
  for (const m of modules) {
    for (const routes of m.routes) await app.register(routes(ctx), { prefix: '/api/v1' });
  }

  if (opts.web !== false) await serveWeb(app);
  return { app, routes };
}

/** The built single-page UI; any non-API GET that is not a file gets index.html (client-side routing). */
async function serveWeb(app: FastifyInstance): Promise<void> {
  const index = path.join(WEB_DIR, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { config: { policy: PUBLIC }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain').send('The web UI is not built: run "npm run build" (npm start does it for you).'),
    );
    return;
  }
  // The build wrote brotli and gzip copies of the bundle (scripts/build-web.mjs): sent to clients that accept them.
  await app.register(fastifyStatic, { root: WEB_DIR, serve: false, preCompressed: true });
  const html = fs.readFileSync(index, 'utf8');
  app.get('/*', { config: { policy: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const rel = decodeURIComponent(request.url.split('?')[0]!).replace(/^\/+/, '');
    if (rel.startsWith('api/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} /${rel}`, issues: [] } });
    }
    const file = path.join(WEB_DIR, rel);
    if (rel && file.startsWith(WEB_DIR + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(rel, rel.startsWith('assets/') ? { maxAge: '365d', immutable: true } : {});
    }
    return reply.type('text/html').send(html);
  });
}
