import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../../test/support/browser.ts';
import { loadDemoReview } from '../../seed/demo-review.ts';

const run = browserAvailable();
const SHOTS = '/work/shots/review-core';

// the demo review is loaded through the draws' service (two draws over every State party): slow on a shared machine
describe.runIf(run)('web UI in Chromium: a review', { timeout: 180_000 }, () => {
  let env: BrowserEnv;
  let reviewId = '';
  beforeAll(async () => {
    env = await startBrowserEnv();
    await loadDemoReview(env.database.db);
    reviewId = (await env.database.db.selectFrom('reviews').select('id').where('reviewed_iso3', '=', 'MEX').where('cluster_code', '=', 'criminalization-jurisdiction').executeTakeFirstOrThrow()).id;
  }, 180_000);
  afterAll(() => env?.close());

  async function login(page: Page, username: string, lang = 'en') {
    const who = env.demo.find((d) => d.username === username)!;
    await page.goto(`${env.baseUrl}/login?lang=${lang}`);
    await page.fill('#username', who.username);
    await page.fill('#password', who.password);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
  }

  it('Mexico’s focal point finds the review in “Reviews”, sees the reviewers, deadlines and people; only the secretariat’s stage action is refused with its reason', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-focal-point');
    await page.click('[data-testid="nav-reviews"]');
    await page.locator('[data-testid="review-list"]').waitFor();
    await page.getByRole('link', { name: 'Mexico' }).first().click();
    await page.locator('[data-testid="review-page"]').waitFor();
    const text = await page.locator('[data-testid="review-page"]').innerText();
    expect(text).toContain('Review of Mexico');
    for (const s of ['El Salvador', 'Malta', 'Saint Kitts and Nevis']) expect(text).toContain(s);
    expect(text).toMatch(/Answering/);
    await page.locator('[data-testid="review-participants"]').waitFor();
    expect(await page.locator('[data-testid="review-participants"]').innerText()).toContain('Focal point');
    const submit = page.getByRole('button', { name: 'Submit the answers' });
    expect(await submit.isDisabled()).toBe(true);
    expect(text).toContain('Some questions of the questionnaire have no answer yet.'); // the refusal, by its code, in the page's language
    await page.close();
  });

  it('a reviewing State’s expert with no part in it gets the not-found page; the secretariat invites and sees the link once', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-expert');
    await page.goto(`${env.baseUrl}/reviews/${reviewId}`);
    await page.getByRole('alert').or(page.locator('text=/not found|No review/i')).first().waitFor();
    expect(await page.locator('[data-testid="review-page"]').count()).toBe(0);
    await page.close();

    const sec = await env.browser.newPage();
    await login(sec, 'demo-secretariat');
    await sec.goto(`${env.baseUrl}/reviews/${reviewId}`);
    await sec.locator('[data-testid="review-participants"]').waitFor();
    await sec.fill('input[name="name"]', 'Carla Ruiz');
    await sec.fill('input[name="nv"]', 'NV/MEX/2026/07');
    await sec.selectOption('select[name="role"]', 'expert');
    await sec.click('form.review-form button[type="submit"]');
    await sec.getByText('Nominated.').waitFor();
    await sec.reload();
    await sec.getByRole('row', { name: /Carla Ruiz/ }).getByRole('button', { name: 'Invite' }).click();
    const link = await sec.locator('.review-link-once code').innerText();
    expect(link).toMatch(/\/review-invitations\/[A-Za-z0-9_-]{40,}$/);
    await sec.close();
  });

  it('screenshots in English, Arabic and Chinese at 375 and 1280 px', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const lang of ['en', 'ar', 'zh']) {
      for (const width of [375, 1280]) {
        const page = await env.browser.newPage({ viewport: { width, height: 900 } });
        await login(page, 'demo-focal-point', lang);
        await page.goto(`${env.baseUrl}/reviews/${reviewId}?lang=${lang}`);
        await page.locator('[data-testid="review-participants"]').waitFor();
        if (lang === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
        await page.screenshot({ path: `${SHOTS}/review-${lang}-${width}.png`, fullPage: true });
        await page.goto(`${env.baseUrl}/reviews?lang=${lang}`);
        await page.locator('[data-testid="review-list"]').waitFor();
        await page.screenshot({ path: `${SHOTS}/reviews-${lang}-${width}.png`, fullPage: true });
        await page.close();
      }
    }
  });
});
