import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type TestApp } from '../../../test/support/app.ts';
import { palermo } from '../../../test/support/cli.ts';

/** The CSV export neutralises cells a spreadsheet would run as formulas (OWASP "CSV Injection"). */

let t: TestApp;
const FORMULAS = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)'];

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'csv-sec', ['secretariat'], null);
  const sec = await login(t.app, 'csv-sec');
  for (const [i, title] of [...FORMULAS, 'A plain title'].entries()) {
    const r = await as(t.app, sec, 'POST', '/api/v1/records', { type: 'guide', lang: 'en', title, ...(i === 0 ? { symbol: '-CTOC/1' } : {}), fullText: `Guide ${i} on article 18.`, date: `202${i}-01-01` });
    expect(r.statusCode, r.body).toBe(201);
  }
});
afterAll(() => t.close());

const rowsOf = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

describe('CSV export and formulas', () => {
  it('prefixes a quote to every string cell starting with = + - @, keeps BOM, CRLF and numbers', async () => {
    const r = await as(t.app, null, 'GET', '/api/v1/export?format=csv');
    expect(r.statusCode).toBe(200);
    expect(r.body.startsWith('\uFEFFid,type,title,lang,')).toBe(true);
    expect(r.body.endsWith('\r\n')).toBe(true);
    expect(r.body.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = rowsOf(r.body);
    const titles = rows.map((x) => x.title);
    for (const f of FORMULAS) expect(titles).toContain(`'${f}`);
    expect(titles).toContain('A plain title');
    // the raw cell is quoted, so no reader sees a bare =, +, - or @ at the start of a field
    expect(r.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(r.body).toMatch(/,"'\+1",/);
    expect(r.body).not.toMatch(/(^|,)[=+\-@]/m);
    expect(rows.find((x) => x.title!.startsWith("'=HYPERLINK"))!.symbol).toBe("'-CTOC/1");
    expect(rows.every((x) => x.version === '1')).toBe(true); // numbers stay numbers
  });

  it('`palermo export --format csv` writes the same neutralised cells', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-csv-'));
    try {
      const out = path.join(dir, 'records.csv');
      const r = palermo(['export', '--format', 'csv', '--out', out], { DATABASE_URL: t.database.url });
      expect(r.status, r.stderr).toBe(0);
      const body = fs.readFileSync(out, 'utf8');
      expect(body.startsWith('\uFEFFid,')).toBe(true);
      expect(rowsOf(body).map((x) => x.title).sort()).toEqual([...FORMULAS.map((f) => `'${f}`), 'A plain title'].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
