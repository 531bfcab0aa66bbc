import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../../test/support/app.ts';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../../test/support/browser.ts';
import { createUser } from '../../../platform/auth/accounts.service.ts';
import type { Role } from '../../../platform/auth/roles.ts';
import { createTestReview } from '../../test-fixtures.ts';

const run = browserAvailable();
const OUT = '/work/shots/review-desk';
const PEOPLE: Array<[string, Role, string, 'reviewed' | 'reviewing', 'focal_point' | 'expert' | 'observer']> = [
  ['bd-fra-fp', 'focal_point', 'FRA', 'reviewed', 'focal_point'], ['bd-fra-obs', 'officer', 'FRA', 'reviewed', 'observer'],
  ['bd-deu-fp', 'focal_point', 'DEU', 'reviewing', 'focal_point'], ['bd-deu-ex', 'expert', 'DEU', 'reviewing', 'expert'],
  ['bd-chn-fp', 'focal_point', 'CHN', 'reviewing', 'focal_point'], ['bd-chn-ex', 'expert', 'CHN', 'reviewing', 'expert'],
];

/**
 * The browser test: a focal point answers a questionnaire, a reviewer comments, the list of observations is
 * produced — through the UI in Chromium, each person in their own browser session.
 */
describe.runIf(run)('web UI in Chromium: from the answers to the lists of observations', { timeout: 600_000 }, () => {
  let env: BrowserEnv;
  let id = '';
  const stage = async () => (await env.database.db.selectFrom('reviews').select('stage').where('id', '=', id).executeTakeFirstOrThrow()).stage;
  beforeAll(async () => {
    env = await startBrowserEnv();
    const db = env.database.db;
    const users: Record<string, string> = {};
    for (const [u, role, state] of PEOPLE) {
      users[u] = (await createUser(db, { username: u, displayName: u.toUpperCase(), password: TEST_PASSWORD, roles: [role], state }, { kind: 'anonymous' }, async () => true)).id;
    }
    // A short questionnaire of two questions on article 5, so that the focal point can answer all of it here.
    const set = await db.insertInto('review_question_sets').values({ instrument_code: 'UNTOC', cluster_code: 'criminalization-jurisdiction', version: 900, status: 'published', title: { en: 'Short set' } }).returningAll().executeTakeFirstOrThrow();
    await db.insertInto('review_questions').values([1, 2].map((n) => ({
      set_id: set.id, key: `BD-5-${n}`, article: 5, ordinal: n, answer_type: 'text', content_sha256: String(n).repeat(64),
      texts: { en: n === 1 ? 'How does your law criminalize participation in an organized criminal group?' : 'Which penalties apply?' },
    }))).execute();
    const r = await createTestReview(db, {
      reviewed: 'FRA', reviewers: ['DEU', 'CHN'], stage: 'answering', questionSetIds: [set.id],
      participants: PEOPLE.map(([u, , state, side, role]) => ({ userId: users[u]!, state, side, role, name: u.toUpperCase() })),
    });
    id = r.id;
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(() => env?.close());

  async function as(browser: Browser, username: string, lang = 'en'): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${env.baseUrl}/login?lang=${lang}`);
    await page.fill('#username', username);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
    return page;
  }
  const desk = (page: Page, tab = '') => page.goto(`${env.baseUrl}/reviews/${id}/desk/${tab}?lang=en`);

  it('the reviewed focal point answers and submits; both reviewers comment and submit feedback; lists are drafted, agreed, submitted', async () => {
    // 1. The reviewed State's focal point answers the questionnaire and submits it.
    const fra = await as(env.browser, 'bd-fra-fp');
    await fra.goto(`${env.baseUrl}/reviews/${id}/questionnaire?lang=en`);
    for (const [key, text] of [['BD-5-1', 'Article 450-1 of the Criminal Code (association de malfaiteurs).'], ['BD-5-2', 'Up to ten years of imprisonment.']] as const) {
      const q = fra.locator(`[data-testid="question-${key}"]`);
      await q.locator('textarea').fill(text);
      await q.getByRole('button', { name: 'Save answer' }).click();
      await q.getByText('Saved', { exact: true }).waitFor();
    }
    await fra.getByRole('button', { name: 'Submit the answers to the reviewing States' }).click();
    await expect.poll(stage).toBe('desk_review');

    // 2. Each reviewing State's expert writes feedback on the first question; its focal point sends it and submits the step.
    for (const [state, note] of [['deu', 'Please say whether the offence requires an agreement only.'], ['chn', 'Does the offence cover preparatory acts?']] as const) {
      const ex = await as(env.browser, `bd-${state}-ex`);
      await desk(ex);
      const q = ex.locator('[data-testid="desk-question"]').first();
      await q.getByText('How does your law criminalize').waitFor();
      await q.getByText('Article 450-1 of the Criminal Code').waitFor();
      await q.locator('[data-testid="desk-body"]').last().fill(note);
      await q.locator('[data-testid="desk-save-draft"]').last().click();
      await q.getByText(note).waitFor();
      if (state === 'deu') await ex.screenshot({ path: path.join(OUT, 'flow-expert-draft-en-1280.png'), fullPage: true });
      const fp = await as(env.browser, `bd-${state}-fp`);
      await desk(fp);
      await fp.locator('[data-testid="desk-send"]').first().click();
      await fp.locator('[data-testid="desk-question"]').first().getByText('Sent', { exact: true }).waitFor();
      await fp.locator('[data-testid="desk-submit-feedback"]').click();
      await fp.locator('[data-testid="desk-submit-feedback"]').and(fp.locator(':disabled')).waitFor();
    }
    await expect.poll(stage).toBe('observations');
    await desk(fra);
    await fra.getByText('Does the offence cover preparatory acts?').waitFor();
    await fra.getByText('Please say whether the offence requires an agreement only.').waitFor();

    // 3. Each reviewing State's expert drafts its list; the reviewed focal point agrees both; each focal point submits.
    for (const [state, text] of [['DEU', 'The offence of association does not require an overt act.'], ['CHN', 'Training for judges on the new offence.']] as const) {
      const ex = await as(env.browser, `bd-${state.toLowerCase()}-ex`);
      await desk(ex, 'observations');
      const form = ex.locator(`[data-testid="desk-obs-form-${state}"]`);
      if (state === 'CHN') {
        await form.locator('[data-testid="desk-obs-kind"]').selectOption('ta_need');
        await form.locator('[data-testid="desk-obs-category"]').selectOption('capacity_building');
      }
      await form.locator('[data-testid="desk-obs-articles"]').fill('5');
      await form.locator('[data-testid="desk-obs-text"]').fill(text);
      await form.locator('[data-testid="desk-obs-add"]').click();
      await ex.locator(`[data-testid="desk-obs-list-${state}"]`).getByText(text).waitFor();
    }
    await desk(fra, 'observations');
    for (const state of ['DEU', 'CHN']) {
      await fra.locator(`[data-testid="desk-obs-agree-${state}"]`).click();
      await fra.locator(`[data-testid="desk-obs-list-${state}"] [data-testid="desk-obs-agreed"]`).waitFor();
    }
    for (const state of ['deu', 'chn']) {
      const fp = await as(env.browser, `bd-${state}-fp`);
      await desk(fp, 'observations');
      await fp.locator(`[data-testid="desk-obs-submit-${state.toUpperCase()}"]`).click();
      await fp.locator(`[data-testid="desk-obs-list-${state.toUpperCase()}"] [data-testid="desk-obs-submitted"]`).waitFor();
    }
    await expect.poll(stage).toBe('summary');

    // 4. The lists show, read-only, to the observer.
    const obs = await as(env.browser, 'bd-fra-obs');
    await desk(obs, 'observations');
    await obs.locator('[data-testid="desk-obs-list-DEU"]').getByText('Gaps and challenges').waitFor();
    await obs.locator('[data-testid="desk-obs-list-CHN"]').getByText('Technical-assistance needs').waitFor();
    await obs.locator('[data-testid="desk-obs-list-CHN"]').getByText('Capacity building').waitFor();
    expect(await obs.locator('[data-testid^="desk-obs-form-"]').count()).toBe(0);
    const items = await env.database.db.selectFrom('review_observations').select(['reviewing_state', 'kind', 'articles']).where('review_id', '=', id).orderBy('reviewing_state').execute();
    expect(items).toEqual([{ reviewing_state: 'CHN', kind: 'ta_need', articles: [5] }, { reviewing_state: 'DEU', kind: 'gap', articles: [5] }]);
  });

  it('screenshots in English, Arabic and Chinese at 375 and 1280 px', async () => {
    const page = await as(env.browser, 'bd-fra-fp');
    for (const lang of ['en', 'ar', 'zh']) {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        for (const tab of ['', 'observations', 'publication']) {
          await page.goto(`${env.baseUrl}/reviews/${id}/desk/${tab}?lang=${lang}`);
          await page.locator('[data-testid="desk-stage"]').waitFor();
          await page.locator(tab === '' ? '[data-testid="desk-question"]' : tab === 'observations' ? '[data-testid="desk-obs-list-DEU"]' : 'table').first().waitFor();
          expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          await page.screenshot({ path: path.join(OUT, `desk-${tab || 'feedback'}-${lang}-${width}.png`), fullPage: true });
        }
      }
    }
    await page.close();
  });
});
