import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { listDocuments } from '../../platform/documents/documents.ts';
import { addRequestDocument } from './case-documents.ts';
import { canonicalJson, envelopeDigest, type Envelope } from './envelope.ts';
import { sha256Hex } from '../../platform/documents/documents.ts';

/**
 * The exchange within one instance, end to end through the API between two States' officers (FRA requests,
 * CHN is requested): sending delivers, with the same documents and digests; delivered and retrieved are
 * time-stamped on the requesting side; each side's progress reaches the other; nobody else learns anything.
 */

const P = '/api/v1/cases';
let t: TestApp;
const s: Record<string, Session> = {};
type Entry = { seq: number; type: string; from: string | null; to: string | null; at: string; note: string; data: Record<string, unknown>; dueAt: string | null; overdue: boolean; answeredBy: number | null };

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, roles, state] of [
    ['ex-fra', ['officer'], 'FRA'], ['ex-fra-prac', ['practitioner'], 'FRA'], ['ex-chn', ['officer'], 'CHN'], ['ex-chn-2', ['officer'], 'CHN'],
    ['ex-deu', ['officer'], 'DEU'], ['ex-sec', ['secretariat'], null],
  ] as const) {
    await addUser(t, name, [...roles], state);
    s[name] = await login(t.app, name);
  }
}, 120_000);
afterAll(() => t.close());

