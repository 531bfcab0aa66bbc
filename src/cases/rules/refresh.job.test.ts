import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import type { JobContext } from '../../platform/jobs/jobs.ts';
import { CASES_JOBS } from '../cases.jobs.ts';
import { overdueNoticesJob, refreshDerivedJob } from './refresh.job.ts';
import { notifyOverdue, refreshOpenCases } from './refresh.service.ts';

/**
 * The jobs that keep cases fresh, run directly as a worker would run them: priorities grow as a deadline nears,
 * next due dates follow the clock, and the holding State's officers hear once of each step that became overdue.
 */

let t: TestApp;
const s: Record<string, Session> = {};
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * DAY);
const ctx = (): JobContext => ({ db: t.database.db, jobId: 'test', publicUrl: 'http://localhost', signal: new AbortController().signal });

const USERS: Array<[string, 'practitioner' | 'officer', string, string]> = [
  ['rf-gbr-officer', 'officer', 'GBR', 'en'],
  ['rf-gbr-officer-fr', 'officer', 'GBR', 'fr'],
  ['rf-gbr-prac', 'practitioner', 'GBR', 'en'],
  ['rf-fra-officer', 'officer', 'FRA', 'en'],
];

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, role, state, language] of USERS) {
    const u = await addUser(t, name, [role], state);
    await t.database.db.updateTable('users').set({ language }).where('id', '=', u.id).execute();
    s[name] = await login(t.app, name);
  }
});
afterAll(() => t.close());

async function newCase(body: Record<string, unknown>): Promise<{ id: string; reference: string }> {
  const r = await as(t.app, s['rf-gbr-officer']!, 'POST', '/api/v1/cases', {
    direction: 'incoming', kind: 'mla', counterpartState: 'FRA', title: 'Traffic data of a telephone line', channel: 'email',
    legalBasis: { type: 'convention', article: 'UNTOC:18' }, ...body,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}
const event = async (id: string, body: Record<string, unknown>) => {
  const r = await as(t.app, s['rf-gbr-officer']!, 'POST', `/api/v1/cases/${id}/events`, body);
  expect(r.statusCode, r.body).toBeLessThan(300);
};
const row = (id: string) => t.database.db.selectFrom('cases_cases').select(['priority_score', 'priority_level', 'next_due_at', 'status']).where('id', '=', id).executeTakeFirstOrThrow();

interface Message { kind: string; subject: string; body: string; link: string; params: { caseId: string; steps: { step: string }[] }; items?: { text: string }[] }
const noticesOf = async (who: string, caseId: string): Promise<Message[]> =>
  ((await as(t.app, s[who]!, 'GET', '/api/v1/me/notifications?limit=200')).json().items as Message[]).filter((m) => m.kind === 'cases.overdue' && m.params.caseId === caseId);

describe('the scheduled jobs', () => {
  it('are listed for the workers, daily and hourly', () => {
    expect(CASES_JOBS).toContain(refreshDerivedJob);
    expect(CASES_JOBS).toContain(overdueNoticesJob);
    expect(refreshDerivedJob.schedule?.cron).toBe('5 0 * * *');
    expect(overdueNoticesJob.schedule?.cron).toBe('20 * * * *');
  });
});

describe('daily refresh of derived fields', () => {
  it('a case’s priority grows as its deadline nears, without any event', async () => {
    const c = await newCase({ deadline: isoDay(daysFromNow(50)), deadlineReason: 'trial date', priorityInputs: { maxPenaltyYears: 8 } });
    expect(await row(c.id)).toMatchObject({ priority_score: 20, priority_level: 'normal' });
    await refreshOpenCases(t.database.db, daysFromNow(45));
    expect(await row(c.id)).toMatchObject({ priority_score: 50, priority_level: 'high' });
    await refreshDerivedJob.handler({}, ctx());
    expect(await row(c.id)).toMatchObject({ priority_score: 20, priority_level: 'normal' });
  });

  it('leaves closed cases alone', async () => {
    const c = await newCase({ deadline: isoDay(daysFromNow(50)), deadlineReason: 'trial date' });
    await event(c.id, { type: 'withdraw', note: 'withdrawn by the requesting State' });
    await event(c.id, { type: 'close' });
    const before = await row(c.id);
    expect(before.status).toBe('closed');
    await refreshOpenCases(t.database.db, daysFromNow(49));
    expect(await row(c.id)).toEqual(before);
  });
});

describe('overdue notices', () => {
  it('tell the holding State’s officers once per step that became overdue, in their language; nobody else', async () => {
    const c = await newCase({ receivedAt: isoDay(daysFromNow(-10)) });
    await overdueNoticesJob.handler({}, ctx());
    const [en] = await noticesOf('rf-gbr-officer', c.id);
    expect(en).toMatchObject({ subject: `Overdue on case ${c.reference}`, link: `/cases/${c.id}`, params: { steps: [{ step: 'acknowledge' }] } });
    expect(en!.body).toContain('This step is past its due date');
    const [fr] = await noticesOf('rf-gbr-officer-fr', c.id);
    expect(fr!.subject).toBe(`Retard sur le dossier ${c.reference}`);
    expect(await noticesOf('rf-gbr-prac', c.id)).toEqual([]);
    expect(await noticesOf('rf-fra-officer', c.id)).toEqual([]);
    // the next runs tell nothing new
    await overdueNoticesJob.handler({}, ctx());
    expect(await notifyOverdue(t.database.db, new Date())).toMatchObject({ steps: 0 });
    expect(await noticesOf('rf-gbr-officer', c.id)).toHaveLength(1);
  });

  it('a step explained with a new estimate is quiet until that date passes, then told again', async () => {
    const c = await newCase({ receivedAt: isoDay(daysFromNow(-10)) });
    await notifyOverdue(t.database.db, new Date());
    expect(await noticesOf('rf-gbr-officer', c.id)).toHaveLength(1);
    await event(c.id, { type: 'explain_delay', step: 'acknowledge', reason: 'the request came without its annexes', newEstimate: isoDay(daysFromNow(2)) });
    expect((await row(c.id)).next_due_at!.getTime()).toBeGreaterThan(Date.now());
    expect((await notifyOverdue(t.database.db, daysFromNow(1))).steps).toBe(0);
    const later = await notifyOverdue(t.database.db, daysFromNow(4));
    expect(later.steps).toBeGreaterThanOrEqual(1);
    const told = await noticesOf('rf-gbr-officer', c.id);
    expect(told).toHaveLength(2);
    expect(told.map((m) => m.params.steps.map((x) => x.step))).toEqual([['acknowledge'], ['acknowledge']]);
  });

  it('a step done is never told', async () => {
    const c = await newCase({ receivedAt: isoDay(daysFromNow(-10)) });
    await event(c.id, { type: 'acknowledge' });
    await notifyOverdue(t.database.db, new Date());
    expect(await noticesOf('rf-gbr-officer', c.id)).toEqual([]);
  });
});
