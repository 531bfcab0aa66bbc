import nodemailer from 'nodemailer';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { palermo } from '../../../test/support/cli.ts';
import { setMailer } from '../../platform/notifications/mailer.ts';
import { runAlerts } from './saved-searches.service.ts';

let t: TestApp;
let sec: Session;
let officerFra: Session;
let officerDeu: Session;

const record = (title: string, extra: Record<string, unknown> = {}) => ({ type: 'guide', lang: 'en', title, fullText: `${title}. Mutual legal assistance under article 18.`, links: [{ predicate: 'cites', instrument: 'UNTOC', article: 18 }], ...extra });

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'sec', ['secretariat'], null);
  await addUser(t, 'off-fra', ['officer'], 'FRA');
  await addUser(t, 'off-deu', ['officer'], 'DEU');
  await t.database.db.updateTable('users').set({ email: 'deu@example.org' }).where('username', '=', 'off-deu').execute();
  sec = await login(t.app, 'sec');
  officerFra = await login(t.app, 'off-fra');
  officerDeu = await login(t.app, 'off-deu');
  for (const r of [
    record('Public guide one', { date: '2020-01-01' }),
    record('Public guide, "quoted", two', { date: '2021-01-01', lang: 'fr' }),
    record('Practitioners only', { access: 'practitioners', date: '2022-01-01' }),
    record('French eyes only', { access: 'state', accessState: 'FRA', states: ['FRA'], date: '2023-01-01' }),
  ]) {
    expect((await as(t.app, sec, 'POST', '/api/v1/records', r)).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

const titles = (body: string) => body.trim().split('\n').map((l) => JSON.parse(l).title as string);

describe('bulk export', () => {
  it('exports JSON Lines newest first, with the licence, and only what the caller may see', async () => {
    const anon = await as(t.app, null, 'GET', '/api/v1/export?format=jsonl');
    expect(anon.statusCode).toBe(200);
    expect(anon.headers['link']).toMatch(/creativecommons\.org\/licenses\/by\/4\.0.*rel="license"/);
    expect(titles(anon.body)).toEqual(['Public guide, "quoted", two', 'Public guide one']);
    expect(titles((await as(t.app, officerDeu, 'GET', '/api/v1/export')).body)).toEqual(['Practitioners only', 'Public guide, "quoted", two', 'Public guide one']);
    expect(titles((await as(t.app, officerFra, 'GET', '/api/v1/export')).body)).toContain('French eyes only');
    const row = JSON.parse(anon.body.split('\n')[1]!);
    expect(row).toMatchObject({ type: 'guide', lang: 'en', articles: ['UNTOC:18'], access: 'public' });
  });

  it('exports CSV with quoting, and takes the search filters', async () => {
    const csv = await as(t.app, null, 'GET', '/api/v1/export?format=csv&lang=fr');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,type,title,lang/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Public guide, ""quoted"", two"');
  });

  it('`palermo export` writes public records only, unless asked for all', () => {
    const pub = palermo(['export'], { DATABASE_URL: t.database.url });
    expect(titles(pub.stdout)).toEqual(['Public guide, "quoted", two', 'Public guide one']);
    const all = palermo(['export', '--include-restricted'], { DATABASE_URL: t.database.url });
    expect(titles(all.stdout)).toHaveLength(4);
  });
});

describe('Atom feed', () => {
  it('is well-formed Atom with one entry per visible record', async () => {
    const res = await as(t.app, null, 'GET', '/api/v1/feed?q=assistance');
    expect(res.headers['content-type']).toMatch(/application\/atom\+xml/);
    const entries: string[] = [];
    let inTitle = false;
    let depth = 0;
    const parser = new Parser({
      onopentag(name) { depth++; if (name === 'title' && depth === 3) { inTitle = true; entries.push(''); } },
      ontext(text) { if (inTitle) entries[entries.length - 1] += text; },
      onclosetag(name) { depth--; if (name === 'title') inTitle = false; },
      onerror(err) { throw err; },
    }, { xmlMode: true, decodeEntities: true });
    parser.write(res.body);
    parser.end();
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(entries).toEqual(['Public guide, "quoted", two', 'Public guide one']);
    expect(res.body).not.toContain('Practitioners only');
    expect(res.body).not.toContain('French eyes only');
  });
});

describe('saved searches', () => {
  it('announce new matching records to their owner, never records the owner may not see', async () => {
    const sent: Array<{ to: string; subject: string }> = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (m: { to: string; subject: string }) => { sent.push({ to: m.to, subject: m.subject }); return original(m as never); }) as never;
    setMailer(transport);

    const saved = await as(t.app, officerDeu, 'POST', '/api/v1/saved-searches', { name: 'Art. 18', query: { article: 'UNTOC:18' }, email: true });
    expect(saved.statusCode).toBe(201);
    expect((await as(t.app, officerDeu, 'GET', '/api/v1/saved-searches')).json().items).toHaveLength(1);
    // Existing records are not "new".
    expect(await runAlerts(t.database.db)).toMatchObject({ searches: 1, notified: 0 });

    await as(t.app, sec, 'POST', '/api/v1/records', record('New French-only note', { access: 'state', accessState: 'FRA', states: ['FRA'] }));
    expect(await runAlerts(t.database.db)).toMatchObject({ notified: 0 });
    await as(t.app, sec, 'POST', '/api/v1/records', record('New public note'));
    expect(await runAlerts(t.database.db)).toMatchObject({ notified: 1, emails: 1 });

    const inbox = (await as(t.app, officerDeu, 'GET', '/api/v1/me/notifications')).json().items;
    expect(inbox).toHaveLength(1);
    expect(inbox[0].subject).toBe('1 new record for “Art. 18”');
    expect(inbox[0].params.items.map((i: { title: string }) => i.title)).toEqual(['New public note']);
    expect(sent).toEqual([{ to: 'deu@example.org', subject: 'Palermo: 1 new record for “Art. 18”' }]);

    expect((await as(t.app, officerDeu, 'POST', `/api/v1/me/notifications/${inbox[0].id}/read`)).statusCode).toBe(204);
    expect((await as(t.app, officerDeu, 'GET', '/api/v1/me/notifications?unread=true')).json().items).toEqual([]);
    expect((await as(t.app, officerDeu, 'GET', '/api/v1/me/notifications?unread=false')).json().items).toHaveLength(1);
    expect((await as(t.app, officerDeu, 'GET', '/api/v1/me/notifications?unread=maybe')).json().error.issues[0].path).toBe('querystring.unread');
    // Someone else's messages and saved searches are out of reach.
    expect((await as(t.app, officerFra, 'POST', `/api/v1/me/notifications/${inbox[0].id}/read`)).statusCode).toBe(404);
    expect((await as(t.app, officerFra, 'DELETE', `/api/v1/saved-searches/${saved.json().id}`)).statusCode).toBe(404);
    expect((await as(t.app, officerDeu, 'DELETE', `/api/v1/saved-searches/${saved.json().id}`)).statusCode).toBe(204);
    setMailer(null);
  });

  it('rejects a saved query that is not a valid search', async () => {
    const res = await as(t.app, officerDeu, 'POST', '/api/v1/saved-searches', { name: 'x', query: { article: 'eighteen' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe('body.query.article.0');
  });
});
