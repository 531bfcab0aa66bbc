import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../test/support/browser.ts';

const run = browserAvailable();

describe.runIf(run)('web UI in Chromium: languages and login', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(() => env?.close());

  it('switching to Arabic sets dir="rtl" and shows State names in Arabic', async () => {
    const page = await env.browser.newPage({ locale: 'en-US' });
    await page.goto(`${env.baseUrl}/states`);
    await page.locator('[data-testid="state-row"][data-iso3="FRA"]').waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await expect.poll(() => page.locator('[data-testid="state-row"][data-iso3="FRA"]').innerText()).toContain('France');

    await page.selectOption('#language-select', 'ar');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await expect.poll(() => page.locator('[data-testid="state-row"][data-iso3="FRA"]').innerText()).toContain('فرنسا');
    await expect.poll(() => page.locator('[data-testid="state-row"][data-iso3="CHN"]').innerText()).toContain('الصين');
    // the layout mirrors: the page's text starts on the right
    const align = await page.evaluate(() => getComputedStyle(document.body).direction);
    expect(align).toBe('rtl');

    // the choice is kept across visits
    await page.goto(`${env.baseUrl}/`);
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    await page.close();
  });

  it('shows the UI in Chinese with Chinese State names', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/states`);
    await page.selectOption('#language-select', 'zh');
    // the Chinese texts are fetched on the switch, then the States again in Chinese
    await expect.poll(() => page.locator('[data-testid="state-row"][data-iso3="DEU"]').innerText(), { timeout: 10_000 }).toContain('德国');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.close();
  });

  it('a demo officer logs in and sees who they are; a wrong password shows an error', async () => {
    const officer = env.demo.find((d) => d.username === 'demo-officer-fra')!;
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/login`);
    await page.fill('#username', officer.username);
    await page.fill('#password', 'not-the-password');
    await page.click('button[type="submit"]');
    await page.locator('[role="alert"]').waitFor();
    expect(await page.locator('[role="alert"]').innerText()).not.toBe('');

    await page.fill('#password', officer.password);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
    expect(await page.locator('[data-testid="current-user"]').innerText()).toContain(officer.displayName);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'palermo_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.close();
  });
});
