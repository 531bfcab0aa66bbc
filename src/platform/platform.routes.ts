import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as accounts from './auth/accounts.service.ts';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './auth/login-throttle.ts';
import { AUTHENTICATED, PUBLIC, rolesPolicy } from './auth/policy.ts';
import { listAudit, verifyAudit } from './audit/audit.service.ts';
import { SESSION_COOKIE } from './http/authz.ts';
import type { AppContext } from './http/context.ts';
import { queryBoolean, roleSchema, errorSchema, loginBody, meSchema, newUserBody, toUserDto, userPatchBody, userSchema, iso3Schema } from './platform.schemas.ts';
import { stateExists } from '../reference/reference.service.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { auditEntrySchema, auditVerifySchema } from './platform.responses.ts';

const ADMIN = rolesPolicy('admin');

export function platformRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const exists = (iso3: string) => stateExists(ctx.db, iso3);
    await app.register(notificationRoutes(ctx)); // the person's inbox and notice preferences

    app.get('/me', {
      config: { policy: PUBLIC },
      schema: { tags: ['platform'], summary: 'The current user, with the CSRF token for state-changing requests', response: { 200: meSchema } },
    }, async (request) => {
      const a = request.actor;
      if (a.kind !== 'user') return { authenticated: false as const };
      return {
        authenticated: true as const,
        csrfToken: a.csrfToken,
        user: { id: a.id, username: a.username, displayName: a.displayName, state: a.state, roles: a.roles, demo: a.demo, language: a.language },
      };
    });

    app.post('/auth/login', {
      config: { policy: PUBLIC },
      schema: {
        tags: ['platform'],
        summary: 'Log in; sets an httpOnly session cookie',
        body: loginBody,
        response: { 200: meSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    }, async (request, reply) => {
      const r = await accounts.login(ctx.db, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        deviceToken: request.cookies[DEVICE_COOKIE],
      });
      // Marks this browser as a known device of the account: its holder is then not slowed down by
      // failed logins others cause (see auth/login-throttle.ts). Sent only to the login route.
      reply.setCookie(DEVICE_COOKIE, r.deviceToken, {
        path: '/api/v1/auth/login',
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.secureCookies,
        maxAge: DEVICE_COOKIE_DAYS * 24 * 60 * 60,
      });
      reply.setCookie(SESSION_COOKIE, r.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.secureCookies,
        expires: r.expiresAt,
      });
      const a = r.actor;
      return {
        authenticated: true as const,
        csrfToken: a.csrfToken,
        user: { id: a.id, username: a.username, displayName: a.displayName, state: a.state, roles: a.roles, demo: a.demo, language: a.language },
      };
    });

    app.post('/auth/logout', {
      config: { policy: AUTHENTICATED },
      schema: { tags: ['platform'], summary: 'Log out (ends the session)', response: { 204: z.null() } },
    }, async (request, reply) => {
      await accounts.logout(ctx.db, request.sessionToken, request.actor, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.get('/admin/users', {
      config: { policy: ADMIN },
      schema: {
        tags: ['platform'],
        summary: 'List accounts (administrators)',
        querystring: z.object({ state: iso3Schema.optional(), role: roleSchema.optional(), includeDisabled: queryBoolean.optional() }),
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    }, async (request) => ({ items: (await accounts.listUsers(ctx.db, request.query)).map(toUserDto) }));

    app.post('/admin/users', {
      config: { policy: ADMIN },
      schema: { tags: ['platform'], summary: 'Create an account (administrators)', body: newUserBody, response: { 201: userSchema, 400: errorSchema, 409: errorSchema } },
    }, async (request, reply) => {
      const b = request.body;
      const user = await accounts.createUser(
        ctx.db,
        { username: b.username, displayName: b.displayName, email: b.email ?? null, password: b.password, state: b.state ?? null, roles: b.roles, language: b.language },
        request.actor,
        exists,
      );
      return reply.status(201).send(toUserDto(user));
    });

    app.patch('/admin/users/:id', {
      config: { policy: ADMIN },
      schema: {
        tags: ['platform'],
        summary: 'Change an account’s roles or disable / enable it (administrators)',
        params: z.object({ id: z.string().uuid('must be a user id (UUID)') }),
        body: userPatchBody,
        response: { 200: userSchema, 400: errorSchema, 404: errorSchema },
      },
    }, async (request) => {
      const { id } = request.params;
      let user = null;
      if (request.body.roles) user = await accounts.setRoles(ctx.db, id, request.body.roles, request.actor);
      if (request.body.disabled !== undefined) user = await accounts.setDisabled(ctx.db, id, request.body.disabled, request.actor);
      return toUserDto(user!);
    });

    app.get('/admin/audit', {
      config: { policy: ADMIN },
      schema: {
        tags: ['platform'],
        summary: 'Read the audit log, newest first (administrators)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().positive().optional(),
          targetType: z.string().max(50).optional(),
          action: z.string().max(50).optional(),
        }),
        response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
      },
    }, async (request) => {
      const rows = await listAudit(ctx.db, request.query);
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    });

    app.get('/admin/audit/verify', {
      config: { policy: ADMIN },
      schema: { tags: ['platform'], summary: 'Verify the audit log’s hash chain (administrators)', response: { 200: auditVerifySchema } },
    }, async () => verifyAudit(ctx.db));
  };
}
