import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import type { Db } from '../platform/db/database.ts';
import type { BuiltApp } from '../platform/http/app.ts';
import { buildPalermoApp } from './server.ts';

/**
 * Every operation of the API declares what it answers, so the generated browser client (src/web/api) is typed
 * from the server's own schemas and the serializer strips nothing a schema does not name by accident.
 */

interface MediaType { schema?: Record<string, unknown> }
interface Response { description?: string; content?: Record<string, MediaType> }
interface Operation { responses?: Record<string, Response> }
interface Document { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } }

let app: BuiltApp['app'];
let doc: Document;

beforeAll(async () => {
  // Routes are only registered, never called: no database needed (as `palermo openapi`).
  ({ app } = await buildPalermoApp({ db: null as unknown as Db, config: loadConfig() }, { web: false }));
  await app.ready();
  doc = app.swagger() as unknown as Document;
});
afterAll(async () => {
  await app.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));

/** A schema that says something: a $ref, a type, or a combination (an empty {} documents nothing). */
const meaningful = (s: Record<string, unknown> | undefined) =>
  !!s && ['$ref', 'type', 'anyOf', 'oneOf', 'allOf', 'enum', 'const'].some((k) => k in s);

describe('response schemas', () => {
  it('every operation declares a 2xx answer with a schema (or 204 No Content)', () => {
    const missing: string[] = [];
    for (const { name, op } of operations()) {
      const ok = Object.entries(op.responses ?? {}).some(([status, r]) => {
        if (!/^2\d\d$/.test(status)) return false;
        if (status === '204') return r.content === undefined;
        const media = Object.values(r.content ?? {});
        return media.length > 0 && media.every((m) => meaningful(m.schema));
      });
      if (!ok) missing.push(name);
    }
    expect(missing, 'operations without a 2xx response schema: add `response: { 200: … }` to the route').toEqual([]);
    expect(operations().length).toBeGreaterThan(80);
  });

  it('every $ref points at a schema of the document', () => {
    const names = new Set(Object.keys(doc.components?.schemas ?? {}));
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !names.has(r))).toEqual([]);
  });

  it('names the shapes the browser client uses', () => {
    const names = Object.keys(doc.components?.schemas ?? {});
    for (const n of ['Error', 'Me', 'Instrument', 'StateDetail', 'KnowledgeRecord', 'SearchResult', 'DirectoryEntry', 'RouteAnswer', 'Draft', 'DraftContent', 'CheckReport']) {
      expect(names, n).toContain(n);
    }
  });

  it('file downloads declare their media type, and their errors stay JSON', () => {
    const get = (p: string) => doc.paths[p]!.get!.responses!;
    expect(Object.keys(get('/api/v1/drafting/drafts/{id}/final.docx')['200']!.content!)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(Object.keys(get('/api/v1/feed')['200']!.content!)).toEqual(['application/atom+xml']);
    expect(Object.keys(get('/api/v1/export')['200']!.content!)).toEqual(['application/x-ndjson', 'text/csv']);
    expect(Object.keys(get('/api/v1/drafting/drafts/{id}/final.docx')['404']!.content!)).toEqual(['application/json']);
  });
});
