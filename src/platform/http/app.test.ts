import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC } from '../auth/policy.ts';
import { loadConfig } from '../config.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { buildApp, type BuiltApp } from './app.ts';
import type { ApiManifest } from './manifest.ts';

/**
 * The platform alone: buildApp with no module manifest is a working server (health, session, accounts) that
 * knows no module's routes, so the platform stands without the modules and every module route comes from a manifest.
 */
let database: TestDatabase;
let built: BuiltApp;
const config = () => ({ ...loadConfig({}), dataDir: '/nonexistent' });

beforeAll(async () => {
  database = await createTestDatabase();
  built = await buildApp({ db: database.db, config: config() }, [], { web: false });
  await built.app.ready();
});
afterAll(async () => {
  await built?.app.close();
  await database?.drop();
});

describe('the platform app without modules', () => {
  it('serves the health check and the session', async () => {
    const health = await built.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const me = await built.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ authenticated: false });
  });

  it('registers only platform routes: no module route answers', async () => {
    const api = built.routes.filter((r) => r.url.startsWith('/api/v1/')).map((r) => r.url);
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((u) => /^\/api\/v1\/(me|auth|admin)(\/|$)/.test(u)), api.join(', ')).toBe(true);
    for (const url of ['/api/v1/states', '/api/v1/search?q=x', '/api/v1/directory/authorities', '/api/v1/drafting/drafts']) {
      const res = await built.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('documents only the platform tag', () => {
    const doc = built.app.swagger() as { tags?: { name: string }[] };
    expect(doc.tags?.map((t) => t.name)).toEqual(['platform']);
  });
});

describe('composing modules', () => {
  const probe: ApiManifest = {
    name: 'probe',
    tag: { name: 'probe', description: 'A module made for this test' },
    routes: [
      () => async (app) => {
        app.get('/probe', { config: { policy: PUBLIC }, schema: { tags: ['probe'], summary: 'Probe' } }, async () => ({ ok: true }));
      },
    ],
  };

  it("a module's manifest adds its routes under /api/v1 and its tag to the API document", async () => {
    const withProbe = await buildApp({ db: database.db, config: config() }, [probe], { web: false });
    try {
      await withProbe.app.ready();
      const res = await withProbe.app.inject({ method: 'GET', url: '/api/v1/probe' });
      expect(res.statusCode).toBe(200);
      expect((withProbe.app.swagger() as { tags: { name: string }[] }).tags.map((t) => t.name)).toEqual(['platform', 'probe']);
    } finally {
      await withProbe.app.close();
    }
  });

  it('refuses a module listed twice', async () => {
    await expect(buildApp({ db: database.db, config: config() }, [probe, probe], { web: false })).rejects.toThrow(/listed twice/);
  });
});
