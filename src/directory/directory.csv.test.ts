import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';

/** The directory's CSV export neutralises formula-like cells, and its import takes that protection off again. */

let t: TestApp;
let sec: Session;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'csv-dir-sec', ['secretariat'], null);
  sec = await login(t.app, 'csv-dir-sec');
});
afterAll(() => t.close());

const postCsv = (csv: string, type: string) => as(t.app, sec, 'POST', `/api/v1/directory/import?type=${type}`, csv, { 'content-type': 'text/csv' });
const rowsOf = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

const AUTHORITIES = [
  'iso3,category,subtype,name,phone,requirements,office_hours',
  'ESP,central-authority,ministry-of-justice,"=HYPERLINK(""http://x"")",+00 34 000 0001,-2+3 | @SUM(A1),\'\'=already quoted', // a file of ours: one quote is protection
  'ESP,competent-authority,fiu,@SUM(A1) unit,,,',
].join('\r\n');

describe('directory CSV and formulas', () => {
  it('exports formula-like cells with a leading quote, and the export re-imports unchanged', async () => {
    const imported = await postCsv(AUTHORITIES, 'authorities');
    expect(imported.json()).toMatchObject({ created: 2 });
    const esp = (await as(t.app, sec, 'GET', '/api/v1/directory/states/ESP')).json();
    expect(esp.part1[0]).toMatchObject({ name: '=HYPERLINK("http://x")', phone: '+00 34 000 0001', requirements: ['-2+3', '@SUM(A1)'], officeHours: "'=already quoted" });

    const csv = (await as(t.app, sec, 'GET', '/api/v1/directory/export?type=authorities&format=csv')).body;
    expect(csv.startsWith('\uFEFFid,iso3,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = rowsOf(csv);
    expect(rows.map((r) => r.name!).sort()).toEqual(["'=HYPERLINK(\"http://x\")", "'@SUM(A1) unit"]);
    const first = rows.find((r) => r.name!.startsWith("'="))!;
    expect(first).toMatchObject({ phone: "'+00 34 000 0001", requirements: "'-2+3 | @SUM(A1)", office_hours: "''=already quoted" });
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);

    const back = await postCsv(csv, 'authorities');
    expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const again = (await as(t.app, sec, 'GET', '/api/v1/directory/states/ESP')).json();
    expect(again.part1[0]).toMatchObject({ name: '=HYPERLINK("http://x")', phone: '+00 34 000 0001', officeHours: "'=already quoted" });
  });

  it('a number cell stays a number (days) while a formula-like text is neutralised', async () => {
    await postCsv('iso3,measure,available,usual_execution_days,special_requirements\r\nESP,bank-records,yes,30,-only with a court order\r\n', 'measures');
    const csv = (await as(t.app, null, 'GET', '/api/v1/directory/export?type=measures&format=csv')).body;
    const [row] = rowsOf(csv);
    expect(row).toMatchObject({ usual_execution_days: '30', special_requirements: "'-only with a court order" });
    expect((await postCsv(csv, 'measures')).json()).toMatchObject({ unchanged: 1 });
  });
});
