import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { createRecord } from '../../knowledge/records.service.ts';
import { createTestCycle, createTestReview } from '../test-fixtures.ts';
import { moveReview } from '../review.transitions.ts';
import { latestPublishedSets } from '../review.repository.ts';
import { loadStandardQuestionnaires } from './standard.ts';

/**
 * Answering a review's questionnaire through the API: who may write (only the reviewed side's drafters, while
 * answering), values checked by answer type, the optimistic version, pre-fill from a previous cycle, legislation
 * offered from the knowledge portal, UNTOC 8–9 only for non-UNCAC parties, and the national consultation.
 */
let t: TestApp;
const ids: Record<string, string> = {};
const s: Record<string, Session> = {};
const P = (id: string) => `/api/v1/reviews/${id}`;

async function user(name: string, roles: Parameters<typeof addUser>[2], state: string | null) {
  ids[name] = (await addUser(t, `q-${name}`, roles, state)).id;
  s[name] = await login(t.app, `q-${name}`);
}

async function openedReview(reviewed: string, cycleId?: string) {
  const r = await createTestReview(t.database.db, {
    cycleId, reviewed, reviewers: ['DEU', 'BRA'], stage: 'answering',
    participants: [
      { userId: ids.fp!, state: reviewed, side: 'reviewed', role: 'focal_point' },
      { userId: ids.expert!, state: reviewed, side: 'reviewed', role: 'expert' },
      { userId: ids.observer!, state: reviewed, side: 'reviewed', role: 'observer' },
      { userId: ids.deu!, state: 'DEU', side: 'reviewing', role: 'expert' },
    ],
  });
  const sets = await latestPublishedSets(t.database.db, 'criminalization-jurisdiction', ['UNTOC']);
  await t.database.db.updateTable('reviews').set({ question_set_ids: sets }).where('id', '=', r.id).execute();
  return r;
}

async function setParty(iso3: string, instrument: string, status: 'party' | 'none') {
  await t.database.db.insertInto('party_status').values({ iso3, instrument_code: instrument, status })
    .onConflict((oc) => oc.columns(['iso3', 'instrument_code']).doUpdateSet({ status })).execute();
}

const questionsOf = (q: { instruments: Array<{ articles: Array<{ questions: Array<{ id: string; key: string; answerType: string }> }> }> }) =>
  q.instruments.flatMap((i) => i.articles.flatMap((a) => a.questions));

beforeAll(async () => {
  t = await createTestApp();
  await loadStandardQuestionnaires(t.database.db);
  await user('fp', ['focal_point'], 'ITA');
  await user('expert', ['expert'], 'ITA');
  await user('observer', ['expert'], 'ITA');
  await user('deu', ['expert'], 'DEU');
  await user('stranger', ['focal_point'], 'ITA');
  await user('sec', ['secretariat'], null);
  await setParty('ITA', 'UNCAC', 'none');
});
afterAll(() => t.close());

