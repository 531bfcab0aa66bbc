import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { palermo } from '../../../test/support/cli.ts';
import { LANGUAGES } from '../../platform/i18n/languages.ts';
import { ANSWER_TYPES } from '../review.vocabulary.ts';
import { questionContentHash } from './content-hash.ts';
import { loadStandardQuestionnaires, standardQuestionnaires } from './standard.ts';

/** Question sets: the standard questionnaires, versions (draft → published → superseded, never changed once published), the CLI. */
let t: TestApp;
let sec: Session;
let fp: Session;
const Q = '/api/v1/review/question-sets';

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'qs-sec', ['secretariat'], null);
  await addUser(t, 'qs-fp', ['focal_point'], 'FRA');
  sec = await login(t.app, 'qs-sec');
  fp = await login(t.app, 'qs-fp');
});
afterAll(() => t.close());

describe('the standard questionnaires', () => {
  it('cover both clusters of the Convention and the three Protocols, every question in the six languages, the articles of clusters.csv', async () => {
    const docs = standardQuestionnaires();
    expect(docs.map((d) => `${d.instrument}/${d.cluster}`).sort()).toEqual(
      ['FIR', 'SOM', 'TIP', 'UNTOC'].flatMap((i) => [`${i}/criminalization-jurisdiction`, `${i}/international-cooperation`]),
    );
    const csv = await t.database.db.selectFrom('cluster_articles').select(['instrument_code', 'article', 'cluster_code'])
      .where('cluster_code', 'in', ['criminalization-jurisdiction', 'international-cooperation']).execute();
    for (const d of docs) {
      const expected = csv.filter((c) => c.instrument_code === d.instrument && c.cluster_code === d.cluster).map((c) => c.article).sort((a, b) => a - b);
      expect([...new Set(d.questions.map((q) => q.article))].sort((a, b) => a - b), `${d.instrument} ${d.cluster}`).toEqual(expected);
      expect(Object.keys(d.title).sort()).toEqual([...LANGUAGES].sort());
      for (const q of d.questions) {
        expect(Object.keys(q.texts).sort(), q.key).toEqual([...LANGUAGES].sort());
        // real translations: no language is a copy of the English text
        for (const l of LANGUAGES.filter((x) => x !== 'en')) expect(q.texts[l], `${q.key} ${l}`).not.toBe(q.texts.en);
      }
      const perArticle = new Map<number, number>();
      for (const q of d.questions) perArticle.set(q.article, (perArticle.get(q.article) ?? 0) + 1);
      expect(Math.max(...perArticle.values())).toBeLessThanOrEqual(3);
    }
    const types = new Set(docs.flatMap((d) => d.questions.map((q) => q.answerType)));
    expect([...types].sort()).toEqual([...ANSWER_TYPES].sort());
    expect(docs.flatMap((d) => d.questions).find((q) => q.key === 'UNTOC-18-2')!.texts.zh).toContain('中央机关');
    expect(docs.flatMap((d) => d.questions).find((q) => q.key === 'UNTOC-18-2')!.texts.ar).toContain('السلطة المركزية');
  });

  it('load as version 1, published, and loading again changes nothing', async () => {
    expect(await loadStandardQuestionnaires(t.database.db)).toEqual({ created: 8, unchanged: 0 });
    const before = await t.database.db.selectFrom('review_questions').select(['id', 'content_sha256']).orderBy('id').execute();
    expect(await loadStandardQuestionnaires(t.database.db)).toEqual({ created: 0, unchanged: 8 });
    expect(await t.database.db.selectFrom('review_questions').select(['id', 'content_sha256']).orderBy('id').execute()).toEqual(before);
    const list = (await as(t.app, null, 'GET', `${Q}?lang=zh`)).json().items;
    expect(list).toHaveLength(8);
    expect(list.every((s: { version: number; status: string }) => s.version === 1 && s.status === 'published')).toBe(true);
    expect(list.find((s: { instrument: string; cluster: string }) => s.instrument === 'FIR' && s.cluster === 'international-cooperation').title).toMatchObject({ lang: 'zh', fallback: false });
  });
});

