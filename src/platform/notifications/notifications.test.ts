import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { defineNotice } from './kinds.ts';
import { setMailer } from './mailer.ts';
import { notify } from './notify.ts';

/**
 * The notification service as its users rely on it: each person is told in their own language and in the
 * channels they chose, nothing is told for a change that did not happen, and the inbox pages, counts and
 * marks messages read for its owner only.
 */

interface HelloParams {
  name: string;
  count: number;
  on: string;
}
const hello = defineNotice<HelloParams>({
  key: 'test.hello',
  module: 'test',
  label: { en: 'Greetings', fr: 'Salutations', es: 'Saludos', ru: 'Приветствия', ar: 'تحيات', zh: '问候' },
  defaults: { inApp: true, email: true },
  templates: {
    en: (p, f) => ({ subject: `${f.number(p.count)} files for ${f.ref(p.name)}`, body: `Sent on ${f.date(p.on)}.` }),
    fr: (p, f) => ({ subject: `${f.number(p.count)} dossiers pour ${f.ref(p.name)}`, body: `Envoyés le ${f.date(p.on)}.` }),
    es: (p, f) => ({ subject: `${f.number(p.count)} expedientes para ${f.ref(p.name)}`, body: `Enviados el ${f.date(p.on)}.` }),
    ru: (p, f) => ({ subject: `Дела для ${f.ref(p.name)}: ${f.number(p.count)}`, body: `Отправлено ${f.date(p.on)}.` }),
    ar: (p, f) => ({ subject: `${f.number(p.count)} ملفًا من أجل ${f.ref(p.name)}`, body: `أُرسلت في ${f.date(p.on)}.` }),
    zh: (p, f) => ({ subject: `${f.ref(p.name)} 有 ${f.number(p.count)} 份文件`, body: `发送于${f.date(p.on)}。` }),
  },
});
const params: HelloParams = { name: 'FRA-2026-0001', count: 1234, on: '2026-03-05' };

let t: TestApp;
const ids: Record<string, string> = {};
const s: Record<string, Session> = {};
const sentMail: Array<{ to: string; subject: string; text: string }> = [];

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, lang, state] of [['n-ar', 'ar', 'EGY'], ['n-zh', 'zh', 'CHN'], ['n-en', 'en', 'EGY'], ['n-other', 'en', 'EGY']] as const) {
    ids[name] = (await addUser(t, name, ['officer'], state)).id;
    await t.database.db.updateTable('users').set({ language: lang, email: `${name}@example.org` }).where('id', '=', ids[name]!).execute();
    s[name] = await login(t.app, name);
  }
});
afterEach(() => setMailer(null));
afterAll(() => t.close());

function captureMail() {
  const tr = nodemailer.createTransport({ jsonTransport: true });
  tr.sendMail = (async (m: { to: string; subject: string; text: string }) => void sentMail.push(m)) as never;
  setMailer(tr);
}
const inbox = async (who: string, query = '') => (await as(t.app, s[who]!, 'GET', `/api/v1/me/notifications${query}`)).json();
const outbox = (userId: string) => t.database.db.selectFrom('notification_emails').selectAll().where('user_id', '=', userId).where('kind', '=', 'test.hello').execute();
const rows = (userId: string) => t.database.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', 'test.hello').execute();
const clear = async () => {
  await t.database.db.deleteFrom('notifications').where('kind', '=', 'test.hello').execute();
  await t.database.db.deleteFrom('notification_emails').where('kind', '=', 'test.hello').execute();
  await t.database.db.deleteFrom('notification_preferences').execute();
};

