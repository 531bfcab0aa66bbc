import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../../test/support/browser.ts';
import type { UserActor } from '../../../platform/auth/roles.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { createCase, recordEvent, type RecordableEvent } from '../../cases.service.ts';
import type { NewCase } from '../../cases.schemas.ts';
import { casePeople, eventFor, incomingInput, TEST_PASSWORD, type CasePeople } from '../../test-fixtures.ts';

const run = browserAvailable();

/**
 * The statistics pages on a set of FRA's incoming cases with known timelines, made through the case service with
 * their dates (as an import would), all received in 2025:
 *   MLA on the Convention, from DEU: closed after 10, 20, 30 (40 elapsed, 10 of them waiting for information from
 *   the requesting State: paused, not counted), 40 and 50 days, and one still open → 6 cases, 5 closed, median 30,
 *   90th percentile 46 (percentile_cont: 40 + 0.6 × 10).
 *   Extradition on a treaty, from NGA: 60 and 80 days → 2 cases, median 70, p90 78.
 *   All eight: 7 closed, median 40, p90 68 (60 + 0.4 × 20), 6 of 8 on the Convention (75 %), all 8 registered by hand.
 * A DEU case (never counted for FRA) proves a State sees only its own.
 */
const DAY = 86_400_000;
/** Two logins and a dozen page loads: on a loaded shared machine this takes minutes, not a bug. */
const LOADED = 240_000;
const START = Date.parse('2025-02-03T09:00:00Z');

async function closedIncoming(db: BrowserEnv['database']['db'], officer: UserActor, start: number, total: number | null, input: NewCase, pause = 0) {
  const at = (d: number) => new Date(start + d * DAY);
  const c = await inTransaction(db, (trx) => createCase(trx, officer, input, { occurredAt: at(0) }));
  const step = (type: RecordableEvent['type'], d: number) => inTransaction(db, (trx) => recordEvent(trx, officer, c.id, eventFor(type), { occurredAt: at(d) }));
  await step('register', 1);
  if (total === null) return;
  await step('start_review', 1);
  if (pause) {
    await step('request_info', 2);
    await step('supply_info', 2 + pause);
  }
  await step('accept', 3 + pause);
  await step('pass_to_executing', 4 + pause);
  await step('start_execution', 4 + pause);
  await step('execute', total + pause - 1);
  await step('close', total + pause);
}

async function loadCases(db: BrowserEnv['database']['db'], p: CasePeople) {
  const mla = incomingInput('DEU');
  const extradition = incomingInput('NGA', {
    kind: 'extradition',
    legalBasis: { type: 'treaty', treaty: 'Bilateral extradition treaty (1994)' },
    measures: ['extradition'],
    crimeTypes: ['trafficking-in-persons'],
  });
  await closedIncoming(db, p.fraOfficer, START, 10, mla);
  await closedIncoming(db, p.fraOfficer, START + 7 * DAY, 20, mla);
  await closedIncoming(db, p.fraOfficer, START + 14 * DAY, 30, mla, 10);
  await closedIncoming(db, p.fraOfficer, START + 21 * DAY, 40, mla);
  await closedIncoming(db, p.fraOfficer, START + 28 * DAY, 50, mla);
  await closedIncoming(db, p.fraOfficer, START + 35 * DAY, null, mla);
  await closedIncoming(db, p.fraOfficer, START + 60 * DAY, 60, extradition);
  await closedIncoming(db, p.fraOfficer, START + 90 * DAY, 80, extradition);
  await closedIncoming(db, p.deuOfficer, START, 5, incomingInput('FRA'));
}