describe('versions', () => {
  it('a new version is a draft only the secretariat sees; publishing supersedes the previous one; a published version never changes', async () => {
    const v1 = (await as(t.app, null, 'GET', `${Q}?instrument=TIP&cluster=international-cooperation`)).json().items[0];
    const draft = await as(t.app, sec, 'POST', Q, { instrument: 'TIP', cluster: 'international-cooperation' });
    expect(draft.statusCode, draft.body).toBe(201);
    const d = draft.json();
    expect(d).toMatchObject({ version: 2, status: 'draft', questionCount: v1.questionCount });
    expect((await as(t.app, sec, 'POST', Q, { instrument: 'TIP', cluster: 'international-cooperation' })).statusCode).toBe(409);
    expect((await as(t.app, null, 'GET', `${Q}/${d.id}`)).statusCode).toBe(404);
    expect((await as(t.app, fp, 'GET', `${Q}?status=draft`)).json().items).toEqual([]);
    expect((await as(t.app, fp, 'POST', Q, { instrument: 'TIP', cluster: 'international-cooperation' })).statusCode).toBe(403);

    // edit: same questions, one wording changed; a question on an article outside the cluster is refused
    const questions = d.questions.map((q: { key: string; article: number; paragraph: string | null; answerType: string; texts: Record<string, string> }) =>
      ({ key: q.key, article: q.article, paragraph: q.paragraph, answerType: q.answerType, texts: q.key === 'TIP-8-1' ? { ...q.texts, fr: `${q.texts.fr} Précisez.` } : q.texts }));
    expect((await as(t.app, sec, 'PUT', `${Q}/${d.id}`, { title: d.titles, questions: [...questions, { ...questions[0], key: 'TIP-5-9', article: 5 }] })).statusCode).toBe(400);
    expect((await as(t.app, sec, 'PUT', `${Q}/${d.id}`, { title: d.titles, questions: [questions[0], questions[0]] })).statusCode).toBe(400);
    expect((await as(t.app, sec, 'PUT', `${Q}/${d.id}`, { title: d.titles, questions: [{ ...questions[0], texts: { en: 'a\u0000b' } }] })).statusCode).toBe(400);
    const edited = await as(t.app, sec, 'PUT', `${Q}/${d.id}`, { title: d.titles, questions });
    expect(edited.statusCode, edited.body).toBe(200);
    const old = (await as(t.app, null, 'GET', `${Q}/${v1.id}`)).json();
    const hash = (set: { questions: Array<{ key: string; contentSha256: string }> }, key: string) => set.questions.find((q) => q.key === key)!.contentSha256;
    expect(hash(edited.json(), 'TIP-10-1')).toBe(hash(old, 'TIP-10-1'));
    expect(hash(edited.json(), 'TIP-8-1')).not.toBe(hash(old, 'TIP-8-1'));

    const pub = await as(t.app, sec, 'POST', `${Q}/${d.id}/publish`);
    expect(pub.json()).toMatchObject({ version: 2, status: 'published' });
    expect((await as(t.app, null, 'GET', `${Q}/${v1.id}`)).json().status).toBe('superseded');
    expect((await as(t.app, sec, 'PUT', `${Q}/${d.id}`, { title: d.titles, questions })).statusCode).toBe(409);
    expect((await as(t.app, sec, 'POST', `${Q}/${d.id}/publish`)).statusCode).toBe(409);
    expect((await as(t.app, null, 'GET', `${Q}/${v1.id}`)).json().questions).toEqual(old.questions);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', d.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['review.questionnaire.created', 'review.questionnaire.published']));
  });

  it('the content hash is over article, paragraph, answer type and texts, whatever the key order', () => {
    const a = questionContentHash({ article: 5, paragraph: '1', answerType: 'text', texts: { en: 'A', fr: 'B' } });
    expect(a).toBe(questionContentHash({ article: 5, paragraph: '1', answerType: 'text', texts: { fr: 'B', en: 'A' } }));
    expect(a).not.toBe(questionContentHash({ article: 5, paragraph: '2', answerType: 'text', texts: { en: 'A', fr: 'B' } }));
    expect(a).not.toBe(questionContentHash({ article: 5, paragraph: '1', answerType: 'yes_no_partly', texts: { en: 'A', fr: 'B' } }));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('palermo review questionnaires', () => {
  it('exports the published sets as JSON and imports a file as new drafts (or published); a bad file changes nothing', () => {
    const env = { DATABASE_URL: t.database.url };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'questionnaires-'));
    try {
      const out = palermo(['review', 'questionnaires', 'export', '--instrument', 'som'], env);
      expect(out.status, out.stderr).toBe(0);
      const doc = JSON.parse(out.stdout);
      expect(doc.sets.map((s: { cluster: string }) => s.cluster)).toEqual(['criminalization-jurisdiction', 'international-cooperation']);
      const file = path.join(dir, 'som.json');
      fs.writeFileSync(file, JSON.stringify(doc));
      const imp = palermo(['review', 'questionnaires', 'import', file], env);
      expect(imp.status, imp.stderr).toBe(0);
      expect(imp.stdout).toMatch(/SOM criminalization-jurisdiction version 2 \(draft, 4 questions\)/);

      const bad = path.join(dir, 'bad.json');
      doc.sets[0].questions[0].answerType = 'essay';
      fs.writeFileSync(bad, JSON.stringify(doc));
      const refused = palermo(['review', 'questionnaires', 'import', bad, '--publish'], env);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('sets.0.questions.0.answerType');

      const fir = palermo(['review', 'questionnaires', 'export', '--instrument', 'FIR', '--cluster', 'international-cooperation'], env);
      const firFile = path.join(dir, 'fir.json');
      fs.writeFileSync(firFile, fir.stdout);
      expect(palermo(['review', 'questionnaires', 'import', firFile, '--publish'], env).stdout).toMatch(/FIR international-cooperation version 2 \(published/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000); // four runs of the real command: each starts Node and opens the database
});
