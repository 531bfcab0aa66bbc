import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../../test/support/browser.ts';

/**
 * The secretariat's draw flow in Chromium: create a cycle, announce a reviewers' draw (the inputs' SHA-256 and pools
 * shown), draw it with the seed, see the pairs in ISO3 order and the public page with the package link. With
 * REVIEW_ADMIN_SHOTS=<folder> it also writes screenshots of the cycle page and the drawn draw (en, ar, zh; 375, 1280 px).
 */
const run = browserAvailable();
const SHOTS = process.env.REVIEW_ADMIN_SHOTS;

describe.runIf(run)('web UI in Chromium: review cycles and draws', { timeout: 240_000 }, () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
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

  it('announce → draw → pairs shown in ISO3 order, then the public page with the package', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-secretariat');
    await page.goto(`${env.baseUrl}/review-admin?lang=en`);
    await page.fill('#c-code', 'UI-2027');
    await page.fill('#c-title', 'Second review cycle');
    await page.fill('#c-year', '2027');
    await page.click('[data-testid="create-cycle"] button[type="submit"]');
    await page.locator('[data-testid="announce-form"]').waitFor();
    const cycleUrl = page.url();

    await page.fill('#d-source', 'Numbers drawn at the 14th meeting of the working group');
    await page.click('[data-testid="announce-form"] button[type="submit"]');
    await page.locator('[data-testid="draw-form"]').waitFor();
    expect(await page.locator('[data-testid="inputs-sha"]').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('#pools-title').isVisible()).toBe(true);

    await page.fill('#d-seed', '5 11 29 36 40');
    await page.click('[data-testid="draw-form"] button[type="submit"]');
    await page.locator('[data-testid="pairs-table"]').waitFor();
    expect(await page.locator('[data-testid="result-sha"]').innerText()).toMatch(/^[0-9a-f]{64}$/);
    const reviewed = await page.locator('[data-testid="pairs-table"] tbody th').allInnerTexts();
    expect(reviewed.length).toBeGreaterThan(100);
    expect(reviewed).toEqual([...reviewed].sort());
    await page.locator('[data-testid="redraw-form"]').waitFor();
    const drawUrl = page.url();
    const drawId = drawUrl.split('/').pop()!;

    await page.goto(`${env.baseUrl}/review-draws/${drawId}?lang=en`);
    await page.locator('[data-testid="package-link"]').waitFor();
    expect(await page.locator('[data-testid="package-link"]').getAttribute('href')).toBe(`/api/v1/review/draws/${drawId}/package`);
    expect(await page.locator('[data-testid="draw-seed"]').innerText()).toBe('5 11 29 36 40');

    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.goto(`${cycleUrl.split('?')[0]}?lang=en`);
      await page.locator('[data-testid="plan-form"] button[type="button"]').first().click();
      await page.locator('[data-testid="plan-form"] input[type="checkbox"]').first().check();
      await page.click('[data-testid="plan-form"] button[type="submit"]');
      await page.waitForTimeout(500);
      for (const lang of ['en', 'ar', 'zh']) {
        for (const width of [375, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`${cycleUrl.split('?')[0]}?lang=${lang}`);
          await page.locator('[data-testid="announce-form"]').waitFor();
          await page.screenshot({ path: path.join(SHOTS, `cycle-${lang}-${width}.png`), fullPage: true });
          await page.goto(`${env.baseUrl}/review-draws/${drawId}?lang=${lang}`);
          await page.locator('[data-testid="pairs-table"]').waitFor();
          await page.screenshot({ path: path.join(SHOTS, `draw-${lang}-${width}.png`), fullPage: false });
        }
      }
    }
    await page.close();
  });
});
