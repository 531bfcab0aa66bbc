import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildPalermoApp } from '../../src/app/server.ts';
import type { BuiltApp } from '../../src/platform/http/app.ts';
import { createUser } from '../../src/platform/auth/accounts.service.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { connect, type DbHandle } from '../../src/platform/db/database.ts';
import { stateExists } from '../../src/reference/reference.service.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp extends BuiltApp {
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(opts: { web?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({}), dataDir: '/nonexistent', ...opts.config };
  const built = await buildPalermoApp({ db: database.db, config }, { web: opts.web ?? false });
  await built.app.ready();
  return {
    ...built,
    database,
    close: async () => {
      await built.app.close();
      await database.drop();
    },
  };
}

/** A second app on a connection pool of its own and the same database: what a second server process would share. */
export interface SecondApp {
  app: FastifyInstance;
  handle: DbHandle;
  close(): Promise<void>;
}

export async function openSecondApp(t: TestApp): Promise<SecondApp> {
  const handle = connect(t.database.url, { max: 3 });
  const built = await buildPalermoApp({ db: handle.db, config: { ...loadConfig({}), dataDir: '/nonexistent' } }, { web: false });
  await built.app.ready();
  return {
    app: built.app,
    handle,
    close: async () => {
      await built.app.close();
      await handle.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  username: string;
}

const system = { kind: 'anonymous' as const };

export async function addUser(t: TestApp, username: string, roles: Role[], state: string | null) {
  return createUser(t.database.db, { username, displayName: username, password: TEST_PASSWORD, roles, state }, system, (iso3) =>
    stateExists(t.database.db, iso3),
  );
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'palermo_session');
  return { cookie: `palermo_session=${cookie!.value}`, csrf: res.json().csrfToken as string, username };
}

/** A request as a logged-in user (cookie and CSRF header set), or anonymous when `session` is null. */
export function as(
  app: FastifyInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    payload: payload as never,
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers } : headers,
  });
}
