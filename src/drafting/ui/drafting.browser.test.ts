import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../test/support/browser.ts';
import { loadDemoDirectory } from '../../directory/seed/demo-directory.ts';
import type { DraftContentInput } from '../draft.schema.ts';
import { completeDraftInput } from '../test-fixtures.ts';

const run = browserAvailable();

const FACTS =
  'Between 1 March and 30 April 2026, the suspect sold forged residence permits to migrants through the e-mail account forger.demo@example.cn, ' +
  'receiving payments of about 3,000 euros each.';

describe.runIf(run)('web UI in Chromium: the request writer', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
    await loadDemoDirectory(env.database.db);
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

  const next = (page: Page) => page.click('[data-testid="step-next"]');
  const stepIs = (page: Page, step: string) => page.locator(`.wizard-step[data-step="${step}"]`).waitFor();

  /** The API as the logged-in page calls it (same session, its CSRF token): to set up a draft quickly. */
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

  /** A complete MLA request to CHN (bank records), as the logged-in officer's State. */
  async function createDraft(page: Page, content: DraftContentInput = completeDraftInput()) {
    return apiCall<{ id: string; reference: string }>(page, 'POST', '/drafting/drafts', { content });
  }
  const versionCount = async (page: Page, id: string) => (await apiCall<{ items: unknown[] }>(page, 'GET', `/drafting/drafts/${id}/versions`)).items.length;

  /** Inputs, text areas and selects in `scope` that a user could still change. */
  const editableFields = (page: Page, scope: string) =>
    page.locator(`${scope} :is(input:not([readonly]):not([disabled]):not([type="hidden"]), textarea:not([readonly]):not([disabled]), select:not([disabled]))`).count();
  const allFields = (page: Page, scope: string) => page.locator(`${scope} :is(input, textarea, select)`).count();

  it('a FRA officer writes an e-evidence request to CHN, fixes a failed check and downloads the DOCX', async () => {
    const page = await env.browser.newPage({ acceptDownloads: true });
    await login(page, 'demo-officer-fra');
    await page.click('a[href="/drafting"]');
    await page.selectOption('[data-testid="new-kind"]', 'mla');
    await page.click('[data-testid="new-draft"]');

    // Step 1: States and authorities, with what the directory says about CHN
    await stepIs(page, 'route');
    await page.fill('#fld-title', 'Forged permits — subscriber data');
    await page.fill('#fld-requesting-authority-name', 'Parquet de Paris');
    await page.fill('#fld-requesting-authority-functions', 'Public prosecutor directing the investigation');
    await page.selectOption('#fld-requested-state', 'CHN');
    const languages = page.locator('[data-testid="route-languages"]');
    await expect.poll(() => languages.getAttribute('data-languages')).toBe('zh,en');
    expect(await page.locator('[data-testid="route-channels"]').innerText()).toContain('Diplomatic channels');
    await expect.poll(() => page.inputValue('#fld-requested-authorityName')).not.toBe('');
    // French, which CHN does not accept: the wizard warns at once, the checks will refuse it
    await page.selectOption('#fld-language', 'fr');
    await page.locator('[data-testid="language-not-accepted"]').waitFor();
    await page.selectOption('#fld-channel', 'diplomatic');
    await next(page);

    // the heading of the new step has the focus
    await stepIs(page, 'basis');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-title');
    await page.check('#fld-legalBasis-type--convention');
    await next(page);

    await stepIs(page, 'proceedings');
    await page.selectOption('#fld-proceedings-type', 'investigation');
    await page.fill('#fld-proceedings-subjectMatter', 'Investigation into the sale of forged residence permits by an organized criminal group.');
    await page.fill('#fld-proceedings-conductingAuthority-name', 'Juge d’instruction, Tribunal judiciaire de Paris');
    await page.fill('#fld-proceedings-conductingAuthority-functions', 'Investigating judge');
    await page.click('text=Add an offence');
    await page.fill('#fld-offences-0-name', 'Forgery of administrative documents');
    await page.fill('#fld-offences-0-legalProvision', 'Code pénal, art. 441-2');
    await page.fill('#fld-offences-0-maxPenalty', '7 years’ imprisonment');
    await next(page);

    await stepIs(page, 'facts');
    await page.fill('#fld-facts-summary', FACTS);
    await page.fill('#fld-purpose', 'To identify the person who holds the e-mail account.');
    await next(page);

    await stepIs(page, 'persons');
    await next(page);

    // Step 6: subscriber data for an e-mail account, with a date-time range and its time zone
    await stepIs(page, 'assistance');
    await page.selectOption('[data-testid="add-measure"]', 'e-evidence-subscriber');
    await page.click('[data-testid="add-measure-button"]');
    await page.fill('#fld-assistance-0-description', 'Provide the subscriber information of the e-mail account below.');
    await page.fill('#fld-assistance-0-electronicEvidence-provider-name', 'Example Mail Co.');
    await page.click('text=Add an identifier');
    await page.selectOption('#fld-assistance-0-electronicEvidence-identifiers-0-type', 'email');
    await page.fill('#fld-assistance-0-electronicEvidence-identifiers-0-value', 'forger.demo@example.cn');
    await page.fill('#fld-assistance-0-electronicEvidence-dateRange-from', '2026-03-01T00:00');
    await page.fill('#fld-assistance-0-electronicEvidence-dateRange-to', '2026-04-30T23:59');
    await page.selectOption('#fld-assistance-0-electronicEvidence-dateRange-timeZone', 'Europe/Paris');
    await page.fill('#fld-dualCriminality-statement', 'Forgery of administrative documents is an offence under the Criminal Law of the People’s Republic of China, art. 280.');
    await next(page);
    await stepIs(page, 'conditions');
    await next(page);

    // Step 8: the language check fires and names the field; its link leads to it
    await stepIs(page, 'review');
    const languageCheck = page.locator('[data-testid="check"][data-check="language.not-accepted"]');
    await languageCheck.waitFor();
    expect(await languageCheck.getAttribute('data-severity')).toBe('error');
    expect(await languageCheck.innerText()).toContain('Language of the request');
    expect(await page.isDisabled('[data-testid="finalise"]')).toBe(true);
    await languageCheck.locator('[data-testid="check-link"]').click();
    await stepIs(page, 'route');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('fld-language');
    // the field carries the check's message, tied to it for screen readers
    expect(await page.getAttribute('#fld-language', 'aria-describedby')).toContain('fld-language-issues');
    await page.selectOption('#fld-language', 'en');
    await page.click('[data-testid="step-link-review"]');
    await stepIs(page, 'review');
    await expect.poll(() => page.locator('[data-testid="checks-summary"]').getAttribute('data-errors')).not.toBe('');
    await expect.poll(() => languageCheck.count()).toBe(0);
    expect(await page.locator('[data-testid="save-status"]').getAttribute('data-status')).toBe('saved');

    // the DOCX, in English, holds the facts as typed
    await page.selectOption('[data-testid="document-lang"]', 'en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-docx"]')]);
    expect(download.suggestedFilename()).toMatch(/-request-en\.docx$/);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(FACTS);
    await page.close();
  });

  it('consultation: the FRA officer shares a draft with CHN, whose officer reads it read-only and comments', async () => {
    const fra = await env.browser.newPage();
    await login(fra, 'demo-officer-fra');
    const draft = await createDraft(fra);
    await fra.goto(`${env.baseUrl}/drafting/${draft.id}?step=review&lang=en`);
    await stepIs(fra, 'review');
    await fra.fill('#share-note', 'Could you check the bank records part?');
    await fra.click('[data-testid="share-button"]');
    await fra.locator('[data-testid="share-active"]').waitFor();

    // CHN's officer (another browser context: another session) finds it under "Shared with us"
    const chn = await env.browser.newPage();
    await login(chn, 'demo-officer-chn');
    await chn.goto(`${env.baseUrl}/drafting`);
    await chn.click('[data-testid="shared-link"]');
    const row = chn.locator(`a[href="/drafting/shared/${draft.id}"]`);
    await row.click();
    await chn.locator('[data-testid="read-only-notice"]').waitFor();
    expect(await chn.locator('[data-testid="draft-title"]').innerText()).toBe('Operation Lantern — bank records');
    // every part is shown, none can be changed
    await expect.poll(() => allFields(chn, '.read-only-draft')).toBeGreaterThan(10);
    expect(await editableFields(chn, '.read-only-draft')).toBe(0);
    expect(await chn.inputValue('#fld-facts-summary')).toContain('transferred GBP 250,000');
    // a consultation comment, without the owner's choice of audience
    expect(await chn.locator('input[name="comment-audience"]').count()).toBe(0);
    await chn.fill('[data-testid="comment-body"]', 'Please add the account holder’s date of birth.');
    await chn.selectOption('[data-testid="comment-about-select"]', '$.facts.summary');
    await chn.click('[data-testid="comment-submit"]');
    const posted = chn.locator('[data-testid="comment"]', { hasText: 'account holder’s date of birth' });
    await posted.waitFor();
    expect(await posted.getAttribute('data-audience')).toBe('consultation');

    // back as the FRA officer: the comment is with the draft, marked as CHN's
    await fra.reload();
    await stepIs(fra, 'review');
    const received = fra.locator('[data-testid="comment"]', { hasText: 'account holder’s date of birth' });
    await received.waitFor();
    expect(await received.getAttribute('data-audience')).toBe('consultation');
    expect(await received.innerText()).toContain('CHN');
    // it says which field it is about, and leads there
    const about = received.locator('[data-testid="comment-about"]');
    expect(await about.getAttribute('data-path')).toBe('$.facts.summary');
    const factsLabel = await fra.evaluate(() => document.querySelector('label[for="fld-facts-summary"]')?.textContent ?? null);
    expect(factsLabel).toBeNull(); // not on the review step: the link must take us there
    await about.locator('a').click();
    await stepIs(fra, 'facts');
    await expect.poll(() => fra.evaluate(() => document.activeElement?.id)).toBe('fld-facts-summary');
    await chn.close();
    await fra.close();
  });

  it('compare: after two saved changes, the compare page shows each changed field with its old and new value', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    const draft = await createDraft(page);
    await page.goto(`${env.baseUrl}/drafting/${draft.id}?step=route&lang=en`);
    await stepIs(page, 'route');
    await page.fill('#fld-title', 'Operation Lantern — bank records (revised)');
    await expect.poll(() => versionCount(page, draft.id)).toBe(2);
    await page.fill('#fld-requesting-caseReference', 'LANTERN-2024-02');
    await expect.poll(() => versionCount(page, draft.id)).toBe(3);

    await page.click('[data-testid="compare-link"]');
    await page.locator('[data-testid="diff"]').waitFor();
    // by default: the last saved change, version 2 to 3
    const reference = page.locator('[data-testid="diff-item"][data-path="$.requesting.caseReference"]');
    await reference.waitFor();
    expect(await reference.getAttribute('data-change')).toBe('changed');
    expect(await reference.locator('del').innerText()).toBe('LANTERN-2024-01');
    expect(await reference.locator('ins').innerText()).toBe('LANTERN-2024-02');
    expect(await page.locator('[data-testid="diff-item"]').count()).toBe(1);
    // from the first version: both changes
    await page.selectOption('[data-testid="compare-from"]', '1');
    const title = page.locator('[data-testid="diff-item"][data-path="$.title"]');
    await title.waitFor();
    // a long text shows word by word what went and what came
    expect(await title.locator('del').textContent()).toContain('records');
    expect(await title.locator('ins').textContent()).toContain('records (revised)');
    expect(await title.locator('.diff-text').textContent()).toContain('Operation Lantern — bank');
    await expect.poll(() => page.locator('[data-testid="diff-item"]').count()).toBe(2);
    await page.close();
  });

  it('finalise: once the checks pass, the FRA officer finalises, sees the case reference, and the draft is read-only', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    const draft = await createDraft(page);
    await page.goto(`${env.baseUrl}/drafting/${draft.id}?step=review&lang=en`);
    await stepIs(page, 'review');
    await expect.poll(() => page.locator('[data-testid="checks-summary"]').getAttribute('data-errors')).toBe('0');
    await page.click('[data-testid="finalise"]');
    await page.click('[data-testid="finalise-confirm"]');
    const done = page.locator('[data-testid="case-reference"]');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/Outgoing case \S+ has been opened/);
    expect(await page.locator('[data-testid="finalise"]').count()).toBe(0);
    // the request as finalised is kept: a link to the stored file, with its digest
    expect(await page.locator('[data-testid="download-final-docx"]').getAttribute('href')).toMatch(/\/final\.docx$/);
    expect(await page.locator('[data-testid="final-docx-digest"]').innerText()).toMatch(/SHA-256 .*[0-9a-f]{64}/);

    // the steps now show the request, not forms to change it
    await page.click('[data-testid="step-link-route"]');
    await stepIs(page, 'route');
    await expect.poll(() => allFields(page, '.wizard-step')).toBeGreaterThan(5);
    expect(await editableFields(page, '.wizard-step')).toBe(0);
    // and the API refuses a change
    const saved = await apiCall<{ version: number; status: string }>(page, 'GET', `/drafting/drafts/${draft.id}`);
    expect(saved.status).toBe('finalised');
    await expect(apiCall(page, 'PATCH', `/drafting/drafts/${draft.id}`, { version: saved.version, content: { title: 'Changed' } })).rejects.toThrow(/HTTP 409/);
    await page.close();
  });

  it('the buttons are the draft’s actions: share, end share, finalise, duplicate appear only when the API allows them', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    const draft = await createDraft(page);
    type Actions = { status: string; actions: Array<{ action: string; allowed: boolean }> };
    const allowed = async () => (await apiCall<Actions>(page, 'GET', `/drafting/drafts/${draft.id}`)).actions.filter((a) => a.allowed).map((a) => a.action);
    const shown = async () => ({
      share: await page.locator('[data-testid="share-button"]').count(),
      unshare: await page.locator('[data-testid="unshare"]').count(),
      finalise: await page.locator('[data-testid="finalise"]').count(),
      duplicate: await page.locator('[data-testid="duplicate"]').count(),
    });
    await page.goto(`${env.baseUrl}/drafting/${draft.id}?step=review&lang=en`);
    await stepIs(page, 'review');
    await expect.poll(() => page.locator('[data-testid="checks-summary"]').getAttribute('data-errors')).toBe('0');
    expect(await allowed()).toEqual(['edit', 'share', 'comment', 'finalise', 'duplicate']);
    expect(await shown()).toEqual({ share: 1, unshare: 0, finalise: 1, duplicate: 1 });

    // shared: ending the share replaces sharing; the draft stays editable
    await page.click('[data-testid="share-button"]');
    await page.locator('[data-testid="share-active"]').waitFor();
    expect(await allowed()).toEqual(['edit', 'unshare', 'comment', 'finalise', 'duplicate']);
    expect(await shown()).toEqual({ share: 0, unshare: 1, finalise: 1, duplicate: 1 });
    expect(await editableFields(page, '.wizard-step')).toBeGreaterThan(0);
    await page.click('[data-testid="unshare"]');
    await page.locator('[data-testid="share-button"]').waitFor();
    expect((await apiCall<Actions>(page, 'GET', `/drafting/drafts/${draft.id}`)).status).toBe('draft');

    // finalised: only duplicating (and internal notes) remain
    await page.click('[data-testid="finalise"]');
    await page.click('[data-testid="finalise-confirm"]');
    await page.locator('[data-testid="case-reference"]').waitFor();
    expect(await allowed()).toEqual(['comment', 'duplicate']);
    await expect.poll(shown).toEqual({ share: 0, unshare: 0, finalise: 0, duplicate: 1 });
    const history = await apiCall<{ items: Array<{ action: string }> }>(page, 'GET', `/drafting/drafts/${draft.id}/history`);
    expect(history.items.map((h) => h.action)).toEqual(['create', 'share', 'unshare', 'finalise']);
    await page.close();
  });

  it('a practitioner is not offered finalising: the API refuses it by role, and the wizard says who can', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-practitioner');
    const draft = await createDraft(page, { ...completeDraftInput(), requested: { state: 'CHN' } });
    await page.goto(`${env.baseUrl}/drafting/${draft.id}?step=review&lang=en`);
    await stepIs(page, 'review');
    await page.locator('[data-testid="share-button"]').waitFor();
    expect(await page.locator('[data-testid="finalise"]').count()).toBe(0);
    expect(await page.locator('.finalise').innerText()).toContain('Only an officer of your central authority can finalise');
    await page.close();
  });

  it('the checks speak the reader’s language: a French reader gets the message in French, with language names', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-officer-fra');
    const draft = await createDraft(page, { ...completeDraftInput(), language: 'fr' });
    await page.goto(`${env.baseUrl}/drafting/${draft.id}?step=review&lang=fr`);
    await stepIs(page, 'review');
    const check = page.locator('[data-testid="check"][data-check="language.not-accepted"]');
    await check.waitFor();
    const message = check.locator('.check-message');
    expect(await message.innerText()).toMatch(/^L’État requis n’accepte pas les demandes dans cette langue \(langues acceptées : (chinois|anglais)/);
    expect(await message.getAttribute('lang')).toBeNull();
    expect(await check.locator('.check-fix').innerText()).toContain('Rédigez ou traduisez la demande');
    await page.close();
  });
});
