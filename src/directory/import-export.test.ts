import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { palermo } from '../../test/support/cli.ts';
import { escapeText, fold, toVCards } from './vcard.ts';

let t: TestApp;
let sec: Session;
let prac: Session;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'imp-sec', ['secretariat'], null);
  await addUser(t, 'imp-prac', ['practitioner'], 'ITA');
  sec = await login(t.app, 'imp-sec');
  prac = await login(t.app, 'imp-prac');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-dir-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const postCsv = (csv: string, query: string) => as(t.app, sec, 'POST', `/api/v1/directory/import?${query}`, csv, { 'content-type': 'text/csv' });

async function counts() {
  const db = t.database.db;
  const n = async (table: 'directory_authorities' | 'directory_history' | 'directory_measures') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { authorities: await n('directory_authorities'), measures: await n('directory_measures'), history: await n('directory_history') };
}

const GOOD = [
  'iso3,category,subtype,name,functions,languages,channels,email,phone,available_24x7,requirements,contact_persons,provenance_type,provenance_reference,provenance_date',
  'ESP,central-authority,ministry-of-justice,Ministerio de Justicia — Subdirección General de Cooperación Jurídica Internacional,mla;extradition,es,diplomatic;post;email,sgcji@demo.example.org,+00 34 000 0001,no,Translation into Spanish | No apostille,"[{""name"":""Demo Officer [FICTITIOUS]"",""email"":""demo@example.org"",""languages"":[""es"",""en""]}]",note-verbale,NV 123/2026,2026-01-15',
  'ESP,competent-authority,fiu,SEPBLAC,financial-intelligence,,,,,,,,,,',
].join('\n');

describe('CSV import', () => {
  it('rejects a file with bad rows, naming line and column, and writes nothing', async () => {
    const before = await counts();
    const bad = [
      'iso3,category,subtype,name,languages,email,available_24x7,usual_execution_days',
    ];
    const r1 = await postCsv(bad.join('\n') + '\nESP,central-authority,court,X,,,,\n', 'type=authorities');
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.issues).toEqual([expect.objectContaining({ path: 'line 1', message: expect.stringMatching(/unknown column "usual_execution_days"/) })]);

    const rows = [
      'iso3,category,subtype,name,languages,email,available_24x7',
      'ESP,central-authority,ministry-of-justice,Good row,es,ok@example.org,yes',
      'XXX,central-authority,ministry-of-justice,Unknown State,es,,',
      'ESP,headquarters,ministry-of-justice,Bad category,es,,',
      'ESP,central-authority,court,Bad values,Spanish,not-an-email,maybe',
    ].join('\n');
    const r2 = await postCsv(rows, 'type=authorities');
    expect(r2.statusCode).toBe(400);
    const issues = r2.json().error.issues.map((i: { path: string }) => i.path);
    expect(issues).toEqual(expect.arrayContaining([
      'line 3, column iso3',
      'line 4, column category',
      'line 5, column languages',
      'line 5, column email',
      'line 5, column available_24x7',
    ]));
    expect(issues.some((p: string) => p.startsWith('line 2'))).toBe(false);
    expect(r2.json().error.message).toMatch(/nothing was imported/);
    expect(await counts()).toEqual(before);
  });

  it('a row that fails only when written (a reference to a missing authority) also leaves nothing behind', async () => {
    const before = await counts();
    const csv = 'iso3,measure,available,receiving_authority_id\nESP,bank-records,yes,\nESP,video-link-hearing,yes,00000000-0000-4000-8000-000000000001\n';
    const r = await postCsv(csv, 'type=measures');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].path).toMatch(/^line 3/);
    expect(await counts()).toEqual(before);
  });

  it('--dry-run reports what would change and writes nothing; then the real import; then the same file again changes nothing', async () => {
    const before = await counts();
    const dry = await postCsv(GOOD, 'type=authorities&dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ rows: 2, created: 2, updated: 0, dryRun: true });
    expect(await counts()).toEqual(before);

    const real = await postCsv(GOOD, 'type=authorities');
    expect(real.json()).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, dryRun: false });
    const esp = (await as(t.app, prac, 'GET', '/api/v1/directory/states/ESP')).json();
    expect(esp.part1[0]).toMatchObject({
      functions: ['mla', 'extradition'], languages: ['es'], channels: ['diplomatic', 'post', 'email'], available24x7: false,
      requirements: ['Translation into Spanish', 'No apostille'], provenance: { type: 'note-verbale', reference: 'NV 123/2026', date: '2026-01-15' },
    });
    expect(esp.part1[0].contactPersons[0].languages).toEqual(['es', 'en']);
    expect(esp.part2[0].languages).toBeNull(); // an empty cell is "not known", never "none"

    const again = await postCsv(GOOD, 'type=authorities');
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });
});

