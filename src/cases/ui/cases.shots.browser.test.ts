import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../test/support/browser.ts';

/**
 * Screenshots of the work queue and a case page in Arabic, Chinese and English at 375 and 1280 px, for a person
 * to look at (overflow, mirrored layout, numbers in Arabic, badges wrapping, untranslated text). Not part of the
 * suite: runs only with CASES_SHOTS=<folder>, e.g. CASES_SHOTS=/work/shots/cases npx vitest run src/cases/ui/cases.shots.browser.test.ts
 */
const OUT = process.env.CASES_SHOTS;
const run = !!OUT && browserAvailable();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.runIf(run)('case tracker screenshots', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
    fs.mkdirSync(OUT!, { recursive: true });
  });
  afterAll(() => env?.close());

  async function login(page: Page, username: string) {
    const who = env.demo.find((d) => d.username === username)!;
    await page.goto(`${env.baseUrl}/login?lang=en`);
    await page.fill('#username', who.username);
    await page.fill('#password', who.password);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
  }
  const call = <T,>(page: Page, method: string, p: string, body?: unknown) =>
    page.evaluate(
      async ({ method, p, body }) => {
        const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken?: string };
        const res = await fetch(`/api/v1${p}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' }, body: body === undefined ? undefined : JSON.stringify(body) });
        if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
        return res.json();
      },
      { method, p, body },
    ) as Promise<T>;

  // twelve pages rendered and captured one after another: minutes on a loaded machine
  it('queue and case page in ar, zh, en at 375 and 1280 px', { timeout: 300_000 }, async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    const base = { direction: 'incoming', counterpartState: 'CHN', channel: 'diplomatic', legalBasis: { type: 'convention', article: 'UNTOC:18' } };
    await call(page, 'POST', '/cases', { ...base, kind: 'mla', title: 'Bank records of a shell company', counterpartReference: 'CHN-MLA-2026-0107' });
    await call(page, 'POST', '/cases', {
      ...base, kind: 'extradition', title: 'Provisional arrest of a suspected trafficker', counterpartReference: 'CHN-EXT-2026-0012',
      deadline: day(5), deadlineReason: 'Provisional arrest ends', priorityInputs: { personInCustody: true, maxPenaltyYears: 20, organisedCriminalGroup: true, victims: 14 },
      persons: [{ name: 'Zhang Min', role: 'suspect', nationality: 'CHN', inCustody: true }],
    });
    const c = await call<{ id: string }>(page, 'POST', '/cases', {
      ...base, kind: 'confiscation', title: 'Freezing of accounts held by a money-laundering ring', counterpartReference: 'CHN-CONF-2026-0044',
      deadline: day(-3), deadlineReason: 'Hearing on the confiscation order', measures: ['freezing', 'identify-and-trace-proceeds'], crimeTypes: ['money-laundering', 'participation-in-ocg'],
      priorityInputs: { maxPenaltyYears: 10, organisedCriminalGroup: true },
      authorities: [{ role: 'requesting', name: 'Shanghai People’s Procuratorate' }],
    });
    for (const body of [
      { type: 'acknowledge' }, { type: 'register' }, { type: 'start_review' },
      { type: 'progress_query', note: 'Where does the freezing stand?', dueBy: day(-1) },
      { type: 'consult', note: 'Called the CHN central authority: the amounts are confirmed.' },
      { type: 'set_priority', level: 'urgent', reason: 'Assets are being moved abroad this week.' },
    ]) await call(page, 'POST', `/cases/${c.id}/events`, body);

    for (const lang of ['ar', 'zh', 'en']) {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${env.baseUrl}/cases?lang=${lang}`);
        await page.locator('[data-testid="queue-table"]').waitFor();
        await page.screenshot({ path: path.join(OUT!, `queue-${lang}-${width}.png`), fullPage: true });
        await page.goto(`${env.baseUrl}/cases/${c.id}?lang=${lang}`);
        await page.locator('[data-testid="timeline"]').waitFor();
        await page.locator('[data-testid="case-documents"]').waitFor();
        await page.screenshot({ path: path.join(OUT!, `case-${lang}-${width}.png`), fullPage: true });
        if (width === 375) {
          // a phone's full page is too tall to read as one image: its sections one by one
          for (const [name, sel] of [['header', '[data-testid="case-header"]'], ['actions', '[data-testid="case-actions"]'], ['timeline', '[data-testid="timeline"]'], ['priority', '[data-testid="case-priority"]']]) {
            await page.locator(sel!).screenshot({ path: path.join(OUT!, `case-${lang}-375-${name}.png`) });
          }
        }
      }
    }
    await page.goto(`${env.baseUrl}/cases/new?lang=ar`);
    await page.locator('[data-testid="register-form"]').waitFor();
    await page.setViewportSize({ width: 375, height: 900 });
    await page.screenshot({ path: path.join(OUT!, `register-ar-375.png`), fullPage: true });
    await page.close();
  });
});
