import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../test/support/browser.ts';

const run = browserAvailable();

describe.runIf(run)('web UI in Chromium: States and instruments', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(() => env?.close());

  it('filters States by regional group, keeping the filter in the address', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/states`);
    const rows = page.locator('[data-testid="state-row"]');
    // the page loads on first visit (lazy): wait for the list as the other tests do, then count
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(198);

    await page.selectOption('#filter-group', 'eastern-european');
    await expect.poll(() => rows.count()).toBe(23);
    const codes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3')));
    expect(codes).toContain('POL');
    expect(codes).not.toContain('FRA');
    expect(page.url()).toContain('group=eastern-european');

    await page.selectOption('#filter-group', 'none');
    await expect.poll(async () => (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3')))).sort()).toEqual(['COK', 'EUU', 'NIU', 'VAT']);
    await page.close();
  });

  it('a State profile shows party status per instrument and says when it is not loaded', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/states/SOM`);
    const table = page.locator('[data-testid="party-status"]');
    await table.waitFor();
    const untoc = table.locator('tr[data-instrument="UNTOC"]');
    expect(await untoc.getAttribute('data-status')).toBe('unknown');
    expect(await untoc.innerText()).toMatch(/not loaded/i);
    expect(await untoc.innerText()).not.toMatch(/^not a party$/im);
    await page.goto(`${env.baseUrl}/states/FRA`);
    const fra = page.locator('[data-testid="party-status"] tr[data-instrument="UNTOC"]');
    await fra.waitFor();
    expect(await fra.getAttribute('data-status')).toBe('party');
    await page.close();
  });

  it('lists an instrument’s articles with their review cluster', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/instruments/UNTOC`);
    await page.getByText('Mutual legal assistance').first().waitFor();
    expect(await page.locator('main').innerText()).toMatch(/International cooperation, mutual legal assistance and confiscation/);
    await page.close();
  });
});
