import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHENTICATED, PUBLIC } from '../../platform/auth/policy.ts';
import type { UserActor } from '../../platform/auth/roles.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { viewerFor } from '../knowledge.policy.ts';
import * as repo from '../knowledge.repository.ts';
import { searchQuerySchema, toSearchQuery } from '../search/search-query.ts';
import { search } from '../search.service.ts';
import { exportLines, exportRows } from './export.ts';
import { atomFeed } from './feed.ts';
import { DATA_LICENCE, LICENCE_HEADERS } from './licence.ts';
import * as saved from './saved-searches.service.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { fileBody, noContent } from '../../platform/platform.responses.ts';
import { licenceSchema, savedSearchSchema } from '../knowledge.responses.ts';

const tags = ['knowledge'];
const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? 'localhost'}`;
const me = (req: FastifyRequest) => req.actor as UserActor; // AUTHENTICATED routes only

export function openAccessRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/licence', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'The licence of the portal’s data', response: { 200: licenceSchema } },
    }, async () => DATA_LICENCE);

    app.get('/export', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'Bulk export (JSON Lines or CSV) of the records a search selects, newest first; only what the caller may see',
        querystring: searchQuerySchema.omit({ sort: true, cursor: true, limit: true }).extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') }),
        response: { 200: fileBody('application/x-ndjson', 'text/csv'), 400: errorSchema },
      },
    }, async (req, reply) => {
      const { format, ...params } = req.query;
      const { sort: _s, limit: _l, cursor: _c, ...query } = toSearchQuery({ ...params, sort: 'date', limit: 100 });
      const rows = exportRows(ctx.db, viewerFor(req.actor), query);
      reply.headers({
        ...LICENCE_HEADERS,
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="palermo-records.${format}"`,
      });
      return reply.send(Readable.from(exportLines(rows, format)));
    });

    app.get('/feed', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'An Atom feed of the newest records matching any search (the same parameters as /search)', querystring: searchQuerySchema.omit({ sort: true, cursor: true }),
        response: { 200: fileBody('application/atom+xml'), 400: errorSchema },
      },
    }, async (req, reply) => {
      const r = await search(ctx.db, req.actor, toSearchQuery({ ...req.query, sort: 'date', limit: Math.min(req.query.limit, 50) }));
      const updated = new Map((await repo.findRecords(ctx.db, r.items.map((i) => i.id))).map((x) => [x.id, x.updated_at.toISOString()]));
      const xml = atomFeed({
        baseUrl: baseUrl(req),
        selfUrl: `${baseUrl(req)}${req.url}`,
        title: `Palermo${req.query.q ? `: ${req.query.q}` : ''}`,
        items: r.items.map((i) => ({ ...i, updatedAt: updated.get(i.id) ?? new Date(0).toISOString() })),
      });
      return reply.headers(LICENCE_HEADERS).type('application/atom+xml; charset=utf-8').send(xml);
    });

    const savedDto = (s: Awaited<ReturnType<typeof saved.listSavedSearches>>[number]) => ({ id: s.id, name: s.name, query: s.query, email: s.email, createdAt: s.created_at.toISOString() });

    app.get('/saved-searches', {
      config: { policy: AUTHENTICATED },
      schema: { tags, summary: 'My saved searches', response: { 200: z.object({ items: z.array(savedSearchSchema) }) } },
    }, async (req) => ({ items: (await saved.listSavedSearches(ctx.db, me(req))).map(savedDto) }));

    app.post('/saved-searches', {
      config: { policy: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Save a search: new matching records will be announced in my inbox (and by e-mail where configured; see /me/notification-preferences)',
        body: z.object({ name: z.string().trim().min(1).max(200), query: z.record(z.string(), z.unknown()), email: z.boolean().default(false) }),
        response: { 201: savedSearchSchema, 400: errorSchema },
      },
    }, async (req, reply) => reply.status(201).send(savedDto(await saved.saveSearch(ctx.db, me(req), req.body))));

    app.delete('/saved-searches/:id', {
      config: { policy: AUTHENTICATED },
      schema: { tags, summary: 'Delete one of my saved searches', params: z.object({ id: z.string().uuid() }), response: { 204: noContent, 404: errorSchema } },
    }, async (req, reply) => {
      await saved.deleteSavedSearch(ctx.db, me(req), req.params.id);
      return reply.status(204).send(null);
    });
  };
}
