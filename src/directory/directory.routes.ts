import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC, rolesPolicy } from '../platform/auth/policy.ts';
import type { AppContext } from '../platform/http/context.ts';
import { ValidationError } from '../platform/http/errors.ts';
import { LANGUAGES } from '../platform/i18n/languages.ts';
import { errorSchema, iso3Schema, queryBoolean } from '../platform/platform.schemas.ts';
import { MAX_IMPORT_BYTES } from '../platform/csv-upload.ts';
import { exportRows, importDirectoryCsv, IMPORT_TYPES, toCsv } from './directory.csv.ts';
import { canSeeContacts, CONTACT_ROLES, EDITOR_ROLES } from './directory.policy.ts';
import { CATEGORIES, FUNCTIONS, NOTIFICATION_TYPES, PATCHES, FIELDS, versionBody, type EntryType } from './directory.schemas.ts';
import * as service from './directory.service.ts';
import { MEASURE_CODES, REQUEST_KINDS } from '../reference/measures.ts';
import { routeAnswerSchema } from './routing.schema.ts';
import { routeRequest } from './routing.service.ts';
import { vcardFor } from './vcard.service.ts';
import { entrySchema, historyItemSchema, listOf, staleSchema, stateCountSchema, stateDirectorySchema } from './directory.responses.ts';
import { fileBody } from '../platform/platform.responses.ts';
import { openRoutingCache, routingCacheOf } from './routing.cache.ts';
import { cachedAnswer } from '../platform/cache/notified-cache.ts';

const tags = ['directory'];
const EDITORS = rolesPolicy(...EDITOR_ROLES);
const idParam = z.object({ id: z.uuid('must be a directory entry id (UUID)') });
const historySchema = listOf(historyItemSchema);
const retireBody = versionBody.extend({ reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500) });

const PLURAL: Record<EntryType, string> = { authority: 'authorities', measure: 'measures', notification: 'notifications', expert: 'experts' };

