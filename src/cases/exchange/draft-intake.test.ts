import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { loadDemoDirectory } from '../../directory/seed/demo-directory.ts';
import { draftFinalised } from '../../drafting/drafting.service.ts';
import { completeDraftInput } from '../../drafting/test-fixtures.ts';
import { listDocuments } from '../../platform/documents/documents.ts';
import { catchUpEvents, latestEvent } from '../../platform/events/events.ts';
import { startWorkers, type Workers } from '../../platform/jobs/workers.ts';
import { DRAFT_INTAKE_JOBS, openOutgoingCase } from './draft-intake.ts';

/**
 * A finalised draft becomes an outgoing case, ready to send, with the finalised DOCX as its first document — once
 * per draft, and also for drafts finalised before the tracker took them (the catch-up at start).
 */

const D = '/api/v1/drafting';
const P = '/api/v1/cases';
let t: TestApp;
let workers: Workers | null = null;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDirectory(t.database.db);
  for (const [name, roles, state] of [['di-gbr', ['officer'], 'GBR'], ['di-gbr-prac', ['practitioner'], 'GBR'], ['di-chn', ['officer'], 'CHN']] as const) {
    await addUser(t, name, [...roles], state);
    s[name] = await login(t.app, name);
  }
}, 120_000);
afterAll(async () => {
  await workers?.stop();
  await t.close();
});

/** A draft written by the practitioner and finalised by the officer; its hand-off event is published, not yet handled. */
async function finalisedDraft(title: string) {
  const created = await as(t.app, s['di-gbr-prac']!, 'POST', `${D}/drafts`, { content: { ...completeDraftInput(), title } });
  expect(created.statusCode, created.body).toBe(201);
  const done = await as(t.app, s['di-gbr']!, 'POST', `${D}/drafts/${created.json().id}/finalise`, { version: 1 });
  expect(done.statusCode, done.body).toBe(200);
  return done.json().draft as { id: string; reference: string; finalDocument: { sha256: string; size: number; fileName: string } };
}

const casesOfDraft = (draftId: string) => t.database.db.selectFrom('cases_cases').selectAll().where('draft_id', '=', draftId).execute();

async function until(what: string, fn: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('finalised drafts become outgoing cases', () => {
  it('the hand-off opens an outgoing case, ready, with the finalised DOCX (same SHA-256) as its first document — once', async () => {
    const draft = await finalisedDraft('Bank records in Shanghai');
    const event = (await latestEvent(t.database.db, draftFinalised, draft.id))!;
    await t.database.db.transaction().execute((trx) => openOutgoingCase(event, trx));
    await t.database.db.transaction().execute((trx) => openOutgoingCase(event, trx)); // a second delivery adds nothing
    const rows = await casesOfDraft(draft.id);
    expect(rows).toHaveLength(1);

    const c = (await as(t.app, s['di-gbr']!, 'GET', `${P}/${rows[0]!.id}`)).json();
    expect(c).toMatchObject({
      direction: 'outgoing', status: 'ready', ownerState: 'GBR', counterpartState: 'CHN', draftId: draft.id, reference: draft.reference,
      title: 'Bank records in Shanghai', channel: 'platform', transmission: 'none', legalBasis: { type: 'convention' },
    });
    expect(c.measures).toContain('bank-records');
    expect(c.timeline[0]).toMatchObject({ type: 'created', to: 'ready' });
    expect(c.timeline.find((e: { type: string }) => e.type === 'document_added')).toMatchObject({ data: expect.objectContaining({ sha256: draft.finalDocument.sha256, role: 'request' }) });
    const docs = await listDocuments(t.database.db, { ownerModule: 'cases', entityId: c.id });
    expect(docs.map((d) => [d.role, d.sha256, d.size, d.fileName])).toEqual([['request', draft.finalDocument.sha256, draft.finalDocument.size, draft.finalDocument.fileName]]);
    expect(c.actions.find((a: { action: string }) => a.action === 'send')).toMatchObject({ allowed: true });
  });

  it('sent, the request reaches the requested State with the DOCX the draft finalised', async () => {
    const draft = await finalisedDraft('Records for the Shanghai branch');
    const event = (await latestEvent(t.database.db, draftFinalised, draft.id))!;
    await t.database.db.transaction().execute((trx) => openOutgoingCase(event, trx));
    const [row] = await casesOfDraft(draft.id);
    const sent = await as(t.app, s['di-gbr']!, 'POST', `${P}/${row!.id}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().delivered).toBe(true);
    const incoming = (await as(t.app, s['di-chn']!, 'GET', `${P}/${sent.json().case.counterpartCaseId}`)).json();
    expect(incoming).toMatchObject({ direction: 'incoming', status: 'received', counterpartReference: draft.reference, ownerState: 'CHN' });
    const docs = await listDocuments(t.database.db, { ownerModule: 'cases', entityId: incoming.id });
    expect(docs.map((d) => d.sha256)).toEqual([draft.finalDocument.sha256]);
  });

  it('drafts finalised before (pending hand-offs, their jobs lost) are taken over by the catch-up at start', async () => {
    const draft = await finalisedDraft('Pending before the tracker');
    // as after a restore, or for drafts finalised before the tracker subscribed: the event is there, its job is not
    await sql`DELETE FROM pgboss.job WHERE name = 'event.cases.open-outgoing'`.execute(t.database.db);
    expect(await casesOfDraft(draft.id)).toHaveLength(0);
    expect((await as(t.app, s['di-gbr']!, 'GET', `${D}/drafts/${draft.id}`)).json().case).toMatchObject({ status: 'pending' });

    expect(await catchUpEvents(t.database.db)).toBeGreaterThanOrEqual(1);
    workers = await startWorkers(t.database, { publicUrl: 'http://localhost', jobs: DRAFT_INTAKE_JOBS, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
    await until('the pending hand-off to be taken over', async () => (await casesOfDraft(draft.id)).length === 1);
    expect((await as(t.app, s['di-gbr']!, 'GET', `${D}/drafts/${draft.id}`)).json().case).toMatchObject({ status: 'taken-over' });
    // the earlier drafts, already opened by hand above, were not opened twice
    const all = await t.database.db.selectFrom('cases_cases').select(['draft_id']).where('draft_id', 'is not', null).execute();
    expect(new Set(all.map((r) => r.draft_id)).size).toBe(all.length);
  }, 120_000);
});