describe('export', () => {
  it('CSV export re-imports as "unchanged"; JSON export lists the entries', async () => {
    await postCsv('iso3,measure,available,languages,usual_execution_days\nESP,bank-records,partly,es,30\n', 'type=measures');
    const csv = await as(t.app, sec, 'GET', '/api/v1/directory/export?type=authorities&format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^\uFEFFid,iso3,category,subtype,name,/);
    const back = await postCsv(csv.body, 'type=authorities');
    expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const m = (await as(t.app, null, 'GET', '/api/v1/directory/export?type=measures&format=json')).json();
    expect(m.items).toEqual([expect.objectContaining({ iso3: 'ESP', measure: 'bank-records', available: 'partly', usualExecutionDays: 30 })]);
    const mcsv = (await as(t.app, null, 'GET', '/api/v1/directory/export?type=measures&format=csv')).body;
    expect(mcsv).toContain('ESP,bank-records,partly');
  });

  it('vCard: the authority and its contact persons, escaped, folded, CRLF', async () => {
    const esp = (await as(t.app, prac, 'GET', '/api/v1/directory/states/ESP')).json();
    const r = await as(t.app, prac, 'GET', `/api/v1/directory/authorities/${esp.part1[0].id}/vcard`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="esp-.*\.vcf"/);
    const cards = r.body.split('END:VCARD\r\n').filter(Boolean);
    expect(cards).toHaveLength(2);
    const unfolded = r.body.replace(/\r\n /g, '');
    expect(unfolded).toContain('FN:Ministerio de Justicia — Subdirección General de Cooperación Jurídica Internacional');
    expect(unfolded).toContain('EMAIL;TYPE=work:sgcji@demo.example.org');
    expect(unfolded).toContain('KIND:individual');
    expect(unfolded).toContain('FN:Demo Officer [FICTITIOUS]');
    expect(unfolded).toContain('LANG;PREF=2:en');
    for (const line of r.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('vCard text escaping and folding never split a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `NOTE:${'中'.repeat(60)}`;
    const folded = fold(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(toVCards({ uid: 'u', name: 'X; Y' })).toContain('FN:X\\; Y\r\n');
  });
});

describe('palermo directory (CLI)', () => {
  it('imports with --dry-run and --json, reports bad rows by line and column, and exports to a file', async () => {
    const env = { DATABASE_URL: t.database.url };
    const file = path.join(dir, 'notifications.csv');
    fs.writeFileSync(file, 'iso3,type,made_on,text,extradition_basis,languages\nESP,art16-5-a,2002-03-01,Spain takes the Convention as legal basis [demo],yes,\nESP,art18-14,2002-03-01,Spanish [demo],,es\n');
    const dry = palermo(['directory', 'import', file, '--type', 'notifications', '--dry-run'], env);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toMatch(/2 rows: 2 would be created, 0 would be updated, 0 unchanged\. \(dry run: nothing was written\)/);
    const real = palermo(['directory', 'import', file, '--type', 'notifications', '--json'], env);
    expect(JSON.parse(real.stdout)).toMatchObject({ rows: 2, created: 2, dryRun: false });

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'iso3,type,text,extradition_basis\nESP,art16-5-a,No answer,\n');
    const refused = palermo(['directory', 'import', bad, '--type', 'notifications'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/line 2.*extraditionBasis/);
    expect(palermo(['directory', 'import', bad], env).status).toBe(2);

    const out = path.join(dir, 'out.csv');
    const exp = palermo(['directory', 'export', '--format', 'csv', '--type', 'notifications', '-o', out], env);
    expect(exp.status).toBe(0);
    expect(exp.stderr).toMatch(/2 notifications written to/);
    expect(fs.readFileSync(out, 'utf8')).toContain('ESP,art16-5-a,UNTOC,,2002-03-01');
    const json = JSON.parse(palermo(['directory', 'export', '--format', 'json', '--type', 'notifications'], env).stdout);
    expect(json.items.map((n: { type: string }) => n.type).sort()).toEqual(['art16-5-a', 'art18-14']);
  }, 300_000); // six real `palermo` processes on a shared machine
});