describe('notify', () => {
  it('tells each recipient in their own language, in the inbox and by e-mail', async () => {
    await clear();
    captureMail();
    const told = await t.database.db.transaction().execute((trx) => notify(trx, { kind: hello, recipients: [ids['n-ar']!, ids['n-zh']!, ids['n-en']!], params, link: '/somewhere' }));
    expect(told.userIds.sort()).toEqual([ids['n-ar'], ids['n-zh'], ids['n-en']].sort());

    const ar = (await inbox('n-ar')).items[0];
    // Number and month as Arabic writes them (Intl, as the web UI does), the Latin reference isolated so it keeps
    // its order in a right-to-left sentence.
    const arNumber = new Intl.NumberFormat('ar').format(1234);
    expect(ar.subject).toBe(`${arNumber} ملفًا من أجل \u2068FRA-2026-0001\u2069`);
    expect(ar.body).toMatch(/^أُرسلت في \S+ مارس \S+\.$/);
    const zh = (await inbox('n-zh')).items[0];
    expect(zh.subject).toBe('FRA-2026-0001 有 1,234 份文件');
    expect(zh.body).toBe('发送于2026年3月5日。');
    expect((await inbox('n-en')).items[0]).toMatchObject({ subject: '1,234 files for FRA-2026-0001', body: 'Sent on March 5, 2026.', link: '/somewhere', read: false });
    // Kept as kind + parameters: the same message in another language when asked.
    expect((await inbox('n-ar', '?lang=fr')).items[0].subject).toBe('1\u202f234 dossiers pour FRA-2026-0001');

    const mails = [...(await outbox(ids['n-ar']!)), ...(await outbox(ids['n-zh']!))];
    expect(mails.map((m) => [m.language, m.recipient, m.subject])).toEqual([
      ['ar', 'n-ar@example.org', `Palermo: ${arNumber} ملفًا من أجل \u2068FRA-2026-0001\u2069`],
      ['zh', 'n-zh@example.org', 'Palermo: FRA-2026-0001 有 1,234 份文件'],
    ]);
    expect(mails[1]!.body).toBe('FRA-2026-0001 有 1,234 份文件\n\n发送于2026年3月5日。\n\n/somewhere\n');
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    await clear();
    captureMail();
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await notify(trx, { kind: hello, recipients: [ids['n-en']!], params });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows(ids['n-en']!)).toEqual([]);
    expect(await outbox(ids['n-en']!)).toEqual([]);
  });

  it('finds the people of a State with a role, never disabled accounts nor the excluded', async () => {
    await clear();
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', ids['n-other']!).execute();
    try {
      const told = await notify(t.database.db, { kind: hello, recipients: { state: 'EGY', roles: ['officer', 'expert'] }, params, exclude: [ids['n-en']!] });
      expect(told.userIds).toEqual([ids['n-ar']]);
      expect(told.emails).toBe(0); // no mail server configured: no e-mail is kept for one that may come years later
    } finally {
      await t.database.db.updateTable('users').set({ disabled_at: null }).where('id', '=', ids['n-other']!).execute();
    }
  });
});

