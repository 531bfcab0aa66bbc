import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startBrowserEnv, type BrowserEnv } from '../../../test/support/browser.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { importFile } from '../ingest/import.service.ts';
import { recordInput } from '../knowledge.schemas.ts';
import { setProvision } from '../legislation.service.ts';
import { createRecord, updateRecord } from '../records.service.ts';
import { runAlerts } from '../open-access/saved-searches.service.ts';
import { loadSampleCorpus } from '../seed/sample-corpus.ts';

const run = browserAvailable();

describe.runIf(run)('web UI in Chromium: the knowledge portal', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
    const summary = await loadSampleCorpus(env.database.db);
    expect(summary.added).toBe(3);
  });
  afterAll(() => env?.close());

  const total = (page: Page) => page.locator('[data-testid="search-total"]');

  it('searches in Chinese for 联络点 and shows results with the words highlighted', async () => {
    const page = await env.browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${env.baseUrl}/search?lang=zh`);
    await page.fill('#search-q', '联络点');
    await page.press('#search-q', 'Enter');
    const results = page.locator('[data-testid="search-result"]');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    expect(page.url()).toContain(`q=${encodeURIComponent('联络点')}`);
    expect(await page.locator('[data-testid="search-result"] .snippet mark').first().innerText()).toBe('联络点');
    expect(await total(page).innerText()).toMatch(/\d+ 条结果/);
    // each result links to its record
    const id = await results.first().getAttribute('data-id');
    expect(await results.first().locator('.result-title a').getAttribute('href')).toBe(`/records/${id}`);
    await page.close();
  });

  it('narrows a search with a facet, keeps it in the address, and the count changes', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/search?lang=en`);
    // the first page of the file: its code is a chunk loaded on first visit, then the first search runs (up to
    // several seconds on a loaded 2-core machine; the default poll gives up after one)
    await expect.poll(async () => Number(await total(page).getAttribute('data-total')), { timeout: 15_000 }).toBeGreaterThan(3);
    const before = Number(await total(page).getAttribute('data-total'));

    // (a click, not page.check(): the box is ticked once the address has changed, a moment later)
    await page.click('input[data-facet="type"][value="cop-document"]');
    await expect.poll(async () => Number(await total(page).getAttribute('data-total'))).toBe(3);
    expect(await page.isChecked('input[data-facet="type"][value="cop-document"]')).toBe(true);
    expect(before).toBeGreaterThan(3);
    expect(page.url()).toContain('type=cop-document');
    expect(await total(page).innerText()).toBe('3 results');
    expect(await page.locator('[data-testid="search-result"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual([
      'cop-document',
      'cop-document',
      'cop-document',
    ]);
    // the other types stay choosable, and the choice shows as a chip that removes it
    await expect.poll(() => page.locator('input[data-facet="type"][value="recommendation"]').count()).toBe(1);
    await page.click('[data-testid="filter-chip"][data-facet="type"]');
    await expect.poll(async () => Number(await total(page).getAttribute('data-total'))).toBe(before);

    // the feed and the export follow the search
    expect(await page.getAttribute('[data-testid="feed-link"]', 'href')).toBe('/api/v1/feed');
    await page.click('input[data-facet="year"][value="2016"]');
    await expect.poll(() => page.getAttribute('[data-testid="export-csv"]', 'href')).toBe('/api/v1/export?format=csv&year=2016');
    await page.close();
  });

  it('offers the article page when the words name an article, in English, Chinese and Arabic', async () => {
    for (const [lang, q, text] of [
      ['en', 'article 18, paragraph 13', /^Go to the article: .+, art\. 18, para\. 13$/],
      ['zh', '公约第十八条', /^前往该条：.+第18条$/],
      ['ar', 'المادة 18', /^الانتقال إلى المادة: .+، المادة (18|١٨)$/],
    ] as const) {
      const page = await env.browser.newPage();
      await page.goto(`${env.baseUrl}/search?lang=${lang}&q=${encodeURIComponent(q)}`);
      const hint = page.locator('[data-testid="article-hint"] a');
      await hint.waitFor({ timeout: 15_000 });
      expect(await hint.innerText()).toMatch(text);
      expect(await hint.getAttribute('href')).toBe(lang === 'en' ? '/articles/UNTOC/18#para_13' : '/articles/UNTOC/18');
      if (lang === 'en') {
        await hint.click();
        await page.waitForURL(/\/articles\/UNTOC\/18/);
        await expect.poll(() => page.locator('h1').innerText(), { timeout: 15_000 }).toMatch(/18/);
      }
      await page.close();
    }
    // words that name no article offer none; and the years are listed newest first, whatever their counts
    const secretariat: Actor = { kind: 'user', id: '00000000-0000-0000-0000-000000000003', username: 'test', displayName: 'Test', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '' };
    for (const date of ['2016-03-01', '2016-09-01', '2016-11-01', '2019-05-01', '2023-02-01', '2023-06-01'])
      await createRecord(env.database.db, secretariat, recordInput.parse({ type: 'guide', lang: 'en', title: `Yearly guide ${date}`, date, fullText: 'A guide on yearlyfacetword.' }));
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/search?lang=en&q=yearlyfacetword`);
    await expect.poll(() => page.locator('[data-testid="search-result"]').count(), { timeout: 15_000 }).toBe(6);
    expect(await page.locator('[data-testid="article-hint"]').count()).toBe(0);
    const years = await page.locator('input[data-facet="year"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(years).toEqual(['2023', '2019', '2016']);
    await page.close();
  });

  it('says plainly that a malformed address leads to no page, and that a search is too long', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/directory/authorities/not-an-id?lang=en`);
    const alert = page.locator('[data-testid="error-message"]');
    await alert.waitFor({ timeout: 15_000 });
    // no English detail, no "Try again" (the same address would fail again)
    expect(await alert.innerText()).toBe('This address does not lead to a page: the link may be incomplete or mistyped.');
    await page.goto(`${env.baseUrl}/directory/authorities/not-an-id?lang=zh`);
    await expect.poll(() => alert.innerText(), { timeout: 15_000 }).toBe('此地址没有对应的页面：链接可能不完整或有误。');
    // a search longer than the box allows (a pasted address can carry one): the reason in words, the detail once
    await page.goto(`${env.baseUrl}/search?lang=en&q=${'mutual '.repeat(90)}`);
    await alert.first().waitFor({ timeout: 15_000 });
    const text = await alert.first().innerText();
    expect(text.startsWith('The search is too long: use at most 500 characters.')).toBe(true);
    expect(text.split('querystring.q').length - 1).toBe(1);
    expect(await alert.first().locator('button').count()).toBe(0);
    await page.close();
  });

  it('shows a Conference document with its structure, paragraph anchors and recommendations', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/search?type=cop-document&q=${encodeURIComponent('联络点')}&lang=en`);
    await page.locator('[data-testid="search-result"] .result-title a').first().click();
    await page.locator('[data-testid="record"][data-type="cop-document"]').waitFor();

    expect(await page.locator('[data-testid="issuing-body"]').innerText()).toBe('Working Group of Government Experts on Technical Assistance');
    expect(await page.locator('[data-testid="toc"] a').count()).toBeGreaterThan(5);
    // paragraphs are anchored: #para_6 is the paragraph numbered 6
    expect(await page.locator('#para_6').getAttribute('data-number')).toBe('6');
    expect(await page.locator('#para_6').innerText()).toContain('联络点');

    const recs = page.locator('[data-testid="recommendation"]');
    await expect.poll(() => recs.count()).toBeGreaterThan(5);
    const rec6 = page.locator('[data-testid="recommendation"][data-paragraph="para_6"]');
    expect(await rec6.locator('[data-addressee="states"]').count()).toBe(1);
    expect(await rec6.locator('[data-testid="rec-paragraph-link"]').getAttribute('href')).toBe('#para_6');

    // the recommendation's own page leads back to the paragraph of its document
    await rec6.locator('[data-testid="rec-record-link"]').click();
    await page.locator('[data-testid="record"][data-type="recommendation"]').waitFor();
    const back = page.locator('[data-testid="parent-link"]');
    expect(await back.getAttribute('href')).toMatch(/^\/records\/[0-9a-f-]{36}#para_6$/);
    // and to the article it cites, at the paragraph
    expect(await page.locator('[data-testid="convention-link"] a[href="/articles/UNTOC/32#para_4"]').count()).toBe(1);
    await back.click();
    await page.locator('#para_6.is-target').waitFor();
    await page.close();
  });

  it('an article page lists the records linked to it, by type, paragraph and year', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/articles/UNTOC/32?lang=en`);
    await page.locator('[data-testid="article-knowledge"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="article-total"]').innerText()).toMatch(/^\d+ records are linked to this article\.$/);
    const recs = page.locator('[data-testid="record-group"][data-group="group-recommendations"] [data-testid="search-result"]');
    await expect.poll(() => recs.count()).toBeGreaterThan(0);
    // The sections load independently: wait for each rather than reading it at once.
    await expect.poll(() => page.locator('[data-testid="record-group"][data-group="group-documents"] [data-testid="search-result"]').count()).toBeGreaterThan(0);
    // per paragraph, with anchors
    await expect.poll(() => page.locator('#para_4[data-testid="paragraph-count"] a').getAttribute('href')).toBe('/search?article=UNTOC%3A32%3A4');
    // the chart by year has a text alternative
    await expect.poll(() => page.locator('[data-testid="article-year-chart"] table th[scope="row"]').allInnerTexts()).toEqual(['2013', '2016']);
    await page.close();
  });

  it('the secretariat imports a text file as a guide and sees it added', async () => {
    const sec = env.demo.find((d) => d.username === 'demo-secretariat')!;
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/login`);
    await page.fill('#username', sec.username);
    await page.fill('#password', sec.password);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
    await page.click('[data-testid="import-link"]');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-import-'));
    const file = path.join(dir, 'mla-guide.txt');
    fs.writeFileSync(file, 'Guide on mutual legal assistance\n\nCentral authorities may rely on article 18 of the Convention.\n');
    await page.setInputFiles('#import-files', file);
    await page.selectOption('#import-type', 'guide');
    await page.click('[data-testid="import-submit"]');
    const outcome = page.locator('[data-testid="import-outcome"][data-file="mla-guide.txt"]');
    await expect.poll(() => outcome.getAttribute('data-status')).toBe('added');
    expect(await outcome.innerText()).toContain('Added');

    await outcome.locator('[data-testid="import-record-link"]').click();
    await page.locator('[data-testid="record"][data-type="guide"]').waitFor();
    expect(await page.locator('[data-testid="record-title"]').innerText()).toBe('mla-guide');
    fs.rmSync(dir, { recursive: true, force: true });
    await page.close();
  });

  it('a logged-in user saves a search, is told of a new record in the inbox, and marks it read', async () => {
    const officer = env.demo.find((d) => d.username === 'demo-officer-fra')!;
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/login`);
    await page.fill('#username', officer.username);
    await page.fill('#password', officer.password);
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();
    await page.goto(`${env.baseUrl}/search?q=extradition&lang=en`);
    await page.locator('[data-testid="search-total"][data-total]').waitFor();
    await page.click('.save-search button');
    await page.fill('#save-search-name', 'Extradition');
    await page.click('.save-search-form button[type="submit"]');
    await page.locator('[data-testid="saved-search-done"]').waitFor();

    // a new record arrives and the alerts run (the server does this every few minutes)
    const secretariat: Actor = { kind: 'user', id: '00000000-0000-0000-0000-000000000001', username: 'test', displayName: 'Test', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '' };
    const added = await importFile(env.database.db, 'extradition-note.txt', Buffer.from('Extradition on the basis of the Convention, article 16.\n'), { actor: secretariat, type: 'guide', lang: 'en' });
    expect(added.status).toBe('added');
    expect((await runAlerts(env.database.db)).notified).toBe(1);

    await page.goto(`${env.baseUrl}/inbox`);
    const message = page.locator('[data-testid="inbox-message"]');
    await message.first().waitFor();
    expect(await message.first().innerText()).toContain('1 new record for “Extradition”');
    expect(await message.first().locator(`a[href="/records/${added.recordId}"]`).count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="unread-count"]').innerText()).toBe('1');
    await message.first().locator('[data-testid="mark-read"]').click();
    await expect.poll(() => page.locator('[data-testid="unread-count"]').count()).toBe(0);
    expect(await page.locator('[data-testid="saved-search"] [data-testid="run-saved-search"]').getAttribute('href')).toBe('/search?q=extradition');
    await page.close();
  });

  it('shows a law as it stood on a chosen date, and every wording it has had', async () => {
    const secretariat: Actor = { kind: 'user', id: '00000000-0000-0000-0000-000000000002', username: 'test', displayName: 'Test', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '' };
    const db = env.database.db;
    const law = await createRecord(db, secretariat, recordInput.parse({
      type: 'legislation', lang: 'es', title: 'Ley contra la trata (prueba)', states: ['MEX'], details: { lawTitle: 'Ley contra la trata' },
    }));
    await setProvision(db, secretariat, law.id, { eid: 'art_10', heading: 'Artículo 10', text: 'Pena de 5 a 15 años.', validFrom: '2012-06-15' });
    await setProvision(db, secretariat, law.id, { eid: 'art_10', text: 'Pena de 10 a 20 años.', validFrom: '2014-03-19', change: 'reforma 2014' });

    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/records/${law.id}?lang=en`);
    const texts = page.locator('[data-testid="provisions-list"] .provision-text');
    await expect.poll(() => texts.allInnerTexts()).toEqual(['Pena de 10 a 20 años.']);
    await page.fill('[data-testid="provisions-date"]', '2013-01-01');
    await expect.poll(() => texts.allInnerTexts()).toEqual(['Pena de 5 a 15 años.']);
    expect(await page.locator('[data-testid="provisions-status"]').innerText()).toContain('1 provision in force on');
    await page.fill('[data-testid="provisions-date"]', '2010-01-01');
    await page.locator('[data-testid="provisions-empty"]').waitFor();
    await page.check('[data-testid="provisions-history"]');
    await expect.poll(() => texts.allInnerTexts()).toEqual(['Pena de 5 a 15 años.', 'Pena de 10 a 20 años.']);
    await page.close();
  });

  it('pages the history of a record, newest first, and links to the older versions', async () => {
    const secretariat: Actor = { kind: 'user', id: '00000000-0000-0000-0000-000000000002', username: 'test', displayName: 'Test', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '' };
    const db = env.database.db;
    const guide = await createRecord(db, secretariat, recordInput.parse({ type: 'guide', lang: 'en', title: 'Guide, edition 1' }));
    for (let v = 1; v <= 22; v++) await updateRecord(db, secretariat, guide.id, { title: `Guide, edition ${v + 1}`, expectedVersion: v });

    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/records/${guide.id}/versions?lang=en`);
    const shown = page.locator('[data-testid="versions"] > li');
    await expect.poll(() => shown.count()).toBe(20);
    expect(await shown.first().getAttribute('data-version')).toBe('23');
    expect(await page.locator('[data-testid="versions-total"]').innerText()).toBe('Showing 20 of 23');
    await page.click('[data-testid="versions-older"]');
    await expect.poll(() => shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-version')))).toEqual(['3', '2', '1']);
    expect(await page.locator('[data-testid="versions-older"]').count()).toBe(0);
    await page.close();
  });

  it('hides the import from everyone but the secretariat', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.baseUrl}/search`);
    await page.locator('#search-q').waitFor();
    expect(await page.locator('[data-testid="import-link"]').count()).toBe(0);
    await page.close();
  });
});