describe.runIf(run)('web UI in Chromium: the case statistics', () => {
  let env: BrowserEnv;
  let people: CasePeople;
  beforeAll(async () => {
    env = await startBrowserEnv();
    people = await casePeople(env.database.db, 'stats');
    await loadCases(env.database.db, people);
  }, 120_000);
  afterAll(() => env?.close());

  async function login(page: Page, username: string, lang = 'en') {
    await page.goto(`${env.baseUrl}/login?lang=${lang}`);
    await page.fill('#username', username);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
  }
  const text = (page: Page, selector: string) => page.locator(selector).innerText();
  const row = (page: Page, table: string, keys: string) => page.locator(`[data-testid="${table}"] tr[data-keys="${keys}"]`);

  it('an officer sees the right counts, medians and 90th percentiles, charts with their text alternative, and the CSV', async () => {
    const page = await env.browser.newPage({ acceptDownloads: true });
    await login(page, 'stats-fra-officer');
    await page.click('a[href="/case-statistics"]');
    await page.locator('[data-testid="stats-headline"]').waitFor();
    expect(await text(page, '[data-testid="figure-count"]')).toBe('8');
    expect(await text(page, '[data-testid="figure-closed"]')).toBe('7');
    expect(await text(page, '[data-testid="figure-median"]')).toBe('40');
    expect(await text(page, '[data-testid="figure-p90"]')).toBe('68');
    expect(await text(page, '[data-testid="figure-convention"]')).toBe('75%');
    expect(await text(page, '[data-testid="figure-outside"]')).toBe('8');
    expect(await text(page, '[data-testid="paused-note"]')).toContain('excluded');

    // per kind: the paused 10 days of the third MLA case are not in its 30
    const mla = row(page, 'stats-table', 'mla');
    expect(await mla.locator('th').innerText()).toBe('Mutual legal assistance');
    expect(await mla.locator('[data-col="count"]').innerText()).toBe('6');
    expect(await mla.locator('[data-col="closed"]').innerText()).toBe('5');
    expect(await mla.locator('[data-col="median"]').innerText()).toBe('30');
    expect(await mla.locator('[data-col="p90"]').innerText()).toBe('46');
    const ext = row(page, 'stats-table', 'extradition');
    expect(await ext.locator('[data-col="median"]').innerText()).toBe('70');
    expect(await ext.locator('[data-col="p90"]').innerText()).toBe('78');

    // the charts are drawn, and their tables name the groups for screen readers
    const counts = page.locator('[data-testid="chart-counts"]');
    await counts.locator('svg').first().waitFor({ state: 'attached' });
    expect(await counts.locator('.stats-chart-canvas').getAttribute('aria-hidden')).toBe('true');
    const alt = await counts.locator('[data-testid="chart-counts-table"]').textContent();
    expect(alt).toContain('Mutual legal assistance');
    expect(alt).toContain('Extradition');
    await page.locator('[data-testid="chart-times"] svg').first().waitFor({ state: 'attached' });
    const months = await page.locator('[data-testid="chart-months-table"]').textContent();
    expect(months).toContain('Feb 2025');

    // grouping by a second dimension and a filter change the address, the table and the CSV link alike
    await page.selectOption('[data-testid="group-by-2"]', 'legal-basis');
    await page.selectOption('[data-testid="filter-counterpart"]', 'DEU');
    await page.click('[data-testid="stats-apply"]');
    await expect.poll(() => page.locator('[data-testid="stats-row"]').count()).toBe(1);
    expect(await row(page, 'stats-table', 'mla|convention').locator('[data-col="count"]').innerText()).toBe('6');
    expect(new URL(page.url()).searchParams.get('by')).toBe('kind,legal-basis');
    const href = await page.getAttribute('[data-testid="stats-csv"]', 'href');
    expect(href).toContain('counterpart=DEU');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="stats-csv"]')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^kind,legal-basis,count,closed,convention,outside_system,total_days_median,total_days_p90/);
    expect(lines.find((l) => l.startsWith('mla,convention,'))).toMatch(/^mla,convention,6,5,6,6,30,46(\.0+)?,5,/);
    await page.close();
  }, LOADED);

  it('the submission preview suppresses small cells, is what is stored, and the secretariat sees it combined', async () => {
    const page = await env.browser.newPage();
    await login(page, 'stats-fra-officer');
    await page.goto(`${env.baseUrl}/case-statistics`);
    // the default period is last calendar year (2025): group by kind only
    expect(await page.inputValue('[data-testid="submit-from"]')).toBe(`${new Date().getUTCFullYear() - 1}-01-01`);
    await page.fill('[data-testid="submit-from"]', '2025-01-01');
    await page.fill('[data-testid="submit-to"]', '2025-12-31');
    await page.selectOption('[data-testid="submit-by-2"]', '');
    await page.click('[data-testid="submit-preview"]');
    const preview = page.locator('[data-testid="submit-preview-table"]');
    await preview.waitFor();
    const mla = row(page, 'submit-preview-table', 'mla');
    expect(await mla.getAttribute('data-suppressed')).toBe('false');
    expect(await mla.locator('[data-col="count"]').innerText()).toBe('6');
    expect(await mla.locator('[data-col="median"]').innerText()).toBe('30');
    const ext = row(page, 'submit-preview-table', 'extradition');
    expect(await ext.getAttribute('data-suppressed')).toBe('true');
    expect(await ext.innerText()).toContain('Suppressed (fewer than 5 cases)');
    expect(await ext.innerText()).not.toContain('2');

    await page.click('[data-testid="submit-confirm"]');
    await page.locator('[data-testid="submission-row"]').waitFor();
    expect(await page.locator('[data-testid="submission-row"]').count()).toBe(1);
    // what was stored is cell for cell what the preview showed
    await page.click('[data-testid="submission-details"] summary');
    expect(await row(page, 'sent-table', 'extradition').getAttribute('data-suppressed')).toBe('true');
    expect(await row(page, 'sent-table', 'mla').locator('[data-col="count"]').innerText()).toBe('6');
    expect(await row(page, 'sent-table', 'mla').locator('[data-col="p90"]').innerText()).toBe('46');
    await page.close();

    const sec = await env.browser.newPage();
    await login(sec, 'stats-secretariat');
    await sec.click('a[href="/case-statistics"]');
    // the secretariat has no per-case statistics: it is sent to the submissions
    await sec.click('main a[href="/case-statistics/submissions"]');
    const received = sec.locator('[data-testid="submission-row"]');
    await received.waitFor();
    expect(await received.getAttribute('data-state')).toBe('FRA');
    expect(await received.locator('th').innerText()).toBe('France');
    const combined = row(sec, 'combined-table', 'mla');
    await combined.waitFor();
    expect(await combined.locator('[data-col="count"]').innerText()).toBe('6');
    // FRA's extradition cell was suppressed: it adds nothing, and the table says one State withheld it
    expect(await row(sec, 'combined-table', 'extradition').locator('[data-col="count"]').innerText()).toBe('0');
    await sec.close();
  }, LOADED);

  // Screenshots for a person to look at (not an assertion): STATS_SHOTS=/work/shots/stats npx vitest run …
  it.runIf(!!process.env.STATS_SHOTS)('screenshots in Arabic, Chinese and English at 375 and 1280 px', async () => {
    const dir = process.env.STATS_SHOTS!;
    fs.mkdirSync(dir, { recursive: true });
    for (const lang of (process.env.STATS_SHOTS_LANGS ?? 'ar,zh,en').split(',')) {
      for (const width of [375, 1280]) {
        const page = await env.browser.newPage({ viewport: { width, height: 900 } });
        await login(page, 'stats-fra-officer', lang);
        await page.goto(`${env.baseUrl}/case-statistics?by=kind&lang=${lang}`);
        await page.locator('[data-testid="chart-months"] svg').first().waitFor({ state: 'attached' });
        await page.waitForTimeout(800);
        await page.screenshot({ path: path.join(dir, `stats-${lang}-${width}.png`), fullPage: true });
        await page.locator('.stats-charts').screenshot({ path: path.join(dir, `charts-${lang}-${width}.png`) });
        await page.click('[data-testid="submit-preview"]');
        await page.locator('[data-testid="submit-preview-block"]').waitFor();
        await page.locator('[data-testid="stats-submit"]').screenshot({ path: path.join(dir, `submit-${lang}-${width}.png`) });
        await page.close();
        const sec = await env.browser.newPage({ viewport: { width, height: 900 } });
        await login(sec, 'stats-secretariat', lang);
        await sec.goto(`${env.baseUrl}/case-statistics/submissions?lang=${lang}`);
        await sec.locator('[data-testid="submissions-table"], [data-testid="submissions-empty"]').first().waitFor();
        await sec.waitForTimeout(500);
        await sec.screenshot({ path: path.join(dir, `submissions-${lang}-${width}.png`), fullPage: true });
        await sec.close();
      }
    }
  }, 300_000);
});
