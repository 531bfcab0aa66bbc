import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { loadDemoDirectory } from '../directory/seed/demo-directory.ts';
import { toMermaid } from '../platform/workflow/index.ts';
import { everyStateAction } from '../platform/workflow/testing.ts';
import { draftMachine, type DraftAction } from './draft.workflow.ts';
import type { DraftStatus } from './drafting.tables.ts';
import { completeDraftInput } from './test-fixtures.ts';

/**
 * The draft's life through the API, generated from its machine (draft.workflow.ts): every state × action
 * pair is tried, undefined pairs must be refused (409 naming the state) and defined ones allowed when the
 * guards hold; the actions the API sends each viewer; finalising closing the consultation; the history.
 */
const P = '/api/v1/drafting';
let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDirectory(t.database.db);
  for (const [name, roles, state] of [
    ['gbr-officer', ['officer'], 'GBR'],
    ['gbr-prac', ['practitioner'], 'GBR'],
    ['chn-officer', ['officer'], 'CHN'],
    ['fra-officer', ['officer'], 'FRA'],
  ] as const) {
    await addUser(t, name, [...roles], state);
    s[name] = await login(t.app, name);
  }
});
afterAll(() => t.close());

type Draft = { id: string; reference: string; version: number; status: DraftStatus; actions: Array<{ action: DraftAction; allowed: boolean; reasons: Array<{ code: string; message: string }> }> };
const get = async (who: string, id: string) => (await as(t.app, s[who]!, 'GET', `${P}/drafts/${id}`)).json() as Draft;

