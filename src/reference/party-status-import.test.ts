import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { palermo } from '../../test/support/cli.ts';

let t: TestApp;
let secretariat: Session;
let officer: Session;

async function statusRows() {
  const r = await sql<{ j: unknown }>`SELECT jsonb_agg(to_jsonb(p) ORDER BY iso3, instrument_code) AS j FROM party_status p`.execute(t.database.db);
  const h = await sql<{ n: number }>`SELECT count(*)::int AS n FROM party_status_history`.execute(t.database.db);
  return { rows: r.rows[0]!.j, history: h.rows[0]!.n };
}

const importCsv = (csv: string | Buffer, query = 'source=UNTC+status+2026-11-01', session: Session = secretariat) =>
  as(t.app, session, 'POST', `/api/v1/reference/party-status/import?${query}`, csv, { 'content-type': 'text/csv' });

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'sec', ['secretariat'], null);
  await addUser(t, 'off', ['officer'], 'FRA');
  secretariat = await login(t.app, 'sec');
  officer = await login(t.app, 'off');
});
afterAll(() => t.close());

describe('importing official party-status lists', () => {
  it('updates statuses with dates and source, keeps history, and says what changed', async () => {
    const csv = 'iso3,instrument,status,signed_on,consented_on,as_of\nSOM,UNTOC,party,,2021-07-13,2026-11-01\nAND,SOM,party,2001-11-13,2011-09-22,\nFRA,UNTOC,party,,,\n';
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(200);
    // FRA was already a party with no dates: confirming it is not a change.
    expect(res.json()).toEqual({ rows: 3, changed: 2, unchanged: 1 });
    const som = (await t.app.inject({ method: 'GET', url: '/api/v1/states/SOM' })).json();
    expect(som.partyStatus.find((p: { instrument: string }) => p.instrument === 'UNTOC')).toMatchObject({
      status: 'party',
      known: true,
      consentedOn: '2021-07-13',
      source: 'UNTC status 2026-11-01',
      asOf: '2026-11-01',
    });
    const history = (await t.app.inject({ method: 'GET', url: '/api/v1/states/SOM/party-status/history' })).json().items;
    expect(history.at(-1)).toMatchObject({ instrument: 'UNTOC', from: 'unknown', to: 'party', changedBy: 'sec' });
    const audited = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'reference.party_status.import').execute();
    expect(audited).toHaveLength(1);
  });

  it('importing the same list again changes nothing', async () => {
    const before = await statusRows();
    const csv = 'iso3,instrument,status,signed_on,consented_on,as_of\nSOM,UNTOC,party,,2021-07-13,2026-11-01\n';
    expect((await importCsv(csv)).json()).toEqual({ rows: 1, changed: 0, unchanged: 1 });
    expect(await statusRows()).toEqual(before);
  });

  it('reports every bad row with its line number and imports nothing', async () => {
    const before = await statusRows();
    const csv = [
      'iso3,instrument,status,signed_on,consented_on',
      'DEU,TIP,none,,', // valid, but must not be written because other rows are bad
      'XXX,TIP,party,,',
      'ITA,TAP,party,,',
      'ESP,TIP,maybe,,',
      'PRT,TIP,party,2001-02-30,',
      'GRC,TIP,signatory,,2010-01-01',
      'DEU,TIP,party,,',
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as Array<{ path: string; message: string }>;
    expect(issues.map((i) => i.path)).toEqual([
      'line 3, column iso3',
      'line 4, column instrument',
      'line 5, column status',
      'line 6, column signed_on',
      'line 7, column consented_on',
      'line 8, column iso3',
    ]);
    expect(issues[5]!.message).toMatch(/already given on line 2/);
    expect(await statusRows()).toEqual(before);
  });

  it('rejects a wrong header, an empty file, binary and non-UTF-8 input', async () => {
    const header = await importCsv('country,treaty,status\nFRA,TIP,party\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().error.issues.map((i: { message: string }) => i.message)).toEqual(
      expect.arrayContaining(['missing column "iso3"', expect.stringMatching(/unknown column "country"/)]),
    );
    expect((await importCsv('')).statusCode).toBe(400);
    expect((await importCsv('iso3,instrument,status\n')).json().error.message).toMatch(/no rows/);
    expect((await importCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).json().error.message).toMatch(/binary/);
    expect((await importCsv(Buffer.from('iso3,instrument,status\nCIV,TIP,party,C\xf4te\n', 'latin1'))).json().error.message).toMatch(/UTF-8/);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const before = await statusRows();
    const res = await importCsv('iso3,instrument,status\nDEU,FIR,none\n', 'source=check&dryRun=true');
    expect(res.json()).toEqual({ rows: 1, changed: 1, unchanged: 0 });
    expect(await statusRows()).toEqual(before);
  });

  it('needs a source, and only the secretariat or an administrator may import', async () => {
    expect((await importCsv('iso3,instrument,status\nDEU,FIR,none\n', '')).json().error.issues[0].path).toBe('querystring.source');
    expect((await importCsv('iso3,instrument,status\nDEU,FIR,none\n', 'source=x+y+z', officer)).statusCode).toBe(403);
  });

  it('`palermo reference import` does the same from the command line, with line numbers on error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-import-'));
    const good = path.join(dir, 'good.csv');
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(good, 'iso3,instrument,status,consented_on\nNIU,UNCAC,party,2023-01-01\n');
    fs.writeFileSync(bad, 'iso3,instrument,status\nNIU,UNCAC,party\nQQQ,UNCAC,party\n');
    const env = { DATABASE_URL: t.database.url };
    const ok = palermo(['reference', 'import', good, '--source', 'UNTC UNCAC status'], env);
    expect(ok.stdout).toMatch(/1 rows: 1 changed, 0 unchanged/);
    expect(ok.status).toBe(0);
    const before = await statusRows();
    const ko = palermo(['reference', 'import', bad, '--source', 'UNTC UNCAC status'], env);
    expect(ko.status).toBe(1);
    expect(ko.stderr).toMatch(/line 3, column iso3: "QQQ" is not a known State code/);
    expect(await statusRows()).toEqual(before);
    const noSource = palermo(['reference', 'import', good], env);
    expect(noSource.status).toBe(2);
    expect(noSource.stderr).toMatch(/--source is required/);
    fs.rmSync(dir, { recursive: true });
  });
});
