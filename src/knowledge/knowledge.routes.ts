import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC, rolesPolicy } from '../platform/auth/policy.ts';
import type { Actor } from '../platform/auth/roles.ts';
import type { AppContext } from '../platform/http/context.ts';
import { queryBoolean, errorSchema, isoDate, serialParam, queryInt, BIGINT_SAFE_MAX } from '../platform/platform.schemas.ts';
import * as repo from './knowledge.repository.ts';
import { recordPolicy, viewerFor } from './knowledge.policy.ts';
import { openSearchCache, searchCacheOf } from './search.cache.ts';
import { cachedAnswer } from '../platform/cache/notified-cache.ts';
import { expectedVersion, recordInput, recordPatch, translationInput } from './knowledge.schemas.ts';
import * as records from './records.service.ts';
import * as legislation from './legislation.service.ts';
import { search } from './search.service.ts';
import { searchQuerySchema, toSearchQuery } from './search/search-query.ts';
import {
  linkReviewSchema, provisionsSchema, recordDetailSchema, recordSchema, recordVersionsSchema, searchResultSchema,
} from './knowledge.responses.ts';
import { noContent } from '../platform/platform.responses.ts';

const EDITORS = rolesPolicy('secretariat', 'focal_point');
const tags = ['knowledge'];
const idParam = z.object({ id: z.string().uuid('must be a record id (UUID)') });

function recordDto(r: repo.RecordRow, viewer: Actor) {
  return {
    id: r.id,
    type: r.type,
    workId: r.work_id,
    title: r.title,
    lang: r.lang,
    symbol: r.symbol,
    states: r.states,
    date: r.date,
    dates: r.dates,
    sourceUrl: r.source_url,
    sourceFile: r.source_file,
    body: r.body,
    fullText: r.full_text,
    details: r.details,
    crimes: r.crimes,
    topics: r.topics,
    access: r.access,
    accessState: r.access_state,
    ownerState: r.owner_state,
    parentId: r.parent_id,
    parentRef: r.parent_ref,
    version: r.version,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at.toISOString(),
    retiredAt: r.retired_at?.toISOString() ?? null,
    retiredReason: r.retired_reason,
    permissions: recordPolicy.permissions(viewer, r),
  };
}

