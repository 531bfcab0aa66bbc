import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../test/support/browser.ts';

const run = browserAvailable();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Availability {
  action: string;
  allowed: boolean;
  reasons: { code: string }[];
}
interface CaseAnswer {
  id: string;
  reference: string;
  status: string;
  priority: { score: number };
  actions: Availability[];
  timeline: { type: string }[];
}

// each test logs in, sets cases up through the API and loads several pages (the first visit fetches the chunks):
// about 50 s on a loaded 2-core machine, so twice the default
describe.runIf(run)('web UI in Chromium: the case tracker', { timeout: 120_000 }, () => {
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

  /** The API as the logged-in page calls it (same session, its CSRF token): to set cases up quickly. */
  async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
    return page.evaluate(
      async ({ method, path, body }) => {
        const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken?: string };
        const res = await fetch(`/api/v1${path}`, {
          method,
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'x-csrf-token': me.csrfToken ?? '' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
        return res.status === 204 ? null : await res.json();
      },
      { method, path, body },
    ) as Promise<T>;
  }

  /** An incoming request from CHN registered by hand at FRA. */
  const incoming = (page: Page, title: string, extra: Record<string, unknown> = {}) =>
    apiCall<CaseAnswer>(page, 'POST', '/cases', {
      direction: 'incoming',
      kind: 'mla',
      counterpartState: 'CHN',
      counterpartReference: `CHN-${title.slice(0, 8).replace(/\W/g, '')}`,
      title,
      channel: 'diplomatic',
      legalBasis: { type: 'convention', article: 'UNTOC:18' },
      ...extra,
    });

  const buttons = (page: Page) =>
    page.$$eval('[data-testid="case-actions"] button[data-testid^="action-"]', (bs) => bs.map((b) => ({ action: b.getAttribute('data-testid')!.slice(7), disabled: (b as HTMLButtonElement).disabled })));
  const timelineTypes = (page: Page) => page.$$eval('[data-testid="timeline-entry"]', (es) => es.map((e) => e.getAttribute('data-type')));

  it('the work queue lists the incoming cases by priority and shows the overdue one', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    const low = await incoming(page, 'Bank records of a shell company');
    const urgent = await incoming(page, 'Provisional arrest of a trafficker', {
      kind: 'extradition',
      deadline: day(5),
      deadlineReason: 'Provisional arrest ends',
      priorityInputs: { personInCustody: true, maxPenaltyYears: 20, organisedCriminalGroup: true },
    });
    const late = await incoming(page, 'Hearing of a witness before trial', { deadline: day(-3), deadlineReason: 'Trial date', priorityInputs: { maxPenaltyYears: 5 } });
    expect(urgent.priority.score).toBeGreaterThan(late.priority.score);
    expect(late.priority.score).toBeGreaterThan(low.priority.score);

    await page.click('a[href="/cases"]');
    await page.locator('[data-testid="queue-table"]').waitFor();
    const rows = await page.$$eval('[data-testid="case-row"]', (rs) => rs.map((r) => r.getAttribute('data-reference')));
    expect(rows).toEqual([urgent.reference, late.reference, low.reference]);
    const scores = await page.$$eval('[data-testid="priority-badge"]', (bs) => bs.map((b) => Number(b.getAttribute('data-score'))));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // the overdue step is highlighted on its row only
    expect(await page.locator(`[data-reference="${late.reference}"] [data-testid="overdue-steps"]`).count()).toBe(1);
    expect(await page.locator(`[data-reference="${low.reference}"] [data-testid="overdue-steps"]`).count()).toBe(0);
    // the priority's score shows on keyboard focus (the list's rows carry no factors: the case page explains them)
    const tip = page.locator(`[data-reference="${urgent.reference}"] .priority-tip`);
    expect(await tip.isVisible()).toBe(false);
    await page.locator(`[data-reference="${urgent.reference}"] [data-testid="priority-badge"]`).focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toContain(`Score ${urgent.priority.score}`);
    await page.click(`[data-reference="${urgent.reference}"] a`);
    const factors = page.locator('[data-testid="priority-factors"]');
    await factors.waitFor();
    expect(await factors.innerText()).toContain('Person in custody: +30');
    await page.goBack();
    await page.locator('[data-testid="queue-table"]').waitFor();

    // the overdue tab holds only the late case
    await page.click('[data-testid="tab-overdue"]');
    await expect.poll(() => page.$$eval('[data-testid="case-row"]', (rs) => rs.map((r) => r.getAttribute('data-reference')))).toEqual([late.reference]);
    await page.close();
  });

  it('a case shows its timeline and exactly its allowed actions; register → review → consult → refuse updates the timeline', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    const c = await incoming(page, 'Freezing of accounts held by a money-laundering ring');
    await page.goto(`${env.baseUrl}/cases/${c.id}?lang=en`);
    await page.locator('[data-testid="case-page"][data-status="received"]').waitFor();

    // the buttons are exactly what the API allows (the priority override and delay explanation sit in their own sections),
    // plus refuse, shown disabled because no consultation is recorded
    const allowed = c.actions.filter((a) => a.allowed && !['set_priority', 'explain_delay', 'answer_query'].includes(a.action)).map((a) => a.action);
    const shown = await buttons(page);
    expect(shown.filter((b) => !b.disabled).map((b) => b.action).sort()).toEqual([...allowed].sort());
    expect(shown.filter((b) => b.disabled).map((b) => b.action)).toEqual(['refuse']);
    expect(await page.locator('[data-testid="blocked-refuse"]').innerText()).toContain('Consult the requesting State first');
    expect(await page.locator('[data-testid="case-priority"] [data-testid="action-set_priority"]').count()).toBe(1);
    expect(await timelineTypes(page)).toEqual(['created']);

    const act = async (action: string, fill?: () => Promise<void>) => {
      const before = Number(await page.locator('[data-testid="case-page"]').getAttribute('data-version'));
      await page.click(`[data-testid="action-${action}"]`);
      await fill?.();
      await page.click(`[data-testid="form-${action}"] [data-testid="action-submit"]`);
      await expect.poll(async () => Number(await page.locator('[data-testid="case-page"]').getAttribute('data-version'))).toBeGreaterThan(before);
    };
    await act('register');
    await page.locator('[data-testid="case-page"][data-status="registered"]').waitFor();
    await act('start_review');
    await page.locator('[data-testid="case-page"][data-status="under_review"]').waitFor();
    // still no consultation: refuse is offered only as a disabled button with its reason
    expect((await buttons(page)).find((b) => b.action === 'refuse')).toEqual({ action: 'refuse', disabled: true });
    await act('consult', () => page.fill('[data-testid="form-consult"] [data-testid="field-note"]', 'Called the CHN central authority on 2 December; it has nothing to add.'));
    expect((await buttons(page)).find((b) => b.action === 'refuse')).toEqual({ action: 'refuse', disabled: false });

    // refusing: fiscal matters brings the Convention's warning and must be confirmed; another ground goes through
    await page.click('[data-testid="action-refuse"]');
    await page.selectOption('[data-testid="form-refuse"] [data-testid="field-ground"]', 'fiscal-matters');
    await page.locator('[data-testid="excluded-ground-warning"]').waitFor();
    expect(await page.locator('[data-testid="excluded-ground-warning"]').innerText()).toContain('18(22)');
    expect(await page.locator('[data-testid="form-refuse"] [data-testid="action-submit"]').isDisabled()).toBe(true);
    await page.selectOption('[data-testid="form-refuse"] [data-testid="field-ground"]', 'dual-criminality');
    expect(await page.locator('[data-testid="excluded-ground-warning"]').count()).toBe(0);
    await page.fill('[data-testid="form-refuse"] [data-testid="field-reasons"]', 'The conduct described is not an offence under French law.');
    await page.click('[data-testid="form-refuse"] [data-testid="action-submit"]');
    await page.locator('[data-testid="case-page"][data-status="refused"]').waitFor();

    expect(await timelineTypes(page)).toEqual(['refuse', 'consult', 'start_review', 'register', 'created']);
    const refusal = page.locator('[data-testid="timeline-entry"][data-type="refuse"]');
    expect(await refusal.locator('[data-testid="transition"]').innerText()).toMatch(/Under review\s*→\s*Refused/);
    expect(await refusal.innerText()).toContain('Absence of dual criminality');
    expect(await page.locator('[data-testid="timeline-entry"][data-type="consult"]').innerText()).toContain('Called the CHN central authority');
    // refused: no more refusing, consulting or reviewing
    const after = (await buttons(page)).map((b) => b.action);
    expect(after).not.toContain('refuse');
    expect(after).toContain('close');
    await page.close();
  });

  it('a stale page gets a 409, reloads and says so', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    const c = await incoming(page, 'Service of documents on a company director');
    await page.goto(`${env.baseUrl}/cases/${c.id}?lang=en`);
    await page.locator('[data-testid="case-page"][data-status="received"]').waitFor();
    await apiCall(page, 'POST', `/cases/${c.id}/events`, { type: 'register' }); // someone else, meanwhile
    await page.click('[data-testid="action-register"]');
    await page.click('[data-testid="form-register"] [data-testid="action-submit"]');
    await page.locator('[data-testid="case-conflict"]').waitFor();
    await page.locator('[data-testid="case-page"][data-status="registered"]').waitFor();
    await page.close();
  });

  it('an officer registers by hand a request that came by diplomatic channel; bad input is shown by field', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    await page.goto(`${env.baseUrl}/cases?lang=en`);
    await page.click('[data-testid="register-case"]');
    await page.locator('[data-testid="register-form"]').waitFor();
    await page.selectOption('#reg-counterpartState', 'CHN');
    // a deadline without its reason: the API names the field
    await page.fill('#reg-title', 'Search of premises used by a smuggling network');
    await page.fill('#reg-deadline', day(20));
    await page.click('[data-testid="register-submit"]');
    await page.locator('[data-testid="error-deadlineReason"]').waitFor();
    expect(page.url()).toMatch(/\/cases\/new/);

    await page.fill('#reg-deadlineReason', 'Trial opens');
    await page.fill('#reg-counterpartReference', 'CHN-MLA-2026-77');
    await page.check('#reg-measures-search-and-seizure');
    await page.check('#reg-crimeTypes-smuggling-of-migrants');
    await page.check('#reg-organisedCriminalGroup');
    await page.click('[data-testid="add-person"]');
    await page.fill('#reg-persons-0-name', 'Li Wei');
    await page.click('[data-testid="register-submit"]');
    await page.locator('[data-testid="case-page"][data-status="received"]').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Search of premises used by a smuggling network');
    expect(await page.locator('[data-testid="case-header"]').innerText()).toContain('CHN-MLA-2026-77');
    expect(await page.locator('[data-testid="case-header"]').innerText()).toContain('Diplomatic channels');
    expect(await page.locator('[data-testid="case-persons"]').innerText()).toContain('Li Wei');
    expect(await page.locator('[data-testid="priority-factors"] [data-factor="ocg"]').count()).toBe(1);
    await page.close();
  });

  it('another State’s officer sees nothing of a case (the page says it does not exist)', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    const c = await incoming(page, 'Confidential request about a cartel');
    const other = await env.browser.newPage();
    await login(other, 'demo-officer-chn');
    await other.goto(`${env.baseUrl}/cases/${c.id}?lang=en`);
    await other.locator('#not-found-title').waitFor();
    expect(await other.locator('body').innerText()).not.toContain('cartel');
    await page.close();
    await other.close();
  });
});