const get = (who: string, url: string) => as(t.app, s[who]!, 'GET', url);
const post = (who: string, url: string, body: unknown) => as(t.app, s[who]!, 'POST', url, body);
const caseOf = async (who: string, id: string) => {
  const r = await get(who, `${P}/${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { id: string; reference: string; status: string; transmission: string; counterpartStatus: string | null; counterpartReference: string | null; counterpartCaseId: string | null; version: number; timeline: Entry[] };
};

/** An outgoing case of FRA to `to`, ready to send, with a request document. */
async function readyCase(to = 'CHN', title = 'Bank records of a laundering network'): Promise<{ id: string; reference: string; sha256: string }> {
  const created = await post('ex-fra', P, {
    direction: 'outgoing', kind: 'mla', counterpartState: to, title, summary: 'Funds moved through shell companies',
    legalBasis: { type: 'convention', article: 'UNTOC:18' }, offences: ['Money laundering'], crimeTypes: ['money-laundering'],
    persons: [{ name: 'Jean Dupont', role: 'suspect', nationality: 'FRA' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const c = created.json();
  const bytes = Buffer.from(`%PDF-1.4\n% request ${c.reference}\n`);
  const doc = await t.database.db.transaction().execute((trx) => addRequestDocument(trx, { kind: 'anonymous' }, c.id,
    { bytes, mediaType: 'application/pdf', fileName: `${c.reference}-request.pdf`, language: 'fr', draftId: c.id, draftVersion: 1 },
    { id: c.createdBy.id, name: 'ex-fra', state: 'FRA' }));
  const submitted = await post('ex-fra', `${P}/${c.id}/events`, { type: 'submit' });
  expect(submitted.statusCode, submitted.body).toBe(201);
  return { id: c.id, reference: c.reference, sha256: doc.sha256 };
}

describe('sending within one instance delivers', () => {
  let out: { id: string; reference: string; sha256: string };
  let incomingId: string;

  it('FRA sends: CHN has the incoming case, with the same documents and digests', async () => {
    out = await readyCase();
    const r = await post('ex-fra', `${P}/${out.id}/send`, { note: 'Urgent: accounts may be closed' });
    expect(r.statusCode, r.body).toBe(200);
    const sent = r.json();
    expect(sent).toMatchObject({ delivered: true, messageId: expect.any(String), digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(sent.case).toMatchObject({ status: 'sent', transmission: 'delivered', counterpartStatus: 'received' });
    incomingId = sent.case.counterpartCaseId;

    const list = (await get('ex-chn', `${P}?direction=incoming`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(incomingId);
    const docsOut = await listDocuments(t.database.db, { ownerModule: 'cases', entityId: out.id });
    const docsIn = await listDocuments(t.database.db, { ownerModule: 'cases', entityId: incomingId });
    expect(docsIn.map((d) => [d.sha256, d.size, d.role, d.fileName])).toEqual(docsOut.map((d) => [d.sha256, d.size, d.role, d.fileName]));
    expect(docsIn[0]!.sha256).toBe(out.sha256);
  });

  it('the requesting side sees submission, delivery, then retrieval at the first open by CHN, each time-stamped', async () => {
    const before = await caseOf('ex-fra', out.id);
    expect(before.timeline.filter((e) => e.type === 'evidence').map((e) => e.data.evidence)).toEqual(['submission_acceptance', 'delivery']);
    const opened = await caseOf('ex-chn', incomingId);
    expect(opened).toMatchObject({ status: 'received', transmission: 'retrieved', counterpartReference: out.reference, counterpartCaseId: out.id });
    await caseOf('ex-chn-2', incomingId); // a second open is no second retrieval
    const after = await caseOf('ex-fra', out.id);
    expect(after.transmission).toBe('retrieved');
    const evidences = after.timeline.filter((e) => e.type === 'evidence');
    expect(evidences.map((e) => e.data.evidence)).toEqual(['submission_acceptance', 'delivery', 'retrieval']);
    for (const e of evidences) expect(Date.parse(e.at)).not.toBeNaN();
    expect(Date.parse(evidences[2]!.at)).toBeGreaterThanOrEqual(Date.parse(evidences[1]!.at));
    expect(after.counterpartReference).toBe(opened.reference);
  });

  it('both sides hold the same envelope (same digest) and its evidences', async () => {
    const mine = (await get('ex-fra', `${P}/${out.id}/messages`)).json();
    const theirs = (await get('ex-chn', `${P}/${incomingId}/messages`)).json();
    const submitOut = mine.items.find((m: { type: string }) => m.type === 'case.submit');
    const submitIn = theirs.items.find((m: { type: string }) => m.type === 'case.submit');
    expect(submitOut).toMatchObject({ side: 'sent', senderState: 'FRA', recipientState: 'CHN' });
    expect(submitIn).toMatchObject({ side: 'received', messageId: submitOut.messageId, digest: submitOut.digest });
    expect(sha256Hex(Buffer.from(canonicalJson(submitOut.envelope)))).toBe(submitOut.digest);
    expect(envelopeDigest(submitIn.envelope as Envelope)).toBe(submitOut.digest);
    expect(submitOut.envelope.attachments).toEqual([expect.objectContaining({ sha256: out.sha256, role: 'request' })]);
    expect(submitOut.evidences.map((e: { type: string }) => e.type)).toEqual(['submission_acceptance', 'delivery', 'retrieval']);
    expect(submitOut.evidences.every((e: { messageDigest: string }) => e.messageDigest === submitOut.digest)).toBe(true);
  });

  it('CHN’s officers are told, in their inbox, by the references only; nobody else is', async () => {
    const inbox = async (who: string) => ((await get(who, '/api/v1/me/notifications')).json().items as { kind: string; link: string; subject: string; params: Record<string, unknown> }[])
      .filter((m) => m.kind === 'cases.request-delivered');
    const [notice] = await inbox('ex-chn');
    expect(notice).toMatchObject({ link: `/cases/${incomingId}`, params: expect.objectContaining({ theirReference: out.reference, fromState: 'FRA' }) });
    expect(notice!.subject).toContain(String(notice!.params.reference)); // CHN's own reference for the case
    expect(JSON.stringify(notice)).not.toContain('laundering network');
    expect(await inbox('ex-chn-2')).toHaveLength(1);
    for (const who of ['ex-fra', 'ex-deu']) expect(await inbox(who)).toEqual([]);
  });

  it('reads and refusals are audited; the exchange’s tables refuse any change', async () => {
    const actions = await t.database.db.selectFrom('audit_log').select(['action', 'target_id', 'actor_username']).where('target_id', 'in', [out.id, incomingId]).execute();
    const did = (action: string, who: string, id: string) => actions.some((a) => a.action === action && a.actor_username === who && a.target_id === id);
    expect(did('cases.case.sent', 'ex-fra', out.id)).toBe(true);
    expect(did('cases.case.delivered', 'ex-fra', incomingId)).toBe(true);
    expect(did('cases.case.retrieved', 'ex-chn', incomingId)).toBe(true);
    expect(did('cases.messages.read', 'ex-fra', out.id)).toBe(true);
    expect(did('cases.messages.read', 'ex-chn', incomingId)).toBe(true);
    await expect(t.database.db.updateTable('cases_exchange_messages').set({ digest: '0'.repeat(64) }).where('case_id', '=', out.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('cases_exchange_evidences').execute()).rejects.toThrow(/append-only/);
  });

  it('CHN’s status changes reach FRA as counterpart_status and counterpart_update entries', async () => {
    for (const type of ['acknowledge', 'register', 'start_review']) {
      const r = await post('ex-chn', `${P}/${incomingId}/events`, { type });
      expect(r.statusCode, r.body).toBe(201);
    }
    const fra = await caseOf('ex-fra', out.id);
    expect(fra.status).toBe('sent');
    expect(fra.counterpartStatus).toBe('under_review');
    expect(fra.timeline.filter((e) => e.type === 'counterpart_update').map((e) => e.data.type)).toEqual(['acknowledge', 'register', 'start_review']);
  });

  it('CHN asks for more information; FRA supplies it and CHN’s case goes back under review', async () => {
    const asked = await post('ex-chn', `${P}/${incomingId}/events`, { type: 'request_info', note: 'Please give the account numbers' });
    expect(asked.statusCode, asked.body).toBe(201);
    let fra = await caseOf('ex-fra', out.id);
    expect(fra.counterpartStatus).toBe('info_requested');
    expect(fra.timeline.at(-1)).toMatchObject({ type: 'counterpart_update', note: 'Please give the account numbers', data: expect.objectContaining({ type: 'request_info', state: 'info_requested' }) });
    const supplied = await post('ex-fra', `${P}/${out.id}/events`, { type: 'supply_info', note: 'Accounts FR76 1234 and FR76 5678' });
    expect(supplied.statusCode, supplied.body).toBe(201);
    const chn = await caseOf('ex-chn', incomingId);
    expect(chn.status).toBe('under_review');
    expect(chn.timeline.at(-1)).toMatchObject({ type: 'supply_info', from: 'info_requested', to: 'under_review', note: 'Accounts FR76 1234 and FR76 5678' });
    // the mirrored supply_info did not come back to FRA as an update of its own
    fra = await caseOf('ex-fra', out.id);
    expect(fra.counterpartStatus).toBe('info_requested');
  });

  it('FRA’s progress query reaches CHN with its due date, shows overdue there unanswered, and the answer comes back', async () => {
    const q = await post('ex-fra', `${P}/${out.id}/events`, { type: 'progress_query', note: 'Where do things stand?', dueBy: '2026-01-05' });
    expect(q.statusCode, q.body).toBe(201);
    const fraQuery = (q.json().timeline as Entry[]).at(-1)!;
    let chn = await caseOf('ex-chn', incomingId);
    const query = chn.timeline.find((e) => e.type === 'progress_query')!;
    expect(query).toMatchObject({ note: 'Where do things stand?', dueAt: fraQuery.dueAt, overdue: true, answeredBy: null });
    const a = await post('ex-chn', `${P}/${incomingId}/events`, { type: 'answer_query', answersSeq: query.seq, note: 'The bank has been ordered to produce the records' });
    expect(a.statusCode, a.body).toBe(201);
    chn = await caseOf('ex-chn', incomingId);
    expect(chn.timeline.find((e) => e.seq === query.seq)).toMatchObject({ overdue: false });
    const fra = await caseOf('ex-fra', out.id);
    expect(fra.timeline.at(-1)).toMatchObject({ type: 'counterpart_update', note: 'The bank has been ordered to produce the records', data: expect.objectContaining({ type: 'answer_query', answersSeq: fraQuery.seq }) });
  });

  it('a third State and the secretariat read nothing of either case, through any route (404 as for no case)', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    for (const who of ['ex-deu', 'ex-sec', 'ex-fra-prac']) {
      for (const id of [out.id, incomingId]) {
        for (const path of ['', '/messages']) {
          const r = await get(who, `${P}/${id}${path}`);
          const nothing = await get(who, `${P}/${none}${path}`);
          // the secretariat is refused by role for every case alike; the others get the 404 of a case that does not exist
          expect(r.statusCode, `${who} ${path}`).toBe(who === 'ex-sec' ? 403 : 404);
          expect(r.statusCode).toBe(nothing.statusCode);
          expect(r.body.replaceAll(id, none)).toBe(nothing.body);
        }
      }
    }
    expect((await post('ex-deu', `${P}/${out.id}/send`, {})).statusCode).toBe(404);
    expect((await post('ex-chn', `${P}/${out.id}/send`, {})).statusCode).toBe(404);
    const deuList = (await get('ex-deu', P)).json();
    expect(deuList.items).toEqual([]);
    const denied = await t.database.db.selectFrom('audit_log').select(['actor_username']).where('action', '=', 'cases.case.read_denied').where('target_id', '=', out.id).execute();
    expect(denied.map((d) => d.actor_username)).toEqual(expect.arrayContaining(['ex-deu', 'ex-fra-prac', 'ex-chn']));
  });

  it('FRA withdraws: CHN’s case is withdrawn by the platform', async () => {
    const w = await post('ex-fra', `${P}/${out.id}/events`, { type: 'withdraw', note: 'The suspect has been arrested in France' });
    expect(w.statusCode, w.body).toBe(201);
    const chn = await caseOf('ex-chn', incomingId);
    expect(chn.status).toBe('withdrawn');
    expect(chn.timeline.at(-1)).toMatchObject({ type: 'withdraw', to: 'withdrawn', data: expect.objectContaining({ viaMessage: expect.any(String) }) });
  });
});

describe('sending: what else can happen', () => {
  it('sending twice is a 409 and changes nothing', async () => {
    const c = await readyCase('CHN', 'Second request');
    expect((await post('ex-fra', `${P}/${c.id}/send`, {})).statusCode).toBe(200);
    const before = await caseOf('ex-fra', c.id);
    const again = await post('ex-fra', `${P}/${c.id}/send`, {});
    expect(again.statusCode, again.body).toBe(409);
    const after = await caseOf('ex-fra', c.id);
    expect(after.timeline.length).toBe(before.timeline.length);
  });

  it('bad input is a 400 naming the field, and nothing changes', async () => {
    const c = await readyCase('CHN', 'Third request');
    for (const [url, body] of [
      [`${P}/${c.id}/send`, { channel: 'pigeon' }],
      [`${P}/${c.id}/send`, { note: 'x'.repeat(10_001) }],
      [`${P}/${c.id}/send`, { extra: true }],
      [`${P}/${c.id}/send`, { expectedVersion: 2_147_483_648 }],
      [`${P}/not-a-uuid/send`, {}],
    ] as const) {
      const r = await post('ex-fra', url, body);
      expect(r.statusCode, `${url} ${JSON.stringify(body)}: ${r.body}`).toBe(400);
      expect(r.json().error.issues.length).toBeGreaterThan(0);
    }
    expect((await get('ex-fra', `${P}/not-a-uuid/messages`)).statusCode).toBe(400);
    const after = await caseOf('ex-fra', c.id);
    expect(after).toMatchObject({ status: 'ready', transmission: 'none' });
    expect((await get('ex-fra', `${P}/${c.id}/messages`)).json().items).toEqual([]);
  });

  it('a State whose central authority is not on this instance: non-delivery, transmission failed, said plainly', async () => {
    const c = await readyCase('BRA', 'Request to a State not on the platform');
    const r = await post('ex-fra', `${P}/${c.id}/send`, {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ delivered: false, message: expect.stringMatching(/BRA does not use this platform/), case: { status: 'sent', transmission: 'failed', counterpartCaseId: null } });
    const evidences = (r.json().case.timeline as Entry[]).filter((e) => e.type === 'evidence').map((e) => e.data.evidence);
    expect(evidences).toEqual(['submission_acceptance', 'non_delivery']);
  });

  it('another channel: only the transition, no envelope, transmission none', async () => {
    const c = await readyCase('CHN', 'Sent by diplomatic bag');
    const r = await post('ex-fra', `${P}/${c.id}/send`, { channel: 'diplomatic' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ delivered: false, messageId: null, case: { status: 'sent', transmission: 'none', channel: 'diplomatic', counterpartCaseId: null } });
    expect((await get('ex-fra', `${P}/${c.id}/messages`)).json().items).toEqual([]);
  });

  it('only an officer sends', async () => {
    const c = await readyCase('CHN', 'Practitioner tries');
    const r = await post('ex-fra-prac', `${P}/${c.id}/send`, {});
    expect(r.statusCode).toBe(403);
  });
});