export function knowledgeRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const searchCache = openSearchCache(ctx.db);
    plain.addHook('onClose', () => searchCache.close());

    app.get('/search', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'Search the knowledge portal (full text in six languages, filters, facets, cursor pagination)',
        description: 'Only records the caller may see are searched, counted in facets and returned.',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema, 400: errorSchema },
      },
    }, async (req, reply) => {
      // Served from memory until the records change (search.cache.ts): the key is the parsed query and what the
      // caller may see — all the answer depends on. Sent as bytes, still `no-store` (app.ts): a member's answer
      // may hold restricted records and must not sit in a shared cache.
      const query = toSearchQuery(req.query);
      const key = JSON.stringify([query, viewerFor(req.actor)]);
      const answer = await cachedAnswer(searchCacheOf(ctx.db), key, searchResultSchema, async () => {
        const r = await search(ctx.db, req.actor, query);
        return { ...r, items: r.items.map(({ seq: _seq, ...hit }) => hit) };
      });
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(answer.body);
    });

    app.get('/records/:id', {
      config: { policy: PUBLIC },
      schema: { tags, summary: 'One record, with its links, translations, language versions and, for a document, its recommendations and incoming references', params: idParam, response: { 200: recordDetailSchema, 404: errorSchema } },
    }, async (req) => {
      const r = await records.readRecord(ctx.db, req.actor, req.params.id);
      const [links, translations, children, languageVersions] = await Promise.all([
        repo.linksOf(ctx.db, r.id),
        repo.translationsOf(ctx.db, r.id),
        repo.childrenOf(ctx.db, r.id, recordPolicy.accessFilter(req.actor, 'read')),
        repo.sameWork(ctx.db, r.work_id, r.id, recordPolicy.accessFilter(req.actor, 'read')),
      ]);
      const symbols = [r.symbol, ...(((r.details as { symbols?: string[] }).symbols) ?? [])].filter((s): s is string => !!s);
      const incoming = (await repo.incomingBySymbol(ctx.db, [...new Set(symbols)], recordPolicy.accessFilter(req.actor, 'read', 'r'))).filter((x) => x.id !== r.id);
      return {
        ...recordDto(r, req.actor),
        links: links.map((l) => ({
          id: l.id, predicate: l.predicate, targetKind: l.target_kind, instrument: l.instrument, article: l.article, paragraph: l.paragraph,
          subparagraph: l.subparagraph, target: l.target, atRef: l.at_ref, text: l.span_text, start: l.span_start, end: l.span_end,
          origin: l.origin, verified: l.verified, rejected: l.rejected, createdBy: l.created_by,
        })),
        translations: translations.map((t) => ({ field: t.field, lang: t.lang, value: t.value, kind: t.kind, by: t.by_whom, at: t.at.toISOString() })),
        languageVersions: languageVersions.map((v) => ({ id: v.id, lang: v.lang, title: v.title })),
        children: children.map((c) => ({ id: c.id, type: c.type, title: c.title, lang: c.lang, paragraph: c.parent_ref, details: c.details })),
        incoming: incoming.map((x) => ({ id: x.id, type: x.type, title: x.title, lang: x.lang, text: x.span_text })),
      };
    });

    app.get('/records/:id/versions', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'The versions of a record, newest first, a page at a time: who changed it, when, and what it was',
        description:
          'Only the versions the caller could have read while each was the current one (a record made public does not publish its restricted past). '
          + '`total` counts them; `next`, when not null, is the `before` of the next (older) page.',
        params: idParam,
        querystring: z.object({
          limit: queryInt(1, 100).default(20),
          before: queryInt(2).optional().describe('only versions older than this one'),
        }),
        response: { 200: recordVersionsSchema, 404: errorSchema },
      },
    }, async (req) => {
      const { rows, more, total } = await records.readVersions(ctx.db, req.actor, req.params.id, req.query);
      return {
        items: rows.map((v) => ({ version: v.version, changedBy: v.changed_by, changedAt: v.changed_at.toISOString(), note: v.note, access: v.access, accessState: v.access_state, snapshot: v.snapshot })),
        total,
        next: more ? rows[rows.length - 1]!.version : null,
      };
    });

    app.post('/records', {
      config: { policy: EDITORS },
      schema: { tags, summary: 'Add a record (secretariat; focal points for their own State)', body: recordInput, response: { 201: recordSchema, 400: errorSchema } },
    }, async (req, reply) => reply.status(201).send(recordDto(await records.createRecord(ctx.db, req.actor, req.body), req.actor)));

    app.patch('/records/:id', {
      config: { policy: EDITORS },
      schema: {
        tags,
        summary: 'Edit a record; the previous version is kept',
        description: '`expectedVersion` is the `version` the editor read: if the record changed since, the answer is 409 and nothing is written. '
          + 'Who may read the record and which States it concerns change only by the secretariat or the owning State.',
        params: idParam,
        body: recordPatch,
        response: { 200: recordSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    }, async (req) => recordDto(await records.updateRecord(ctx.db, req.actor, req.params.id, req.body), req.actor));

    app.post('/records/:id/retire', {
      config: { policy: EDITORS },
      schema: {
        tags,
        summary: 'Retire a record (it leaves search; its history stays); the secretariat or the owning State, at the version read',
        params: idParam,
        body: z.object({ reason: z.string().min(3).max(500), expectedVersion }),
        response: { 200: recordSchema, 404: errorSchema, 409: errorSchema },
      },
    }, async (req) => recordDto(await records.retireRecord(ctx.db, req.actor, req.params.id, req.body.reason, req.body.expectedVersion), req.actor));

    app.post('/records/:id/translations', {
      config: { policy: EDITORS },
      schema: { tags, summary: 'Add or replace a translation of one field, marked official, unofficial or machine', params: idParam, body: translationInput, response: { 204: noContent, 404: errorSchema } },
    }, async (req, reply) => {
      await records.addTranslation(ctx.db, req.actor, req.params.id, req.body);
      return reply.status(204).send(null);
    });

    const eidParam = idParam.extend({ eid: z.string().regex(legislation.EID, 'must be a provision id such as art_2__para_1') });
    const provisionDto = (p: Awaited<ReturnType<typeof legislation.provisionsAt>>[number]) => ({
      eid: p.eid, heading: p.heading, text: p.text, validFrom: p.valid_from, validTo: p.valid_to, change: p.change,
    });

    app.get('/records/:id/provisions', {
      config: { policy: PUBLIC },
      schema: {
        tags,
        summary: 'A law’s provisions as they stood on a date (today by default), or every wording with history=true',
        params: idParam,
        querystring: z.object({ at: isoDate.optional(), history: queryBoolean.default(false) }),
        response: { 200: provisionsSchema, 404: errorSchema },
      },
    }, async (req) => {
      const rows = req.query.history
        ? await legislation.provisionHistory(ctx.db, req.actor, req.params.id)
        : await legislation.provisionsAt(ctx.db, req.actor, req.params.id, req.query.at);
      return { at: req.query.history ? null : (req.query.at ?? new Date().toISOString().slice(0, 10)), items: rows.map(provisionDto) };
    });

    app.put('/records/:id/provisions/:eid', {
      config: { policy: EDITORS },
      schema: {
        tags,
        summary: 'Enact or amend a provision of a law from a date (the previous wording stays, in force until then)',
        params: eidParam,
        body: z.object({ heading: z.string().max(500).optional(), text: z.string().min(1).max(200_000), validFrom: isoDate, change: z.string().max(300).optional() }),
        response: { 204: noContent, 400: errorSchema, 404: errorSchema },
      },
    }, async (req, reply) => {
      await legislation.setProvision(ctx.db, req.actor, req.params.id, { eid: req.params.eid, ...req.body });
      return reply.status(204).send(null);
    });

    app.post('/records/:id/provisions/:eid/repeal', {
      config: { policy: EDITORS },
      schema: { tags, summary: 'Repeal a provision from a date', params: eidParam, body: z.object({ on: isoDate, change: z.string().max(300).optional() }), response: { 204: noContent, 400: errorSchema, 404: errorSchema } },
    }, async (req, reply) => {
      await legislation.repealProvision(ctx.db, req.actor, req.params.id, req.params.eid, req.body.on, req.body.change);
      return reply.status(204).send(null);
    });

    app.post('/records/:id/links/:linkId/review', {
      config: { policy: EDITORS },
      schema: {
        tags,
        summary: 'Confirm or reject an extracted link to the Convention',
        params: idParam.extend({ linkId: serialParam('a link id', BIGINT_SAFE_MAX) }),
        body: z.object({ decision: z.enum(['verify', 'reject']) }),
        response: { 200: linkReviewSchema, 404: errorSchema },
      },
    }, async (req) => {
      const l = await records.reviewLink(ctx.db, req.actor, req.params.id, req.params.linkId, req.body.decision);
      return { id: l.id, verified: l.verified, rejected: l.rejected };
    });
  };
}
