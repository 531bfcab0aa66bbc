import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../../test/support/browser.ts';
import { latestPublishedSets } from '../../review.repository.ts';
import { createTestReview } from '../../test-fixtures.ts';
import { loadStandardQuestionnaires } from '../../questionnaires/standard.ts';

const run = browserAvailable();
const OUT = '/work/shots/review-questionnaire';

/** The questionnaire page in Chromium: the reviewed State's focal point answers a question; screenshots en/ar/zh. */
describe.runIf(run)('web UI in Chromium: answering the review questionnaire', { timeout: 300_000 }, () => {
  let env: BrowserEnv;
  let reviewId = '';
  beforeAll(async () => {
    env = await startBrowserEnv();
    const db = env.database.db;
    await loadStandardQuestionnaires(db);
    const fp = await db.selectFrom('users').select('id').where('username', '=', 'demo-focal-point').executeTakeFirstOrThrow();
    const r = await createTestReview(db, {
      reviewed: 'MEX', reviewers: ['FRA', 'CHN'], stage: 'answering',
      participants: [{ userId: fp.id, state: 'MEX', side: 'reviewed', role: 'focal_point', name: 'Focal point, Mexico' }],
    });
    await db.updateTable('reviews').set({ question_set_ids: await latestPublishedSets(db, 'criminalization-jurisdiction', ['UNTOC']) }).where('id', '=', r.id).execute();
    reviewId = r.id;
    fs.mkdirSync(OUT, { recursive: true });
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

  it('the focal point answers a question: saved, counted, and a missing explanation is shown at its field', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-focal-point');
    await page.goto(`${env.baseUrl}/reviews/${reviewId}/questionnaire?lang=en`);
    const progress = page.locator('[data-testid="rq-progress"]');
    await progress.waitFor();
    const total = Number(/of (\d+)/.exec((await progress.textContent())!)![1]);
    expect(await progress.textContent()).toContain(`0 of ${total} answered`);

    const q = page.locator('[data-testid="question-UNTOC-2-1"]');
    await q.locator('textarea').fill('Article 416-bis of the Criminal Code defines the mafia-type association.');
    await q.getByRole('button', { name: 'Save answer' }).click();
    await q.getByText('Saved', { exact: true }).waitFor();
    await page.getByText(`1 of ${total} answered`).waitFor();
    // The page has reloaded with the answer's version: "Saved" stays until the answer is edited again (it used to
    // vanish with the reload, so a user — or a test on a busy machine — could miss it).
    await q.getByText(/Last saved by .* \(version 1\)/).waitFor();
    expect(await q.getByText('Saved', { exact: true }).isVisible()).toBe(true);
    await q.locator('textarea').fill('Article 416-bis of the Criminal Code defines the mafia-type association (in force).');
    expect(await q.getByText('Saved', { exact: true }).isVisible()).toBe(false);
    await q.locator('textarea').fill('Article 416-bis of the Criminal Code defines the mafia-type association.');

    const yn = page.locator('[data-testid="question-UNTOC-5-1"]');
    await yn.getByLabel('No', { exact: true }).check();
    await yn.getByRole('button', { name: 'Save answer' }).click();
    const expl = yn.getByLabel(/Explanation/);
    await expect.poll(() => expl.getAttribute('aria-invalid')).toBe('true');
    expect(await yn.locator('.rq-field-error').textContent()).toContain('explain');

    const saved = await env.database.db.selectFrom('review_answers').select(['value', 'updated_by_name']).where('review_id', '=', reviewId).execute();
    expect(saved).toEqual([{ value: { text: 'Article 416-bis of the Criminal Code defines the mafia-type association.' }, updated_by_name: '[DEMO] Focal point, Mexico' }]);
    await page.close();
  });

  it('screenshots in English, Arabic and Chinese at 375 and 1280 px', async () => {
    const page = await env.browser.newPage();
    await login(page, 'demo-focal-point');
    for (const lang of ['en', 'ar', 'zh']) {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${env.baseUrl}/reviews/${reviewId}/questionnaire?lang=${lang}`);
        await page.locator('[data-testid="question-UNTOC-5-1"]').waitFor();
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await page.screenshot({ path: path.join(OUT, `questionnaire-${lang}-${width}.png`), fullPage: width === 1280 });
        await page.locator('[data-testid="question-UNTOC-5-1"]').screenshot({ path: path.join(OUT, `question-${lang}-${width}.png`) });
        await page.goto(`${env.baseUrl}/review-questionnaires?lang=${lang}`);
        await page.locator('table.rq-sets').waitFor();
        await page.screenshot({ path: path.join(OUT, `sets-${lang}-${width}.png`), fullPage: true });
      }
    }
    await page.close();
  });
});