export function directoryRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const db = ctx.db;
    const routingCache = openRoutingCache(db);
    plain.addHook('onClose', () => routingCache.close());

    // ——— routing ———
    app.get('/directory/route', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'Where do I send this? The authority, languages, channels, legal basis and requirements for one request',
        description: 'Contacts are null unless the caller is a logged-in practitioner, officer, focal point, expert or the secretariat. ' +
          'Anything not recorded is null and named in `unknown`; "unknown" never means "no".',
        querystring: z.object({
          from: iso3Schema,
          to: iso3Schema,
          kind: z.enum(REQUEST_KINDS as ['mla', 'extradition', 'confiscation']),
          measure: z.enum(MEASURE_CODES, { error: 'must be a measure code such as bank-records' }).optional(),
          lang: z.enum(LANGUAGES).default('en'),
        }),
        response: { 200: routeAnswerSchema, 400: errorSchema, 404: errorSchema },
      },
    }, async (req, reply) => {
      const { lang, ...q } = req.query;
      // Served from memory (routing.cache.ts): the key names all the answer depends on — the validated query, the
      // language and whether the caller may see contacts, the one thing about the caller it reads. Sent as bytes,
      // still `no-store` (app.ts): an answer with contacts must not sit in a shared cache.
      const key = `${q.from} ${q.to} ${q.kind} ${q.measure ?? ''} ${lang} ${canSeeContacts(req.actor) ? 'contacts' : 'public'}`;
      const answer = await cachedAnswer(routingCacheOf(db), key, routeAnswerSchema, () => routeRequest(db, req.actor, q, { lang }));
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(answer.body);
    });

    // ——— reading ———
    app.get('/directory/states', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'The States that have directory entries, with counts and the latest verification date', response: { 200: listOf(stateCountSchema) } },
    }, async () => ({ items: await service.stateSummaries(db) }));

    app.get('/directory/states/:iso3', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'A State’s directory: part 1, part 2 (with regional networks it belongs to), focal points, Firearms points of contact, per-measure records, notifications',
        params: z.object({ iso3: iso3Schema }),
        response: {
          200: stateDirectorySchema,
          404: errorSchema,
        },
      },
    }, async (req) => service.stateDirectory(db, req.actor, req.params.iso3));

    app.get('/directory/authorities', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'Find authorities by State, category, function or name (public: names and functions; contacts for logged-in professionals)',
        querystring: z.object({
          state: iso3Schema.optional(),
          category: z.enum(CATEGORIES).optional(),
          function: z.enum(FUNCTIONS).optional(),
          q: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 200: listOf(entrySchema) },
      },
    }, async (req) => ({
      items: await service.listAuthorities(db, req.actor, { iso3: req.query.state, category: req.query.category, fn: req.query.function, q: req.query.q, withNetworks: !!req.query.state }),
    }));

    app.get('/directory/measures', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'Per-State, per-measure records (what is possible and how)', querystring: z.object({ state: iso3Schema.optional() }), response: { 200: listOf(entrySchema) } },
    }, async (req) => ({ items: await service.listMeasures(db, req.actor, req.query.state) }));

    app.get('/directory/notifications', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'Notifications and declarations (art. 16(5)(a), 18(13), 18(14), reservations) with their dates and text',
        querystring: z.object({ state: iso3Schema.optional(), type: z.enum(NOTIFICATION_TYPES).optional() }),
        response: { 200: listOf(entrySchema) },
      },
    }, async (req) => ({ items: await service.listNotifications(db, req.actor, { iso3: req.query.state, type: req.query.type }) }));

    app.get('/directory/authorities/:id', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'One authority', params: idParam, response: { 200: entrySchema, 404: errorSchema } },
    }, async (req) => service.getEntry(db, req.actor, 'authority', req.params.id));

    app.get('/directory/experts', {
      config: { policy: rolesPolicy('expert', 'secretariat') },
      schema: { tags, summary: 'The experts’ list: contact details for registered experts only (the secretariat keeps the list without seeing them)', response: { 200: listOf(entrySchema) } },
    }, async (req) => ({ items: await service.listExperts(db, req.actor) }));

    app.get('/directory/stale', {
      config: { policy: rolesPolicy('secretariat') },
      schema: {
        tags,
        summary: 'Entries not confirmed for `months` months (default 12), oldest first',
        querystring: z.object({ months: z.coerce.number().int().min(1).max(120).default(12) }),
        response: { 200: staleSchema },
      },
    }, async (req) => service.listStale(db, req.actor, req.query.months));

    // ——— vCards ———
    app.get('/directory/authorities/:id/vcard', {
      config: { policy: rolesPolicy(...CONTACT_ROLES) },
      schema: { tags, summary: 'The authority and its contact persons as vCards (text/vcard)', params: idParam, response: { 200: fileBody('text/vcard'), 404: errorSchema } },
    }, async (req, reply) => {
      const v = await vcardFor(db, req.actor, 'authority', req.params.id);
      return reply.type('text/vcard; charset=utf-8').header('content-disposition', `attachment; filename="${v.filename}"`).send(v.text);
    });
    app.get('/directory/experts/:id/vcard', {
      config: { policy: rolesPolicy('expert') },
      schema: { tags, summary: 'An expert’s contact card (experts only)', params: idParam, response: { 200: fileBody('text/vcard'), 404: errorSchema } },
    }, async (req, reply) => {
      const v = await vcardFor(db, req.actor, 'expert', req.params.id);
      return reply.type('text/vcard; charset=utf-8').header('content-disposition', `attachment; filename="${v.filename}"`).send(v.text);
    });

    // ——— changing ———
    app.post('/directory/authorities', {
      config: { policy: EDITORS },
      schema: { tags, summary: 'Add an authority, focal point, Firearms point of contact or informal channel (focal point: own State only)', body: FIELDS.authority, response: { 201: entrySchema, 400: errorSchema, 403: errorSchema } },
    }, async (req, reply) => reply.status(201).send(await service.createEntry(db, req.actor, 'authority', req.body)));

    app.post('/directory/notifications', {
      config: { policy: EDITORS },
      schema: { tags, summary: 'Record a notification or declaration (focal point: own State only)', body: FIELDS.notification, response: { 201: entrySchema, 400: errorSchema, 403: errorSchema } },
    }, async (req, reply) => reply.status(201).send(await service.createEntry(db, req.actor, 'notification', req.body)));

    app.post('/directory/experts', {
      config: { policy: rolesPolicy('expert', 'secretariat') },
      schema: { tags, summary: 'Add an expert to the list (an expert adds their own entry; the secretariat anyone’s)', body: FIELDS.expert, response: { 201: entrySchema, 400: errorSchema } },
    }, async (req, reply) => reply.status(201).send(await service.createEntry(db, req.actor, 'expert', req.body)));

    app.put('/directory/states/:iso3/measures/:measure', {
      config: { policy: EDITORS },
      schema: {
        tags,
        summary: 'Create or change a State’s record for one measure (focal point: own State only)',
        params: z.object({ iso3: iso3Schema, measure: z.enum(MEASURE_CODES, { error: 'must be a measure code such as bank-records' }) }),
        body: PATCHES.measure.omit({ iso3: true, measure: true }).extend(versionBody.shape),
        response: { 200: entrySchema, 201: entrySchema, 400: errorSchema, 403: errorSchema },
      },
    }, async (req, reply) => {
      const { expectedVersion, ...fields } = req.body;
      const r = await service.putMeasure(db, req.actor, req.params.iso3, req.params.measure, fields, { expectedVersion });
      return reply.status(r.created ? 201 : 200).send(r.entry);
    });

    for (const type of ['authority', 'notification', 'expert'] as const) {
      app.patch(`/directory/${PLURAL[type]}/:id`, {
        config: { policy: type === 'expert' ? rolesPolicy('expert', 'secretariat') : EDITORS },
        schema: {
          tags,
          summary: `Change a ${type} (a new version; the previous one stays in its history)`,
          params: idParam,
          body: PATCHES[type].extend(versionBody.shape),
          response: { 200: entrySchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
        },
      }, async (req) => {
        const { expectedVersion, ...fields } = req.body as Record<string, unknown> & { expectedVersion?: number };
        return (await service.updateEntry(db, req.actor, type, req.params.id, fields, { expectedVersion })).entry;
      });
    }

    for (const type of ['authority', 'measure', 'notification', 'expert'] as const) {
      const editors = type === 'expert' ? rolesPolicy('expert', 'secretariat') : EDITORS;
      app.post(`/directory/${PLURAL[type]}/:id/confirm`, {
        config: { policy: editors },
        schema: { tags, summary: `Confirm a ${type} is still correct (sets the date last verified)`, params: idParam, body: versionBody.optional(), response: { 200: entrySchema, 403: errorSchema, 404: errorSchema } },
      }, async (req) => service.confirmEntry(db, req.actor, type, req.params.id, { expectedVersion: req.body?.expectedVersion }));

      app.post(`/directory/${PLURAL[type]}/:id/retire`, {
        config: { policy: editors },
        schema: { tags, summary: `Retire a ${type} (kept with its history, no longer listed)`, params: idParam, body: retireBody, response: { 200: entrySchema, 403: errorSchema, 404: errorSchema } },
      }, async (req) => service.retireEntry(db, req.actor, type, req.params.id, req.body.reason, { expectedVersion: req.body.expectedVersion }));

      app.get(`/directory/${PLURAL[type]}/:id/history`, {
        config: { policy: type === 'expert' ? rolesPolicy('expert', 'secretariat') : PUBLIC },
        schema: { tags, summary: `Every version of a ${type}: who, when, what changed (contact details only for those who may see them)`, params: idParam, response: { 200: historySchema, 404: errorSchema } },
      }, async (req) => ({ items: await service.getHistory(db, req.actor, type, req.params.id) }));
    }

    // ——— export / import ———
    app.get('/directory/export', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'Export one type of entry as CSV or JSON (contact details only for those who may see them)',
        description: 'The JSON answer is described here; with `format=csv` the answer is text/csv (one column per field).',
        querystring: z.object({ type: z.enum(Object.keys(IMPORT_TYPES) as [string, ...string[]]).default('authorities'), format: z.enum(['csv', 'json']).default('json') }),
        response: { 200: z.union([z.object({ type: z.string(), items: z.array(entrySchema) }), z.string().describe('the CSV file (format=csv, text/csv)')]) },
      },
    }, async (req, reply) => {
      const { type, rows, hidden } = await exportRows(db, req.actor, req.query.type);
      if (req.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="directory-${req.query.type}.csv"`)
          .send(toCsv(type, rows, hidden));
      }
      return { type: req.query.type, items: rows.map((r) => service.entryDto(type, r, req.actor)) };
    });

    await app.register(async (importScope) => {
      importScope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
      importScope.withTypeProvider<ZodTypeProvider>().post('/directory/import', {
        config: { policy: rolesPolicy('secretariat') },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Import directory entries from CSV (the initial load); one bad row rejects the file',
          description: 'Send the CSV as the body with Content-Type text/csv. Every problem is named by line and column; nothing is written unless every row is right. `dryRun=true` reports what would change.',
          querystring: z.object({ type: z.enum(Object.keys(IMPORT_TYPES) as [string, ...string[]]), dryRun: queryBoolean.default(false) }),
          response: {
            200: z.object({ type: z.string(), rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number(), dryRun: z.boolean() }),
            400: errorSchema,
          },
        },
      }, async (req) => {
        const body = req.body as unknown;
        if (!Buffer.isBuffer(body)) throw new ValidationError('Send the CSV with Content-Type text/csv', [{ path: 'body', message: 'expected CSV text' }]);
        return importDirectoryCsv(db, req.actor, req.query.type, body, { dryRun: req.query.dryRun });
      });
    });
  };
}