describe('the review questionnaire', () => {
  it('shows the questions by article with progress, in the viewer’s language; a stranger gets 404 and the read is audited', async () => {
    const r = await openedReview('ITA');
    const res = await as(t.app, s.observer!, 'GET', `${P(r.id)}/questionnaire?lang=fr`);
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json();
    expect(q.instruments[0].instrument).toBe('UNTOC');
    expect(q.instruments[0].articles.map((a: { article: number }) => a.article)).toEqual([2, 5, 6, 8, 9, 10, 15, 23]);
    expect(q.progress).toEqual({ answered: 0, total: questionsOf(q).length });
    expect(q.instruments[0].articles[1].questions[0].text).toMatchObject({ lang: 'fr', fallback: false });
    expect(q.canAnswer).toBe(false);
    expect((await as(t.app, s.fp!, 'GET', `${P(r.id)}/questionnaire`)).json().canAnswer).toBe(true);
    const denied = await as(t.app, s.stranger!, 'GET', `${P(r.id)}/questionnaire`);
    const missing = await as(t.app, s.stranger!, 'GET', `${P('00000000-0000-4000-8000-000000000000')}/questionnaire`);
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.message.replace(r.id, 'X')).toBe(missing.json().error.message.replace('00000000-0000-4000-8000-000000000000', 'X'));
    const reads = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', r.id).execute();
    expect(reads.some((a) => a.action === 'review.review.read' && (a.details as { what: string }).what === 'questionnaire')).toBe(true);
    expect(reads.some((a) => a.action === 'review.review.read_denied')).toBe(true);
  });

  it('leaves out UNTOC articles 8 and 9 for a State party to UNCAC', async () => {
    await setParty('ESP', 'UNCAC', 'party');
    const r = await openedReview('ESP');
    const q = (await as(t.app, s.sec!, 'GET', `${P(r.id)}/questionnaire`)).json();
    expect(q.instruments[0].articles.map((a: { article: number }) => a.article)).toEqual([2, 5, 6, 10, 15, 23]);
    expect(q.excluded.map((e: { article: number }) => e.article)).toEqual([8, 9]);
  });

  it('saves answers by type; bad values are 400 and save nothing; a stale version is 409', async () => {
    const r = await openedReview('ITA');
    const qs = questionsOf((await as(t.app, s.fp!, 'GET', `${P(r.id)}/questionnaire`)).json());
    const yn = qs.find((q) => q.answerType === 'yes_no_partly')!;
    const url = `${P(r.id)}/answers/${yn.id}`;
    const bad = [{ choice: 'no' }, { choice: 'maybe' }, { choice: 'yes', extra: 1 }, { text: 'x' }];
    for (const value of bad) expect((await as(t.app, s.expert!, 'PUT', url, { value })).statusCode, JSON.stringify(value)).toBe(400);
    expect(await t.database.db.selectFrom('review_answers').select('id').where('review_id', '=', r.id).execute()).toEqual([]);
    const ok = await as(t.app, s.expert!, 'PUT', url, { value: { choice: 'partly', explanation: 'Only participation, not agreement' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, updatedBy: { name: 'q-expert' } });
    expect((await as(t.app, s.fp!, 'PUT', url, { value: { choice: 'yes' } })).statusCode).toBe(409);
    expect((await as(t.app, s.fp!, 'PUT', url, { value: { choice: 'yes' }, version: 1 })).json()).toMatchObject({ version: 2, value: { choice: 'yes' }, updatedBy: { name: 'q-fp' } });
    expect((await as(t.app, s.expert!, 'PUT', url, { value: { choice: 'no', explanation: 'x' }, version: 1 })).statusCode).toBe(409);

    const stats = qs.find((q) => q.answerType === 'statistics')!;
    expect((await as(t.app, s.fp!, 'PUT', `${P(r.id)}/answers/${stats.id}`, { value: { rows: [{ label: 'Convictions', value: 'ten', period: '2024', source: 'Ministry' }] } })).statusCode).toBe(400);
    expect((await as(t.app, s.fp!, 'PUT', `${P(r.id)}/answers/${stats.id}`, { value: { rows: [{ label: 'Convictions', value: 12, period: '2024', source: 'Ministry of Justice' }] } })).statusCode).toBe(200);
    const ta = qs.find((q) => q.answerType === 'ta_needs')!;
    expect((await as(t.app, s.fp!, 'PUT', `${P(r.id)}/answers/${ta.id}`, { value: { items: [{ category: 'money', description: 'x' }] } })).statusCode).toBe(400);
    expect((await as(t.app, s.fp!, 'PUT', `${P(r.id)}/answers/${ta.id}`, { value: { items: [{ category: 'capacity_building', description: 'Training of judges' }] } })).statusCode).toBe(200);
    const cases = qs.find((q) => q.answerType === 'cases')!;
    expect((await as(t.app, s.fp!, 'PUT', `${P(r.id)}/answers/${cases.id}`, { value: { items: [] } })).statusCode).toBe(400);
    expect((await as(t.app, s.fp!, 'PUT', `${P(r.id)}/answers/${cases.id}`, { value: { items: [{ title: 'R v X', summary: 'Witness threatened', year: 2021 }] } })).statusCode).toBe(200);
    const q = (await as(t.app, s.fp!, 'GET', `${P(r.id)}/questionnaire`)).json();
    expect(q.progress.answered).toBe(4);
    const saved = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', r.id).where('action', '=', 'review.answer.saved').execute();
    expect(saved.length).toBe(5);
  });

  it('only the reviewed side’s focal point and experts write: observer 403, reviewing side 403, stranger 404, not after answering', async () => {
    const r = await openedReview('ITA');
    const qs = questionsOf((await as(t.app, s.fp!, 'GET', `${P(r.id)}/questionnaire`)).json());
    const text = qs.find((q) => q.answerType === 'text')!;
    const url = `${P(r.id)}/answers/${text.id}`;
    const body = { value: { text: 'Article 416-bis of the Criminal Code' } };
    expect((await as(t.app, s.observer!, 'PUT', url, body)).statusCode).toBe(403);
    expect((await as(t.app, s.deu!, 'PUT', url, body)).statusCode).toBe(403);
    expect((await as(t.app, s.sec!, 'PUT', url, body)).statusCode).toBe(403);
    expect((await as(t.app, s.stranger!, 'PUT', url, body)).statusCode).toBe(404);
    expect(await t.database.db.selectFrom('review_answers').select('id').where('review_id', '=', r.id).execute()).toEqual([]);
    const denials = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', r.id).where('action', '=', 'review.review.read_denied').execute();
    expect(denials.length).toBe(4);
    await t.database.db.updateTable('reviews').set({ stage: 'desk_review' }).where('id', '=', r.id).execute();
    expect((await as(t.app, s.fp!, 'PUT', url, body)).statusCode).toBe(409);
    // a question of another set is not this review's
    const other = await t.database.db.selectFrom('review_questions').select('id').where('key', '=', 'UNTOC-18-1').executeTakeFirstOrThrow();
    await t.database.db.updateTable('reviews').set({ stage: 'answering' }).where('id', '=', r.id).execute();
    expect((await as(t.app, s.fp!, 'PUT', `${P(r.id)}/answers/${other.id}`, body)).statusCode).toBe(404);
  });

  it('offers the legislation of the reviewed State linked to the article, and accepts only such records', async () => {
    const sec = { kind: 'user' as const, id: ids.sec!, username: 'sec', displayName: 'sec', state: null, roles: ['secretariat' as const], demo: false, language: 'en', csrfToken: '' };
    const law = await createRecord(t.database.db, sec, {
      type: 'legislation', title: 'Codice penale, art. 416-bis', lang: 'it', states: ['ITA'], dates: {}, fullText: '', details: { lawTitle: 'Codice penale' },
      crimes: [], topics: [], access: 'public', links: [{ predicate: 'criminalises', instrument: 'UNTOC', article: 5 }],
    });
    const foreign = await createRecord(t.database.db, sec, {
      type: 'legislation', title: 'Strafgesetzbuch § 129', lang: 'de', states: ['DEU'], dates: {}, fullText: '', details: { lawTitle: 'StGB' },
      crimes: [], topics: [], access: 'public', links: [{ predicate: 'criminalises', instrument: 'UNTOC', article: 5 }],
    });
    const r = await openedReview('ITA');
    const q = (await as(t.app, s.fp!, 'GET', `${P(r.id)}/questionnaire`)).json();
    const art5 = q.instruments[0].articles.find((a: { article: number }) => a.article === 5);
    expect(art5.legislation.map((l: { id: string }) => l.id)).toEqual([law.id]);
    expect(q.instruments[0].articles.find((a: { article: number }) => a.article === 6).legislation).toEqual([]);
    const leg = art5.questions.find((x: { answerType: string }) => x.answerType === 'legislation');
    const url = `${P(r.id)}/answers/${leg.id}`;
    expect((await as(t.app, s.fp!, 'PUT', url, { value: { records: [foreign.id], citations: [] } })).statusCode).toBe(400);
    expect((await as(t.app, s.fp!, 'PUT', url, { value: { records: ['00000000-0000-4000-8000-000000000001'] } })).statusCode).toBe(400);
    const ok = await as(t.app, s.fp!, 'PUT', url, { value: { records: [law.id], citations: ['Legge 13 settembre 1982, n. 646'] } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('pre-fills from the previous cycle when the same question is unchanged, not when its text changed', async () => {
    const old = await createTestCycle(t.database.db, undefined, { startYear: 2010 });
    const past = await openedReview('FRA', old.id);
    const qs = questionsOf((await as(t.app, s.sec!, 'GET', `${P(past.id)}/questionnaire`)).json());
    const a5 = qs.find((q) => q.key === 'UNTOC-5-1')!;
    const a15 = qs.find((q) => q.key === 'UNTOC-15-1')!;
    // the reviewed State's people answered the old review (participants of FRA)
    await t.database.db.updateTable('review_participants').set({ state_iso3: 'FRA' }).where('review_id', '=', past.id).where('side', '=', 'reviewed').execute();
    const prev5 = (await as(t.app, s.fp!, 'PUT', `${P(past.id)}/answers/${a5.id}`, { value: { choice: 'yes' } })).json();
    await as(t.app, s.fp!, 'PUT', `${P(past.id)}/answers/${a15.id}`, { value: { choice: 'yes' } });

    // a new version changes the text of UNTOC-15-1 only
    const draft = (await as(t.app, s.sec!, 'POST', '/api/v1/review/question-sets', { instrument: 'UNTOC', cluster: 'criminalization-jurisdiction' })).json();
    const doc = (await as(t.app, s.sec!, 'GET', `/api/v1/review/question-sets/${draft.id}`)).json();
    const questions = doc.questions.map((q: { key: string; article: number; paragraph: string | null; answerType: string; texts: Record<string, string> }) => ({
      key: q.key, article: q.article, paragraph: q.paragraph, answerType: q.answerType, texts: q.key === 'UNTOC-15-1' ? { ...q.texts, en: `${q.texts.en} Explain.` } : q.texts,
    }));
    expect((await as(t.app, s.sec!, 'PUT', `/api/v1/review/question-sets/${draft.id}`, { title: doc.titles, questions })).statusCode).toBe(200);
    expect((await as(t.app, s.sec!, 'POST', `/api/v1/review/question-sets/${draft.id}/publish`)).statusCode).toBe(200);

    const now = await openedReview('FRA');
    const q = (await as(t.app, s.fp!, 'GET', `${P(now.id)}/questionnaire`)).json();
    const n5 = questionsOf(q).find((x) => x.key === 'UNTOC-5-1') as unknown as { id: string; previous: { answerId: string; value: unknown } | null };
    const n15 = questionsOf(q).find((x) => x.key === 'UNTOC-15-1') as unknown as { previous: unknown };
    expect(q.instruments[0].set.version).toBe(2);
    expect(n5.previous).toMatchObject({ answerId: prev5.id, value: { choice: 'yes', explanation: '' } });
    expect(n15.previous).toBeNull();
    const used = await as(t.app, s.fp!, 'PUT', `${P(now.id)}/answers/${n5.id}`, { value: n5.previous!.value, prefilledFrom: n5.previous!.answerId });
    expect(used.json()).toMatchObject({ prefilledFrom: prev5.id });
    const n2 = questionsOf(q).find((x) => x.key === 'UNTOC-2-1')!;
    expect((await as(t.app, s.fp!, 'PUT', `${P(now.id)}/answers/${n2.id}`, { value: { text: 'x' }, prefilledFrom: prev5.id })).statusCode).toBe(400);
  });

  it('submitting needs every question answered (the workflow’s own rule), then the answers are read-only', async () => {
    const r = await openedReview('ITA');
    const qs = questionsOf((await as(t.app, s.fp!, 'GET', `${P(r.id)}/questionnaire`)).json());
    const sample: Record<string, unknown> = {
      yes_no_partly: { choice: 'yes' }, legislation: { citations: ['Criminal Code'] }, cases: { items: [{ title: 'A', summary: 'B' }] },
      statistics: { rows: [{ label: 'A', value: 1, period: '2024', source: 'B' }] }, ta_needs: { items: [] }, text: { text: 'Answer' },
    };
    for (const q of qs) expect((await as(t.app, s.expert!, 'PUT', `${P(r.id)}/answers/${q.id}`, { value: sample[q.answerType] })).statusCode).toBe(200);
    const fp = { kind: 'user' as const, id: ids.fp!, username: 'fp', displayName: 'fp', state: 'ITA', roles: ['focal_point' as const], demo: false, language: 'en', csrfToken: '' };
    await t.database.db.transaction().execute((trx) => moveReview(trx, fp, r.id, 'submit_answers'));
    const after = (await as(t.app, s.fp!, 'GET', `${P(r.id)}/questionnaire`)).json();
    expect(after).toMatchObject({ stage: 'desk_review', canAnswer: false, progress: { answered: qs.length, total: qs.length } });
    // the reviewing side reads the answers during the desk review
    expect((await as(t.app, s.deu!, 'GET', `${P(r.id)}/questionnaire`)).statusCode).toBe(200);
  });
});

describe('the national consultation', () => {
  it('is recorded by the reviewed side’s drafters and read by everyone in the review', async () => {
    const r = await openedReview('ITA');
    const body = { bodyName: 'Confindustria', sector: 'private_sector', consultedOn: '2026-03-02', note: 'Written comments on article 10' };
    expect((await as(t.app, s.expert!, 'POST', `${P(r.id)}/consultations`, body)).statusCode).toBe(201);
    expect((await as(t.app, s.expert!, 'POST', `${P(r.id)}/consultations`, { ...body, sector: 'lobby' })).statusCode).toBe(400);
    expect((await as(t.app, s.expert!, 'POST', `${P(r.id)}/consultations`, { ...body, consultedOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await as(t.app, s.observer!, 'POST', `${P(r.id)}/consultations`, body)).statusCode).toBe(403);
    expect((await as(t.app, s.deu!, 'POST', `${P(r.id)}/consultations`, body)).statusCode).toBe(403);
    expect((await as(t.app, s.stranger!, 'POST', `${P(r.id)}/consultations`, body)).statusCode).toBe(404);
    const list = await as(t.app, s.deu!, 'GET', `${P(r.id)}/consultations`);
    expect(list.json().items).toEqual([expect.objectContaining({ bodyName: 'Confindustria', sector: 'private_sector', consultedOn: '2026-03-02', addedBy: 'q-expert' })]);
    expect((await as(t.app, s.stranger!, 'GET', `${P(r.id)}/consultations`)).statusCode).toBe(404);
  });
});
