import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHENTICATED } from '../auth/policy.ts';
import type { UserActor } from '../auth/roles.ts';
import type { AppContext } from '../http/context.ts';
import { isLanguage, LANGUAGES } from '../i18n/languages.ts';
import { BIGINT_SAFE_MAX, errorSchema, languageSchema, queryBoolean, queryInt, serialParam } from '../platform.schemas.ts';
import { listInbox, markAllRead, markRead } from './inbox.ts';
import { preferencesOf, setPreferences } from './preferences.ts';

const tags = ['notifications'];
const me = (req: FastifyRequest) => req.actor as UserActor; // AUTHENTICATED routes only
const langOf = (req: FastifyRequest, asked?: string) => (asked && isLanguage(asked) ? asked : isLanguage(me(req).language) ? me(req).language : 'en') as (typeof LANGUAGES)[number];

const channels = z.object({ inApp: z.boolean(), email: z.boolean() });
const itemSchema = z.object({ text: z.string(), link: z.string().optional(), lang: z.string().optional(), detail: z.string().optional() });
const messageSchema = z.object({
  id: z.number().int(),
  kind: z.string().describe('The kind of notice, e.g. saved-search.new-results, drafting.shared'),
  subject: z.string().describe('One line, in the language asked for (else the reader’s)'),
  body: z.string().optional(),
  items: z.array(itemSchema).optional(),
  params: z.unknown().describe('What the notice was rendered from (kind-specific)'),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
const preferencesSchema = z.object({
  language: languageSchema.describe('The language notices and e-mails are written in'),
  kinds: z.array(z.object({ kind: z.string(), module: z.string(), label: z.string(), inApp: z.boolean(), email: z.boolean(), defaults: channels })),
});

/** The person's own inbox and notice preferences (platform/notifications). */
export function notificationRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/me/notifications', {
      config: { policy: AUTHENTICATED },
      schema: {
        tags,
        summary: 'My messages, newest first, a page at a time, with the number unread',
        querystring: z.object({
          unread: queryBoolean.default(false),
          limit: queryInt(1, 200).default(50),
          before: serialParam('a message id', BIGINT_SAFE_MAX).optional().describe('The `next` of the previous page'),
          lang: languageSchema.optional().describe('Render in this language (default: mine)'),
        }),
        response: { 200: z.object({ items: z.array(messageSchema), unread: z.number().int(), next: z.number().int().nullable() }), 400: errorSchema },
      },
    }, async (req) => listInbox(ctx.db, me(req).id, { unreadOnly: req.query.unread, limit: req.query.limit, before: req.query.before, lang: langOf(req, req.query.lang) }));

    app.post('/me/notifications/read-all', {
      config: { policy: AUTHENTICATED },
      schema: { tags, summary: 'Mark all my messages as read', response: { 200: z.object({ marked: z.number().int() }) } },
    }, async (req) => ({ marked: await markAllRead(ctx.db, me(req).id) }));

    app.post('/me/notifications/:id/read', {
      config: { policy: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Mark one of my messages as read',
        params: z.object({ id: serialParam('a message id', BIGINT_SAFE_MAX) }),
        response: { 204: z.null(), 400: errorSchema, 404: errorSchema },
      },
    }, async (req, reply) => {
      await markRead(ctx.db, me(req).id, req.params.id);
      return reply.status(204).send(null);
    });

    app.get('/me/notification-preferences', {
      config: { policy: AUTHENTICATED },
      schema: {
        tags,
        summary: 'How I am told of each kind of notice (inbox, e-mail) and in which language',
        querystring: z.object({ lang: languageSchema.optional().describe('Label the kinds in this language (default: mine)') }),
        response: { 200: preferencesSchema },
      },
    }, async (req) => preferencesOf(ctx.db, me(req).id, langOf(req, req.query.lang)) as Promise<z.infer<typeof preferencesSchema>>);

    app.put('/me/notification-preferences', {
      config: { policy: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Change how I am told of some kinds of notice, or their language (kinds not listed keep their setting)',
        querystring: z.object({ lang: languageSchema.optional() }),
        body: z.object({
          language: languageSchema.optional(),
          kinds: z.array(z.object({ kind: z.string().min(1).max(100), inApp: z.boolean(), email: z.boolean() })).max(200).default([]),
        }),
        response: { 200: preferencesSchema, 400: errorSchema },
      },
    }, async (req) => {
      await setPreferences(ctx.db, me(req).id, req.body);
      return preferencesOf(ctx.db, me(req).id, langOf(req, req.query.lang ?? req.body.language)) as Promise<z.infer<typeof preferencesSchema>>;
    });
  };
}
