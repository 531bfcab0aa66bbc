import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { loadDemoDirectory } from '../directory/seed/demo-directory.ts';
import { completeDraftInput } from './test-fixtures.ts';

/**
 * The consultation's notices: the requested State's central authority learns that a draft is shared with it,
 * and each side learns when the other comments, in the inbox and in each reader's language; nobody else does.
 */

const P = '/api/v1/drafting';
let t: TestApp;
const s: Record<string, Session> = {};
const USERS: Array<[string, 'practitioner' | 'officer', string, string]> = [
  ['gbr-drafter', 'practitioner', 'GBR', 'en'],
  ['gbr-colleague', 'practitioner', 'GBR', 'en'],
  ['gbr-central', 'officer', 'GBR', 'fr'],
  ['chn-central-zh', 'officer', 'CHN', 'zh'],
  ['chn-central-ar', 'officer', 'CHN', 'ar'],
  ['chn-prac', 'practitioner', 'CHN', 'en'],
  ['fra-central', 'officer', 'FRA', 'en'],
];

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDirectory(t.database.db);
  for (const [name, role, state, language] of USERS) {
    const u = await addUser(t, name, [role], state);
    await t.database.db.updateTable('users').set({ language }).where('id', '=', u.id).execute();
    s[name] = await login(t.app, name);
  }
});
afterAll(() => t.close());

interface Message {
  kind: string;
  subject: string;
  body: string;
  link: string;
  params: { draftId: string };
}
const noticesOf = async (who: string, draftId: string): Promise<Message[]> =>
  ((await as(t.app, s[who]!, 'GET', '/api/v1/me/notifications?limit=200')).json().items as Message[]).filter((m) => m.params.draftId === draftId);
const told = async (draftId: string, kind: string) => {
  const out: string[] = [];
  for (const [name] of USERS) if ((await noticesOf(name, draftId)).some((m) => m.kind === kind)) out.push(name);
  return out;
};

async function draft() {
  const res = await as(t.app, s['gbr-drafter']!, 'POST', `${P}/drafts`, { content: completeDraftInput() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; reference: string };
}

describe('consultation notices', () => {
  it('sharing tells the requested State’s central authority, each in their language, with a link to the shared draft', async () => {
    const d = await draft();
    expect((await as(t.app, s['gbr-drafter']!, 'POST', `${P}/drafts/${d.id}/shares`, { note: 'Before we send it.' })).statusCode).toBe(201);
    expect(await told(d.id, 'drafting.shared')).toEqual(['chn-central-zh', 'chn-central-ar']);

    const [zh] = await noticesOf('chn-central-zh', d.id);
    expect(zh).toMatchObject({ subject: `请求草案 ${d.reference} 已与贵国共享以供磋商`, link: `/drafting/shared/${d.id}` });
    expect(zh!.body).toMatch(/^gbr-drafter（.+）已将一份请求草案与贵国中央机关共享以供磋商。/);
    const [ar] = await noticesOf('chn-central-ar', d.id);
    expect(ar!.subject).toBe(`أُتيح مشروع الطلب \u2068${d.reference}\u2069 لدولتكم للتشاور`);
    expect(ar!.body).toMatch(/^أتاح \u2068gbr-drafter\u2069 \(\u2068.+\u2069\) مشروع طلب لسلطتكم المركزية للتشاور\./);
    // The notice names the draft by its reference only: its title and content are read on the draft (audited).
    expect(JSON.stringify(zh)).not.toContain('Lantern');
  });

  it('a comment from the consulted State tells the owner side; one from the owner side tells the consulted State', async () => {
    const d = await draft();
    await as(t.app, s['gbr-drafter']!, 'POST', `${P}/drafts/${d.id}/shares`, { note: '' });
    expect((await as(t.app, s['chn-central-zh']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Please add the ID number.' })).statusCode).toBe(201);
    // The drafter and their central authority; not a colleague who cannot see the draft, not the author.
    expect(await told(d.id, 'drafting.comment')).toEqual(['gbr-drafter', 'gbr-central']);
    const [fr] = (await noticesOf('gbr-central', d.id)).filter((m) => m.kind === 'drafting.comment');
    expect(fr).toMatchObject({ subject: `Nouveau commentaire sur le projet de demande ${d.reference}`, link: `/drafting/${d.id}` });
    expect(fr!.body).not.toContain('ID number');

    // An internal note of the requesting side tells nobody.
    expect((await as(t.app, s['gbr-drafter']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Internal', audience: 'internal' })).statusCode).toBe(201);
    expect(await told(d.id, 'drafting.comment')).toEqual(['gbr-drafter', 'gbr-central']);
    // A reply for the consulted State tells its central authority.
    expect((await as(t.app, s['gbr-central']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Added.', audience: 'consultation' })).statusCode).toBe(201);
    expect(await told(d.id, 'drafting.comment')).toEqual(['gbr-drafter', 'gbr-central', 'chn-central-zh', 'chn-central-ar']);
    const [ar] = (await noticesOf('chn-central-ar', d.id)).filter((m) => m.kind === 'drafting.comment');
    expect(ar).toMatchObject({ subject: `تعليق جديد على مشروع الطلب \u2068${d.reference}\u2069`, link: `/drafting/shared/${d.id}` });

    // Once the share has ended, the requested State hears nothing more.
    expect((await as(t.app, s['gbr-drafter']!, 'DELETE', `${P}/drafts/${d.id}/shares`)).statusCode).toBe(204);
    expect((await as(t.app, s['gbr-drafter']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Sent.', audience: 'consultation' })).statusCode).toBe(201);
    expect((await noticesOf('chn-central-zh', d.id)).filter((m) => m.kind === 'drafting.comment')).toHaveLength(1);
  });

  it('a refused share tells nobody', async () => {
    const d = await draft();
    expect((await as(t.app, s['gbr-colleague']!, 'POST', `${P}/drafts/${d.id}/shares`, {})).statusCode).toBe(404);
    expect(await told(d.id, 'drafting.shared')).toEqual([]);
  });
});
