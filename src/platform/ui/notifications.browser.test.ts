import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../test/support/browser.ts';
import { defineNotice } from '../notifications/kinds.ts';
import { notify } from '../notifications/notify.ts';

const run = browserAvailable();

const ping = defineNotice<{ n: number }>({
  key: 'test.browser-ping',
  module: 'test',
  label: { en: 'Pings', fr: 'Signaux', es: 'Señales', ru: 'Сигналы', ar: 'إشارات', zh: '信号' },
  defaults: { inApp: true, email: true },
  templates: {
    en: (p, f) => ({ subject: `Ping number ${f.number(p.n)}` }),
    fr: (p, f) => ({ subject: `Signal numéro ${f.number(p.n)}` }),
    es: (p, f) => ({ subject: `Señal número ${f.number(p.n)}` }),
    ru: (p, f) => ({ subject: `Сигнал номер ${f.number(p.n)}` }),
    ar: (p, f) => ({ subject: `الإشارة رقم ${f.number(p.n)}` }),
    zh: (p, f) => ({ subject: `第 ${f.number(p.n)} 号信号` }),
  },
});

describe.runIf(run)('web UI in Chromium: the inbox and notice settings', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(() => env?.close());

  it('shows notices in the UI language, marks them all read, and saves the person’s choices', async () => {
    const officer = env.demo.find((d) => d.username === 'demo-officer-fra')!;
    const db = env.database.db;
    const { id } = await db.selectFrom('users').select('id').where('username', '=', officer.username).executeTakeFirstOrThrow();
    await notify(db, { kind: ping, recipients: [id], params: { n: 1 }, link: '/states' });
    await notify(db, { kind: ping, recipients: [id], params: { n: 2 }, link: '/states' });

    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/login?lang=en`);
    await page.fill('#username', officer.username);
    await page.fill('#password', officer.password);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
    await page.goto(`${env.baseUrl}/inbox`);
    const pings = page.locator('[data-testid="inbox-message"][data-kind="test.browser-ping"]');
    await expect.poll(() => pings.allInnerTexts()).toEqual([expect.stringContaining('Ping number 2'), expect.stringContaining('Ping number 1')]);
    expect(await pings.first().locator('a[href="/states"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="unread-count"]').innerText()).toBe('2');

    // The same notices, said again in the language the UI switches to.
    await page.selectOption('#language-select', 'fr');
    // (the French texts are fetched on the switch, then the notices again in French)
    await expect.poll(() => pings.first().innerText(), { timeout: 10_000 }).toContain('Signal numéro 2');
    const row = page.locator('[data-testid="notice-kind"][data-kind="test.browser-ping"]');
    await expect.poll(() => row.innerText()).toContain('Signaux');

    await page.click('[data-testid="mark-all-read"]');
    await expect.poll(() => page.locator('[data-testid="unread-count"]').count()).toBe(0);
    await expect.poll(() => pings.evaluateAll((els) => els.map((e) => e.getAttribute('data-read')))).toEqual(['true', 'true']);

    // E-mail off for this kind, notices in Arabic: saved, and still so after a reload.
    await row.locator('[data-testid="notice-email"]').uncheck();
    await page.selectOption('[data-testid="notice-language"]', 'ar');
    await page.click('[data-testid="save-notification-settings"]');
    await page.locator('[data-testid="notification-settings"] .notice').waitFor();
    await page.reload();
    await expect.poll(() => row.locator('[data-testid="notice-email"]').isChecked()).toBe(false);
    expect(await row.locator('[data-testid="notice-in-app"]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid="notice-language"]').inputValue()).toBe('ar');
    const pref = await db.selectFrom('notification_preferences').selectAll().where('user_id', '=', id).where('kind', '=', 'test.browser-ping').executeTakeFirstOrThrow();
    expect(pref).toMatchObject({ in_app: true, email: false });
    expect((await db.selectFrom('users').select('language').where('id', '=', id).executeTakeFirstOrThrow()).language).toBe('ar');
    await page.close();
  });
});