/** A complete draft to China (its checks pass), brought into `state` through the API. */
async function draftIn(state: DraftStatus): Promise<Draft> {
  const created = await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts`, { content: completeDraftInput() });
  expect(created.statusCode, created.body).toBe(201);
  const d = created.json() as Draft;
  if (state === 'shared') expect((await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/shares`, {})).statusCode).toBe(201);
  if (state === 'finalised') expect((await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/finalise`, { version: 1 })).statusCode).toBe(200);
  return get('gbr-officer', d.id);
}

/** Each action as the API call that performs it, by an owner-side officer (for whom every guard holds). */
function perform(action: DraftAction, d: Draft) {
  const o = s['gbr-officer']!;
  const u = `${P}/drafts/${d.id}`;
  switch (action) {
    case 'edit': return as(t.app, o, 'PATCH', u, { version: d.version, content: { title: 'Edited' } });
    case 'share': return as(t.app, o, 'POST', `${u}/shares`, {});
    case 'unshare': return as(t.app, o, 'DELETE', `${u}/shares`);
    case 'comment': return as(t.app, o, 'POST', `${u}/comments`, { body: 'A note' });
    case 'finalise': return as(t.app, o, 'POST', `${u}/finalise`, { version: d.version });
    case 'duplicate': return as(t.app, o, 'POST', `${u}/duplicate`, {});
  }
}

describe('every state × action of the draft machine, through the API', () => {
  for (const { state, action, defined } of everyStateAction(draftMachine)) {
    it(`${state} × ${action}: ${defined ? (defined.to ? `allowed, to ${defined.to}` : 'allowed, keeps the state') : 'refused'}`, async () => {
      const d = await draftIn(state);
      expect(d.status).toBe(state);
      expect(d.actions.find((a) => a.action === action)!.allowed).toBe(!!defined);
      const res = await perform(action, d);
      if (!defined) {
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().error.message).toContain(`The draft is ${state}`);
        expect((await get('gbr-officer', d.id)).status).toBe(state);
      } else {
        expect(res.statusCode, res.body).toBeLessThan(300);
        expect((await get('gbr-officer', d.id)).status).toBe(defined.to ?? state);
      }
    });
  }

  it('the machine as a diagram (for the docs)', () => {
    expect(toMermaid(draftMachine)).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> draft',
        '  draft --> shared: share [owner side, requested State chosen]',
        '  shared --> draft: unshare [owner side]',
        '  draft --> finalised: finalise [owner side, role officer, no check errors]',
        '  shared --> finalised: finalise [owner side, role officer, no check errors]',
        '  finalised --> [*]',
      ].join('\n'),
    );
  });
});

describe('the actions each viewer is sent', () => {
  it('say what this viewer may do, and why not', async () => {
    const d = await draftIn('shared');
    const byAction = (x: Draft) => Object.fromEntries(x.actions.map((a) => [a.action, a.allowed]));
    expect(byAction(await get('gbr-officer', d.id))).toEqual({ edit: true, share: false, unshare: true, comment: true, finalise: true, duplicate: true });
    const consulted = await get('chn-officer', d.id);
    expect(byAction(consulted)).toEqual({ edit: false, share: false, unshare: false, comment: true, finalise: false, duplicate: false });
    expect(consulted.actions.find((a) => a.action === 'finalise')!.reasons.map((r) => r.code)).toEqual(['relationship']);
    const prac = await as(t.app, s['gbr-prac']!, 'POST', `${P}/drafts`, { content: completeDraftInput() });
    const finalise = prac.json().actions.find((a: { action: string }) => a.action === 'finalise');
    expect(finalise).toEqual({ action: 'finalise', allowed: false, reasons: [{ code: 'role', message: 'Only a central-authority officer may finalise a draft' }] });
    const noState = await as(t.app, s['gbr-prac']!, 'POST', `${P}/drafts`, { content: {} });
    expect(noState.json().actions.find((a: { action: string }) => a.action === 'share').reasons[0]).toMatchObject({ code: 'missing-fields', issues: [{ path: '$.requested.state' }] });
  });
});

describe('finalising closes the consultation', () => {
  it('open shares end: the consulted State can no longer read the draft as a consultation nor comment on it', async () => {
    const d = await draftIn('shared');
    expect((await as(t.app, s['chn-officer']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Before finalising' })).statusCode).toBe(201);
    const done = await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/finalise`, { version: d.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().draft).toMatchObject({ status: 'finalised', shares: [] });

    expect((await as(t.app, s['chn-officer']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'After finalising' })).statusCode).toBe(404);
    expect((await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(404);
    expect((await as(t.app, s['chn-officer']!, 'GET', `${P}/shared`)).json().items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    const comments = await t.database.db.selectFrom('drafting_comments').select('body').where('draft_id', '=', d.id).execute();
    expect(comments.map((c) => c.body)).toEqual(['Before finalising']);
    const share = await t.database.db.selectFrom('drafting_shares').selectAll().where('draft_id', '=', d.id).executeTakeFirstOrThrow();
    expect(share).toMatchObject({ state_iso3: 'CHN', ended_by_name: 'gbr-officer' });
    expect(share.ended_at).not.toBeNull();
    // the owner side keeps its internal notes on the finalised draft
    expect((await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Sent by courier' })).statusCode).toBe(201);
  });
});

describe('the draft’s history', () => {
  it('records each transition with who, when and why; same access as the draft, audited', async () => {
    const d = await draftIn('draft');
    await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/shares`, { note: 'Informal consultation' });
    // another requested State ends the share: back to "draft", recorded with the reason
    const moved = await as(t.app, s['gbr-officer']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 1, content: { requested: { state: 'FRA' } } });
    expect(moved.json()).toMatchObject({ status: 'draft', shares: [] });
    const back = await as(t.app, s['gbr-officer']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 2, content: { requested: { state: 'CHN' } } });
    await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/finalise`, { version: back.json().version });
    const copy = (await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/duplicate`, {})).json() as Draft;

    const res = await as(t.app, s['gbr-officer']!, 'GET', `${P}/drafts/${d.id}/history`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ action: string; from: string | null; to: string; by: { name: string; state: string }; at: string; reason: string | null }>;
    expect(items.map((i) => [i.from, i.to, i.action, i.reason])).toEqual([
      [null, 'draft', 'create', null],
      ['draft', 'shared', 'share', 'Informal consultation'],
      ['shared', 'draft', 'unshare', 'requested State changed'],
      ['draft', 'finalised', 'finalise', null],
    ]);
    expect(items[1]!.by).toMatchObject({ name: 'gbr-officer', state: 'GBR' });
    expect(Date.parse(items[3]!.at)).toBeGreaterThanOrEqual(Date.parse(items[0]!.at));
    const copyHistory = (await as(t.app, s['gbr-officer']!, 'GET', `${P}/drafts/${copy.id}/history`)).json().items;
    expect(copyHistory).toEqual([expect.objectContaining({ from: null, to: 'draft', action: 'duplicate', reason: `copy of ${d.reference}` })]);

    expect((await as(t.app, s['fra-officer']!, 'GET', `${P}/drafts/${d.id}/history`)).statusCode).toBe(404);
    const reads = await t.database.db.selectFrom('audit_log').select(['details', 'actor_username', 'outcome']).where('target_id', '=', d.id).where('action', '=', 'drafting.read').execute();
    expect(reads.some((r) => (r.details as { what?: string }).what === 'history' && r.actor_username === 'gbr-officer')).toBe(true);
    const denied = await t.database.db.selectFrom('audit_log').select('actor_username').where('target_id', '=', d.id).where('outcome', '=', 'denied').execute();
    expect(denied.map((r) => r.actor_username)).toContain('fra-officer');
  });

  it('the consulted State reads the history while the draft is shared with it', async () => {
    const d = await draftIn('shared');
    const res = await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts/${d.id}/history`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { action: string }) => i.action)).toEqual(['create', 'share']);
  });
});
