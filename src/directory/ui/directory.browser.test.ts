import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../test/support/browser.ts';
import { loadDemoDirectory } from '../seed/demo-directory.ts';

const run = browserAvailable();

describe.runIf(run)('web UI in Chromium: the directory', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
    await loadDemoDirectory(env.database.db);
  });
  afterAll(() => env?.close());

  it('the routing wizard answers FRA → CHN for bank records, and states plainly what is unknown (in French too)', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/directory/route?lang=en`);
    await page.locator('#route-from option[value="FRA"]').waitFor({ state: 'attached' });
    await page.selectOption('#route-from', 'FRA');
    await page.selectOption('#route-to', 'CHN');
    await page.selectOption('#route-kind', 'mla');
    await page.selectOption('#route-measure', 'bank-records');
    await page.getByRole('button', { name: 'Show the answer' }).click();
    const answer = page.locator('[data-testid="route-answer"]');
    await answer.waitFor();
    expect(await page.locator('[data-testid="route-authority"]').innerText()).toContain('司法部');
    expect(await page.locator('[data-testid="route-languages"]').innerText()).toMatch(/Chinese.*English/);
    expect(await page.locator('[data-testid="route-channels"]').innerText()).toMatch(/Diplomatic channel/);
    expect(await page.locator('[data-testid="route-legal-basis"]').getAttribute('data-code')).toBe('both-parties');
    expect(await page.locator('[data-testid="route-measure"]').innerText()).toMatch(/Only for coercive measures/);
    // Anonymous: names, no contacts.
    await page.locator('[data-testid="contacts-hidden"]').waitFor();
    expect(page.url()).toContain('measure=bank-records');
    expect(await page.locator('[data-testid="route-addressee"]').count()).toBe(0); // bank records: the central authority itself

    // Preservation of electronic data: the police unit the measure record names, via the central authority.
    await page.goto(`${env.baseUrl}/directory/route?from=FRA&to=CHN&kind=mla&measure=e-evidence-preservation&lang=en`);
    const sendTo = page.locator('[data-testid="route-addressee"]');
    await sendTo.waitFor();
    expect(await sendTo.innerText()).toMatch(/^Send to: 公安部.*\(via the central authority .*司法部.*\)$/);

    // Extradition to CHN: the art. 16(5)(a) "no", and Italy's unknown languages, in French.
    await page.goto(`${env.baseUrl}/directory/route?from=FRA&to=CHN&kind=extradition&lang=fr`);
    await page.locator('[data-testid="route-legal-basis"]').waitFor();
    expect(await page.locator('[data-testid="route-legal-basis"]').getAttribute('data-code')).toBe('extradition-notified-no');
    expect(await page.locator('[data-testid="route-legal-basis"]').innerText()).toMatch(/ne considère pas la Convention/);
    await page.goto(`${env.baseUrl}/directory/route?from=FRA&to=ITA&kind=mla&lang=fr`);
    const unknown = page.locator('[data-testid="route-unknown"]');
    await unknown.waitFor();
    expect(await unknown.locator('li[data-item="languages"]').innerText()).toBe('les langues acceptées');
    expect(await page.locator('[data-testid="route-languages"]').innerText()).toBe('Inconnu');
    await page.close();
  });

  it('a logged-in officer sees contacts on an authority page, with a vCard', async () => {
    const officer = env.demo.find((d) => d.username === 'demo-officer-fra')!;
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/login?lang=en`);
    await page.fill('#username', officer.username);
    await page.fill('#password', officer.password);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${env.baseUrl}/directory/states/CHN?lang=en`);
    await page.locator('[data-testid="part1"] a').first().click();
    await page.locator('[data-testid="contacts"]').waitFor();
    expect(await page.locator('[data-testid="contacts"]').innerText()).toMatch(/example\.org/);
    expect(await page.locator('[data-testid="vcard"]').getAttribute('href')).toMatch(/\/vcard$/);
    // The history loads on its own, after the entry.
    await expect.poll(() => page.locator('[data-testid="history"] li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a focal point fills in a measure for their own State through the form; the change is versioned', async () => {
    const fp = env.demo.find((d) => d.username === 'demo-focal-point')!; // MEX
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/login?lang=es`);
    await page.fill('#username', fp.username);
    await page.fill('#password', fp.password);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${env.baseUrl}/directory/states/MEX/measures/search-and-seizure`);
    await page.locator('#f-available').selectOption('partly');
    await page.fill('#f-usualExecutionDays', '45');
    await page.fill('#f-languages', 'es, en');
    await page.locator('[data-testid="entry-form"] button[type="submit"]').click();
    const row = page.locator('[data-testid="measures"] tr[data-measure="search-and-seizure"]');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/En cierta medida[\s\S]*45/);
    const saved = await env.database.db.selectFrom('directory_history').select(['action', 'changed_by']).where('iso3', '=', 'MEX').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(saved).toEqual({ action: 'create', changed_by: 'demo-focal-point' });
    // Another State's page offers no editing to this focal point.
    await page.goto(`${env.baseUrl}/directory/states/FRA`);
    await page.locator('[data-testid="part1"]').waitFor();
    expect(await page.locator('a[href="/directory/states/FRA/new"]').count()).toBe(0);
    await page.close();
  });
});
