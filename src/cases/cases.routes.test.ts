import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { casePeople, caseIn, incomingInput, outgoingInput, type CasePeople } from './test-fixtures.ts';

/**
 * The core routes end to end: registering a case by hand, reading it with its timeline and allowed actions,
 * recording events (409 naming what is allowed, 422 for what an action needs, the fiscal-matters warning,
 * optimistic concurrency), work queues, the workflow as data — and the assignment notice.
 */
const P = '/api/v1/cases';
let t: TestApp;
let p: CasePeople;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  p = await casePeople(t.database.db);
  for (const k of Object.keys(p) as (keyof CasePeople)[]) s[k] = await login(t.app, p[k].username);
});
afterAll(() => t.close());

async function register(who: string, body: unknown) {
  const res = await as(t.app, s[who]!, 'POST', P, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const event = (who: string, id: string, body: unknown) => as(t.app, s[who]!, 'POST', `${P}/${id}/events`, body);

describe('registering and reading a case', () => {
  it('an officer registers an incoming request that came by e-mail: a generated reference, received, marked as handled outside the system', async () => {
    const c = await register('deuOfficer', incomingInput('FRA', { receivedAt: '2026-11-02' }));
    expect(c.reference).toMatch(/^DEU-MLA-2026-\d{4}$/);
    expect(c).toMatchObject({ ownerState: 'DEU', direction: 'incoming', status: 'received', channel: 'email', handledOutsideSystem: true, receivedAt: '2026-11-02T00:00:00.000Z', version: 1 });
    expect(c.timeline).toEqual([expect.objectContaining({ seq: 1, type: 'created', from: null, to: 'received', actor: { id: p.deuOfficer.id, name: p.deuOfficer.displayName, state: 'DEU' } })]);
    const allowed = c.actions.filter((a: { allowed: boolean }) => a.allowed).map((a: { action: string }) => a.action);
    expect(allowed).toEqual(expect.arrayContaining(['acknowledge', 'register', 'return_incomplete', 'forward', 'withdraw', 'note']));
    expect(allowed).not.toContain('refuse'); // not before a consultation
    expect(c.permissions).toEqual({ view: true, act: true, manage: true });
    const next = await register('deuOfficer', incomingInput('FRA', { receivedAt: '2026-11-03' }));
    expect(Number(next.reference.slice(-4))).toBe(Number(c.reference.slice(-4)) + 1);
  });

  it('an outgoing request already sent by post is registered as sent; one in preparation starts in preparing', async () => {
    const sent = await register('fraOfficer', outgoingInput('DEU', { channel: 'post', initialState: 'sent', sentAt: '2026-10-01' }));
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-10-01T00:00:00.000Z', handledOutsideSystem: true });
    const prep = await register('fraOfficer', outgoingInput('DEU'));
    expect(prep).toMatchObject({ status: 'preparing', channel: 'platform', handledOutsideSystem: false, reference: expect.stringMatching(/^FRA-MLA-/) });
  });

  it('a request registered by hand names its channel; a practitioner may not register; the other State must not be one’s own', async () => {
    expect((await as(t.app, s.deuOfficer!, 'POST', P, incomingInput('FRA', { channel: 'platform' }))).statusCode).toBe(400);
    expect((await as(t.app, s.deuOfficer!, 'POST', P, { ...incomingInput('FRA'), channel: undefined })).statusCode).toBe(400);
    expect((await as(t.app, s.fraPractitioner!, 'POST', P, outgoingInput('DEU'))).statusCode).toBe(403);
    const own = await as(t.app, s.deuOfficer!, 'POST', P, incomingInput('DEU'));
    expect(own.statusCode).toBe(400);
    expect(own.json().error.issues[0].path).toBe('body.counterpartState');
  });

  it('assigning a practitioner tells them, and they then see the case; someone of another State cannot be assigned', async () => {
    const c = await register('fraOfficer', outgoingInput('DEU', { assignees: [p.fraPractitioner.id] }));
    expect(c.assignees).toEqual([{ id: p.fraPractitioner.id, name: p.fraPractitioner.displayName }]);
    const inbox = await as(t.app, s.fraPractitioner!, 'GET', '/api/v1/me/notifications');
    expect(inbox.json().items.map((i: { subject: string }) => i.subject)).toContain(`You are assigned to case ${c.reference}`);
    expect((await as(t.app, s.fraPractitioner!, 'GET', `${P}/${c.id}`)).statusCode).toBe(200);
    const bad = await event('fraOfficer', c.id, { type: 'set_assignees', userIds: [p.deuPractitioner.id] });
    expect(bad.statusCode).toBe(422);
    const ok = await event('fraOfficer', c.id, { type: 'set_assignees', userIds: [] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await as(t.app, s.fraPractitioner!, 'GET', `${P}/${c.id}`)).statusCode).toBe(404);
  });
});

describe('events', () => {
  it('a transition the machine does not allow is a 409 naming the allowed ones; nothing is written', async () => {
    const c = await register('deuOfficer', incomingInput('FRA'));
    const res = await event('deuOfficer', c.id, { type: 'execute' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/The case is received: "execute" is not possible in that state \(what you can do now: .*register.*\)/);
    const after = (await as(t.app, s.deuOfficer!, 'GET', `${P}/${c.id}`)).json();
    expect(after).toMatchObject({ status: 'received', version: 1 });
    expect(after.timeline).toHaveLength(1);
  });

  it('walks an incoming request to execution; the clock pauses while information is awaited', async () => {
    const c = await register('deuOfficer', incomingInput('FRA'));
    for (const type of ['acknowledge', 'register', 'start_review']) expect((await event('deuOfficer', c.id, { type })).statusCode).toBe(201);
    expect((await event('deuOfficer', c.id, { type: 'request_info' })).statusCode).toBe(422); // says what is needed
    const asked = (await event('deuOfficer', c.id, { type: 'request_info', note: 'The account number is missing' })).json();
    expect(asked).toMatchObject({ status: 'info_requested', pausedSince: expect.any(String) });
    const back = (await event('deuOfficer', c.id, { type: 'supply_info', note: 'Received' })).json();
    expect(back).toMatchObject({ status: 'under_review', pausedSince: null });
    expect(back.pausedSeconds).toBeGreaterThanOrEqual(0);
    expect((await event('deuOfficer', c.id, { type: 'accept' })).statusCode).toBe(201);
    expect((await event('deuOfficer', c.id, { type: 'pass_to_executing' })).statusCode).toBe(422);
    const passed = (await event('deuOfficer', c.id, { type: 'pass_to_executing', authority: { name: 'Public prosecutor, Frankfurt' } })).json();
    expect(passed.authorities).toContainEqual({ role: 'executing', name: 'Public prosecutor, Frankfurt', entryId: null });
    for (const type of ['assign', 'start_execution', 'report_partial']) expect((await event('deuOfficer', c.id, { type })).statusCode).toBe(201);
    const done = (await event('deuOfficer', c.id, { type: 'execute', partial: true })).json();
    expect(done).toMatchObject({ status: 'executed', outcome: 'partially-executed' });
    const closed = (await event('deuOfficer', c.id, { type: 'close' })).json();
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(closed.timeline.map((e: { type: string }) => e.type)).toEqual([
      'created', 'acknowledge', 'register', 'start_review', 'request_info', 'supply_info', 'accept', 'pass_to_executing', 'assign', 'start_execution', 'report_partial', 'execute', 'close',
    ]);
  });

  it('refusing needs a consultation first (409), then a ground and reasons (422); fiscal matters is refused unless confirmed, and the confirmation is kept', async () => {
    const c = await caseIn(t.database.db, p.deuOfficer, 'under_review');
    const early = await event('deuOfficer', c.id, { type: 'refuse', ground: 'domestic-law-prohibits', reasons: 'Not available under our law.' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/Consult the requesting State first/);
    expect((await event('deuOfficer', c.id, { type: 'consult' })).statusCode).toBe(422);
    expect((await event('deuOfficer', c.id, { type: 'consult', note: 'Call with the Paris prosecutor on 3 Nov', date: '2026-11-03' })).statusCode).toBe(201);
    const bare = await event('deuOfficer', c.id, { type: 'refuse' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.ground', 'body.reasons']);
    const fiscal = await event('deuOfficer', c.id, { type: 'refuse', ground: 'fiscal-matters', reasons: 'The offence concerns taxes only.' });
    expect(fiscal.statusCode).toBe(422);
    expect(fiscal.json().error.code).toBe('excluded_ground');
    expect(fiscal.json().error.message).toMatch(/Fiscal matters are not a ground for refusal/);
    const refused = await event('deuOfficer', c.id, { type: 'refuse', ground: 'fiscal-matters', reasons: 'The offence concerns taxes only.', confirmExcludedGround: true });
    expect(refused.statusCode, refused.body).toBe(201);
    expect(refused.json()).toMatchObject({ status: 'refused', outcome: 'refused', refusalGround: 'fiscal-matters' });
    expect(refused.json().timeline.at(-1)).toMatchObject({ type: 'refuse', from: 'under_review', to: 'refused', data: { ground: 'fiscal-matters', confirmedExcludedGround: true } });
  });

  it('progress queries and their answers are events; an unanswered query past its date shows as overdue', async () => {
    const c = await caseIn(t.database.db, p.deuOfficer, 'under_review');
    const q = (await event('deuOfficer', c.id, { type: 'progress_query', note: 'Where is it?', dueBy: '2020-01-01' })).json();
    const query = q.timeline.at(-1);
    expect(query).toMatchObject({ type: 'progress_query', dueAt: '2020-01-01T23:59:59.999Z', answeredBy: null, overdue: true });
    expect((await event('deuOfficer', c.id, { type: 'answer_query', answersSeq: 1, note: 'x' })).statusCode).toBe(422);
    const a = (await event('deuOfficer', c.id, { type: 'answer_query', answersSeq: query.seq, note: 'Being reviewed' })).json();
    expect(a.timeline.find((e: { seq: number }) => e.seq === query.seq)).toMatchObject({ answeredBy: a.timeline.at(-1).seq, overdue: false });
    expect((await event('deuOfficer', c.id, { type: 'answer_query', answersSeq: query.seq, note: 'Again' })).statusCode).toBe(422);
  });

  it('a stale expectedVersion is a 409 and changes nothing', async () => {
    const c = await register('deuOfficer', incomingInput('FRA'));
    expect((await event('deuOfficer', c.id, { type: 'register', expectedVersion: 1 })).json().version).toBe(2);
    const stale = await event('deuOfficer', c.id, { type: 'start_review', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.issues[0].path).toBe('body.expectedVersion');
    expect((await as(t.app, s.deuOfficer!, 'GET', `${P}/${c.id}`)).json()).toMatchObject({ status: 'registered', version: 2 });
  });

  it('an officer overrides the priority with a reason, and can go back to the computed one', async () => {
    const c = await register('deuOfficer', incomingInput('FRA'));
    expect((await event('deuOfficer', c.id, { type: 'set_priority', level: 'urgent' })).statusCode).toBe(422);
    const o = (await event('deuOfficer', c.id, { type: 'set_priority', level: 'urgent', reason: 'Suspect arrested' })).json();
    expect(o.priority).toMatchObject({ level: 'urgent', override: { level: 'urgent', reason: 'Suspect arrested', by: { id: p.deuOfficer.id } } });
    const back = (await event('deuOfficer', c.id, { type: 'set_priority', level: null, reason: 'Released' })).json();
    expect(back.priority).toMatchObject({ level: back.priority.computedLevel, override: null });
  });
});

describe('work queues', () => {
  it('lists only my State’s cases, by direction and status, sorted by priority (an override first), paged', async () => {
    const low = await register('fraOfficer', incomingInput('DEU', { title: 'Queue low' }));
    const top = await register('fraOfficer', incomingInput('DEU', { title: 'Queue top' }));
    await event('fraOfficer', top.id, { type: 'set_priority', level: 'urgent', reason: 'Custody ends Friday' });
    const list = (await as(t.app, s.fraOfficer!, 'GET', `${P}?direction=incoming&status=received&q=Queue`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([top.id, low.id]);
    expect(list.items[0]).toMatchObject({ priority: { level: 'urgent', overridden: true }, direction: 'incoming', status: 'received', ageDays: 0, overdueSteps: 0, assignedToMe: false });
    const page1 = (await as(t.app, s.fraOfficer!, 'GET', `${P}?q=Queue&limit=1`)).json();
    expect(page1).toMatchObject({ total: 2, next: expect.any(String) });
    const page2 = (await as(t.app, s.fraOfficer!, 'GET', `${P}?q=Queue&limit=1&cursor=${page1.next}`)).json();
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([low.id]);
    expect(page2.next).toBeNull();
    expect((await as(t.app, s.deuOfficer!, 'GET', `${P}?q=Queue`)).json().total).toBe(0);
  });

  it('a closed case has no priority left: an urgent deadline and a person in custody no longer put it above open work', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const pressing = { title: 'Closing pressing', deadline: tomorrow, deadlineReason: 'Custody ends', priorityInputs: { personInCustody: true } };
    const done = await register('fraOfficer', outgoingInput('DEU', { ...pressing, channel: 'post', initialState: 'sent', sentAt: '2026-10-01' }));
    const open = await register('fraOfficer', outgoingInput('DEU', { title: 'Closing plain' }));
    expect(open.priority.level).toBe('low'); // nothing known makes it pressing: it ties with the closed case's level
    expect(done.priority.level).toBe('urgent');
    await event('fraOfficer', done.id, { type: 'set_priority', level: 'urgent', reason: 'Kept urgent by hand' });
    const closed = (await event('fraOfficer', done.id, { type: 'close', note: 'Executed' })).json();
    expect(closed.status).toBe('closed');
    expect(closed.priority).toMatchObject({ level: 'low', score: 0, factors: [] });
    const list = (await as(t.app, s.fraOfficer!, 'GET', `${P}?q=Closing`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([open.id, done.id]);
    expect(list.items[1].priority).toMatchObject({ level: 'low', score: 0, factors: [] });
  });

  it('queue=mine holds what is assigned to me; overdue=true what has a step past due; a forged cursor is a 400', async () => {
    const mine = await register('fraOfficer', incomingInput('DEU', { title: 'Mine only', assignees: [p.fraPractitioner.id] }));
    const q = (await as(t.app, s.fraPractitioner!, 'GET', `${P}?queue=mine`)).json();
    expect(q.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect(q.items.every((i: { assignedToMe: boolean }) => i.assignedToMe)).toBe(true);
    await t.database.db.updateTable('cases_cases').set({ next_due_at: new Date('2020-01-01') }).where('id', '=', mine.id).execute();
    const overdue = (await as(t.app, s.fraOfficer!, 'GET', `${P}?overdue=true&limit=100`)).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect(overdue.items.every((i: { nextDueAt: string | null }) => i.nextDueAt !== null && new Date(i.nextDueAt) < new Date())).toBe(true);
    const notDue = (await as(t.app, s.fraOfficer!, 'GET', `${P}?q=Queue%20low`)).json().items[0];
    if (!notDue.nextDueAt || new Date(notDue.nextDueAt) > new Date()) expect(overdue.items.map((i: { id: string }) => i.id)).not.toContain(notDue.id);
    expect((await as(t.app, s.fraOfficer!, 'GET', `${P}?cursor=AAAA`)).statusCode).toBe(400);
  });
});

describe('the workflow as data', () => {
  it('publishes states, actions, transitions with guard names and a Mermaid diagram', async () => {
    const w = (await as(t.app, s.fraPractitioner!, 'GET', `${P}/workflow`)).json();
    expect(w.states).toContain('info_requested');
    expect(w.initial).toEqual({ incoming: 'received', outgoing: 'preparing' });
    expect(w.paused).toEqual(['info_requested']);
    expect(w.transitions).toContainEqual(expect.objectContaining({ action: 'refuse', to: 'refused', guards: expect.arrayContaining(['after consult']) }));
    expect(w.mermaid).toMatch(/^stateDiagram-v2\n {2}\[\*\] --> received/);
    expect((await as(t.app, s.secretariat!, 'GET', `${P}/workflow`)).statusCode).toBe(403);
  });
});
