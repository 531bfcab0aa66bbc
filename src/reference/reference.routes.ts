import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC, rolesPolicy } from '../platform/auth/policy.ts';
import type { AppContext } from '../platform/http/context.ts';
import { ValidationError } from '../platform/http/errors.ts';
import { queryBoolean, errorSchema, iso3Schema } from '../platform/platform.schemas.ts';
import { MAX_IMPORT_BYTES } from '../platform/csv-upload.ts';
import { importPartyStatus } from './party-status-import.ts';
import * as service from './reference.service.ts';
import { sendPublicJson } from '../platform/http/etag.ts';
import { openReferenceCache, referenceCacheOf } from './reference.cache.ts';
import { cachedAnswer } from '../platform/cache/notified-cache.ts';
import {
  articleSchema, clusterSchema, instrumentSchema, langQuery, regionalGroupSchema, stateListQuery, stateListSchema, stateSchema, statusHistorySchema,
} from './reference.schemas.ts';

const instrumentParam = z.string().regex(/^[A-Za-z0-9]{2,12}$/, 'must be an instrument code such as UNTOC');

export function referenceRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ['reference'];
    // The response shapes, declared once: the route documents them (OpenAPI) and the cached answer is parsed through
    // them. Made here, not at import, so the named ones join the OpenAPI components in the order they always had.
    const instrumentList = z.object({ items: z.array(instrumentSchema) });
    const instrumentDetail = instrumentSchema.extend({ articles: z.array(articleSchema) }).meta({ id: 'InstrumentDetail' });
    const articleDetail = articleSchema.extend({ instrumentName: z.string(), instrumentShortName: z.string() }).meta({ id: 'ArticleDetail' });
    const clusterList = z.object({ items: z.array(clusterSchema) });
    const groupList = z.object({ items: z.array(regionalGroupSchema) });
    // Reference data is served from memory while the server runs; the LISTEN connection closes with it.
    const cache = openReferenceCache(ctx.db);
    plain.addHook('onClose', () => cache.close());
    /** Keyed by the route and its validated parameters and query (the language included), never by the caller. */
    const answer = (req: FastifyRequest, schema: z.ZodType, build: () => Promise<unknown>) =>
      cachedAnswer(referenceCacheOf(ctx.db), `${req.routeOptions.url} ${JSON.stringify(req.params)} ${JSON.stringify(req.query)}`, schema, build);

    app.get('/instruments', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'The Convention, its Protocols, UNCAC and the 1988 Convention', querystring: langQuery, response: { 200: instrumentList } },
    }, async (req, reply) =>
      sendPublicJson(req, reply, await answer(req, instrumentList, async () => ({ items: await service.listInstruments(ctx.db, req.query.lang) }))));

    app.get('/instruments/:code', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'One instrument with its articles and their review cluster',
        params: z.object({ code: instrumentParam }),
        querystring: langQuery,
        response: { 200: instrumentDetail, 404: errorSchema },
      },
    }, async (req, reply) => sendPublicJson(req, reply, await answer(req, instrumentDetail, () => service.getInstrument(ctx.db, req.params.code, req.query.lang))));

    app.get('/instruments/:code/articles/:article', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'One article',
        params: z.object({ code: instrumentParam, article: z.coerce.number().int().min(1).max(999) }),
        querystring: langQuery,
        response: { 200: articleDetail, 404: errorSchema },
      },
    }, async (req, reply) =>
      sendPublicJson(req, reply, await answer(req, articleDetail, () => service.getArticle(ctx.db, req.params.code, req.params.article, req.query.lang))));

    app.get('/clusters', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'The review mechanism’s thematic clusters and their articles (resolution 8/2)', querystring: langQuery, response: { 200: clusterList } },
    }, async (req, reply) => sendPublicJson(req, reply, await answer(req, clusterList, async () => ({ items: await service.listClusters(ctx.db, req.query.lang) }))));

    app.get('/regional-groups', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'The five UN regional groups', querystring: langQuery, response: { 200: groupList } },
    }, async (req, reply) => sendPublicJson(req, reply, await answer(req, groupList, async () => ({ items: await service.listRegionalGroups(ctx.db, req.query.lang) }))));

    app.get('/states', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'States and other parties, with filters',
        description:
          'Filter by regional group, party status to an instrument and legal-system family. Party status "unknown" means the ' +
          'status is not loaded (never "not a party"); with `party`, `unknownStatus.count` says how many States could not be decided.',
        querystring: stateListQuery,
        response: { 200: stateListSchema, 400: errorSchema },
      },
    }, async (req, reply) => sendPublicJson(req, reply, await answer(req, stateListSchema, () => service.listStates(ctx.db, req.query))));

    app.get('/states/:iso3', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'One State’s profile: regional group, legal system, party status per instrument',
        params: z.object({ iso3: iso3Schema }),
        querystring: langQuery,
        response: { 200: stateSchema, 400: errorSchema, 404: errorSchema },
      },
    }, async (req, reply) => sendPublicJson(req, reply, await answer(req, stateSchema, () => service.getState(ctx.db, req.params.iso3, req.query.lang))));

    app.get('/states/:iso3/party-status/history', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'Every change of a State’s party status, with its source', params: z.object({ iso3: iso3Schema }), response: { 200: z.object({ items: z.array(statusHistorySchema) }), 404: errorSchema } },
    }, async (req) => ({ items: await service.getStatusHistory(ctx.db, req.params.iso3) }));

    await app.register(async (importScope) => {
      importScope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
      importScope.withTypeProvider<ZodTypeProvider>().post('/reference/party-status/import', {
        config: { policy: rolesPolicy('secretariat', 'admin') },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Import an official party-status list (CSV: iso3,instrument,status[,signed_on,consented_on,source,as_of])',
          description: 'Send the CSV as the body with Content-Type text/csv. One bad row rejects the whole file, each problem named by line.',
          querystring: z.object({ source: z.string().min(3).max(300), dryRun: queryBoolean.default(false) }),
          response: { 200: z.object({ rows: z.number(), changed: z.number(), unchanged: z.number() }), 400: errorSchema },
        },
      }, async (req) => {
        const body = req.body as unknown;
        if (!Buffer.isBuffer(body)) throw new ValidationError('Send the CSV with Content-Type text/csv', [{ path: 'body', message: 'expected CSV text' }]);
        return importPartyStatus(ctx.db, body, { actor: req.actor, defaultSource: req.query.source, dryRun: req.query.dryRun });
      });
    });
  };
}