describe('preferences', () => {
  it('e-mail off: no e-mail queued; inbox off: no message; defaults otherwise', async () => {
    await clear();
    captureMail();
    const prefs = await as(t.app, s['n-zh']!, 'PUT', '/api/v1/me/notification-preferences', { kinds: [{ kind: 'test.hello', inApp: true, email: false }] });
    expect(prefs.statusCode, prefs.body).toBe(200);
    expect(prefs.json().kinds.find((k: { kind: string }) => k.kind === 'test.hello')).toEqual({
      kind: 'test.hello', module: 'test', label: '问候', inApp: true, email: false, defaults: { inApp: true, email: true },
    });
    expect((await as(t.app, s['n-en']!, 'PUT', '/api/v1/me/notification-preferences', { kinds: [{ kind: 'test.hello', inApp: false, email: true }] })).statusCode).toBe(200);

    await notify(t.database.db, { kind: hello, recipients: [ids['n-zh']!, ids['n-en']!, ids['n-ar']!], params });
    expect((await rows(ids['n-zh']!)).length).toBe(1);
    expect(await outbox(ids['n-zh']!)).toEqual([]);
    expect(await rows(ids['n-en']!)).toEqual([]);
    expect((await outbox(ids['n-en']!)).map((m) => m.notification_id)).toEqual([null]);
    expect((await rows(ids['n-ar']!)).length).toBe(1);
    expect((await outbox(ids['n-ar']!)).length).toBe(1);
    // A notice that must not go by e-mail (the sender says so) stays in the inbox only.
    await notify(t.database.db, { kind: hello, recipients: [ids['n-ar']!], params, email: false });
    expect((await outbox(ids['n-ar']!)).length).toBe(1);
  });

  it('an unknown kind or a bad value is refused and changes nothing; the language of notices can be chosen', async () => {
    await clear();
    const before = (await as(t.app, s['n-en']!, 'GET', '/api/v1/me/notification-preferences')).json();
    const bad = await as(t.app, s['n-en']!, 'PUT', '/api/v1/me/notification-preferences', { kinds: [{ kind: 'test.hello', inApp: false, email: false }, { kind: 'no.such-kind', inApp: true, email: true }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.kinds.1.kind');
    expect((await as(t.app, s['n-en']!, 'PUT', '/api/v1/me/notification-preferences', { language: 'xx' })).json().error.issues[0].path).toBe('body.language');
    expect((await as(t.app, s['n-en']!, 'GET', '/api/v1/me/notification-preferences')).json()).toEqual(before);

    const fr = await as(t.app, s['n-en']!, 'PUT', '/api/v1/me/notification-preferences', { language: 'fr' });
    expect(fr.json()).toMatchObject({ language: 'fr' });
    await notify(t.database.db, { kind: hello, recipients: [ids['n-en']!], params });
    expect((await inbox('n-en')).items[0].subject).toBe('1\u202f234 dossiers pour FRA-2026-0001');
    await as(t.app, s['n-en']!, 'PUT', '/api/v1/me/notification-preferences', { language: 'en' });
  });
});

describe('the inbox', () => {
  it('pages newest first, counts unread, marks one or all read, only for its owner', async () => {
    await clear();
    for (let i = 1; i <= 5; i++) await notify(t.database.db, { kind: hello, recipients: [ids['n-en']!], params: { ...params, count: i } });
    const first = await inbox('n-en', '?limit=2');
    expect(first.items.map((m: { subject: string }) => m.subject)).toEqual(['5 files for FRA-2026-0001', '4 files for FRA-2026-0001']);
    expect(first.unread).toBe(5);
    const second = await inbox('n-en', `?limit=2&before=${first.next}`);
    const third = await inbox('n-en', `?limit=2&before=${second.next}`);
    expect([...second.items, ...third.items].map((m: { params: HelloParams }) => m.params.count)).toEqual([3, 2, 1]);
    expect(third.next).toBeNull();

    const newest = first.items[0].id as number;
    expect((await as(t.app, s['n-zh']!, 'POST', `/api/v1/me/notifications/${newest}/read`)).statusCode).toBe(404);
    expect((await as(t.app, s['n-en']!, 'POST', `/api/v1/me/notifications/${newest}/read`)).statusCode).toBe(204);
    expect((await as(t.app, s['n-en']!, 'POST', `/api/v1/me/notifications/${newest}/read`)).statusCode).toBe(204);
    const unread = await inbox('n-en', '?unread=true');
    expect([unread.unread, unread.items.length]).toEqual([4, 4]);
    expect((await inbox('n-en', '?limit=1')).items[0]).toMatchObject({ id: newest, read: true });

    expect((await as(t.app, s['n-en']!, 'POST', '/api/v1/me/notifications/read-all')).json()).toEqual({ marked: 4 });
    expect((await inbox('n-en')).unread).toBe(0);

    for (const q of ['?limit=0', '?limit=201', '?before=abc', '?unread=maybe', '?lang=xx']) {
      const res = await as(t.app, s['n-en']!, 'GET', `/api/v1/me/notifications${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await as(t.app, s['n-en']!, 'POST', '/api/v1/me/notifications/0/read')).statusCode).toBe(400);
  });
});
