import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { palermo } from '../../test/support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';

let t: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  t = await createTestDatabase();
  env = { DATABASE_URL: t.url };
});
afterAll(() => t.drop());

describe('palermo CLI', () => {
  it('prints help, and exits 2 with usage on an unknown command or option', () => {
    const help = palermo(['help'], env);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/reference import <file\.csv>/);
    const unknown = palermo(['frobnicate'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badOption = palermo(['users', 'list', '--colour'], env);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toMatch(/Unknown option '--colour'/);
  });

  it('manages users: add, list, set-roles, disable, enable — each audited', async () => {
    const add = palermo(['users', 'add', 'maria.lopez', '--name', 'María López', '--roles', 'officer,practitioner', '--state', 'esp'], env);
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/Created maria\.lopez \(officer, practitioner, ESP\)/);
    expect(add.stdout).toMatch(/Password: \S{16,}/);

    const chosen = palermo(['users', 'add', 'sec-one', '--roles', 'secretariat'], { ...env, PALERMO_PASSWORD: 'chosen password 123' });
    expect(chosen.status).toBe(0);
    expect(chosen.stdout).not.toMatch(/Password:/);

    const list = palermo(['users', 'list', '--state', 'ESP'], env);
    expect(list.stdout).toMatch(/maria\.lopez +ESP +officer,practitioner/);
    expect(list.stdout).not.toMatch(/sec-one/);

    expect(palermo(['users', 'set-roles', 'maria.lopez', 'focal_point'], env).stdout).toMatch(/maria\.lopez: focal_point/);
    expect(palermo(['users', 'disable', 'maria.lopez'], env).stdout).toMatch(/disabled and logged out everywhere/);
    expect(palermo(['users', 'list'], env).stdout).not.toMatch(/maria\.lopez/);
    expect(palermo(['users', 'list', '--all'], env).stdout).toMatch(/maria\.lopez.*DISABLED/);
    expect(palermo(['users', 'enable', 'maria.lopez'], env).status).toBe(0);

    const actions = await t.db.selectFrom('audit_log').select(['action', 'actor_username']).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.create', 'user.roles', 'user.disable', 'user.enable']);
    expect(actions.every((a) => a.actor_username?.startsWith('cli:'))).toBe(true);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const before = await t.db.selectFrom('users').select('username').execute();
    const cases: Array<[string[], number, RegExp]> = [
      [['users', 'add', 'x1y', '--roles', 'officer'], 1, /need a State/],
      [['users', 'add', 'abc', '--roles', 'officer', '--state', 'ZZZ'], 1, /Unknown State ZZZ/],
      [['users', 'add', 'abc', '--roles', 'emperor'], 2, /unknown role\(s\) emperor/],
      [['users', 'add', 'maria.lopez', '--roles', 'practitioner', '--state', 'ESP'], 1, /already exists/],
      [['users', 'set-roles', 'nobody', 'officer'], 1, /No user nobody/],
      [['users', 'add'], 2, /expected 1 argument/],
    ];
    for (const [args, status, message] of cases) {
      const r = palermo(args, env);
      expect(r.status, args.join(' ')).toBe(status);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(await t.db.selectFrom('users').select('username').execute()).toEqual(before);
  });

  it('reorganizes the search index: rows in date order, the index in place, the run audited', async () => {
    const { createRecord } = await import('../knowledge/records.service.ts');
    const { recordInput } = await import('../knowledge/knowledge.schemas.ts');
    const { cliActor } = await import('./cli-context.ts');
    for (const [i, date] of ['2012-01-01', '2020-05-05', '2016-03-03', '2024-07-07'].entries()) {
      await createRecord(t.db, cliActor(), recordInput.parse({ type: 'guide', lang: 'en', title: `Guide ${i}`, date, fullText: `central authority ${i}` }));
    }
    const r = palermo(['search', 'reorganize'], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Done in/);
    const { rows } = await t.pool.query(`SELECT sort_date::text AS d FROM knowledge_search ORDER BY ctid`);
    expect(rows.map((x) => x.d)).toEqual(['2024-07-07', '2020-05-05', '2016-03-03', '2012-01-01']);
    expect((await t.pool.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'knowledge_search_match_idx'`)).rowCount).toBe(1);
    const last = await t.db.selectFrom('audit_log').select(['action', 'actor_username']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last.action).toBe('knowledge.search-reorganize');
    expect(palermo(['search', 'tidy'], env).status).toBe(2);
  });

  it('prints the OpenAPI document', () => {
    const r = palermo(['openapi'], env);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).paths['/api/v1/states']).toBeDefined();
  });

  it('reports a bad DATABASE_URL plainly', () => {
    const r = palermo(['users', 'list'], { DATABASE_URL: 'mysql://x' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL must be a postgres/);
  });
});
