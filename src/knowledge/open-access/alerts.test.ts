import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import type { Db } from '../../platform/db/database.ts';
import { usersByIds } from '../../platform/auth/accounts.service.ts';
import { createRecord } from '../records.service.ts';
import { recordInput } from '../knowledge.schemas.ts';
import { MAX_ATTEMPTS } from '../../platform/notifications/outbox.ts';
import { setMailer } from '../../platform/notifications/mailer.ts';
import { runAlerts } from './saved-searches.service.ts';
import { providerFor } from '../search.service.ts';
import { rebuildSearch } from '../search/rebuild.ts';

/**
 * Saved-search alerts reach their owner exactly once per record: runs that overlap (the server's timer,
 * `palermo import`, `palermo alerts run`) do not both announce it, a failing mail server does not repeat
 * the inbox message, and a record whose transaction commits late is still announced.
 */

let t: TestApp;
let sec: Session;
let officer: Session;
let n = 0;

const record = (title: string) => ({
  type: 'guide',
  lang: 'en',
  title,
  fullText: `${title}. Extradition under article 16.`,
  links: [{ predicate: 'cites', instrument: 'UNTOC', article: 16 }],
});

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'alert-sec', ['secretariat'], null);
  await addUser(t, 'alert-officer', ['officer'], 'DEU');
  await t.database.db.updateTable('users').set({ email: 'alert@example.org' }).where('username', '=', 'alert-officer').execute();
  sec = await login(t.app, 'alert-sec');
  officer = await login(t.app, 'alert-officer');
});
afterEach(() => setMailer(null));
afterAll(() => t.close());

/** A new saved search with its own word, so each test sees only its own records. */
async function savedSearch(email = false): Promise<string> {
  const word = `alertword${++n}x`;
  const res = await as(t.app, officer, 'POST', '/api/v1/saved-searches', { name: word, query: { q: word }, email });
  expect(res.statusCode).toBe(201);
  return word;
}

async function addRecord(title: string): Promise<void> {
  expect((await as(t.app, sec, 'POST', '/api/v1/records', record(title))).statusCode).toBe(201);
}

async function inboxFor(word: string): Promise<Array<{ subject: string; params: { items: Array<{ title: string }> } }>> {
  const items = (await as(t.app, officer, 'GET', '/api/v1/me/notifications?limit=200')).json().items as Array<{ subject: string; params: { items: Array<{ title: string }> } }>;
  return items.filter((m) => m.subject.includes(word));
}

/** A mail transport whose every sendMail goes through `send`. */
function transport(send: (to: string, subject: string) => Promise<void>): Transporter {
  const tr = nodemailer.createTransport({ jsonTransport: true });
  tr.sendMail = (async (m: { to: string; subject: string }) => send(m.to, m.subject)) as never;
  return tr;
}

describe('saved-search alerts', () => {
  it('two runs at the same time announce a record once', async () => {
    const word = await savedSearch();
    await addRecord(`Concurrent ${word}`);
    const runs = await Promise.all([runAlerts(t.database.db), runAlerts(t.database.db), runAlerts(t.database.db)]);
    expect(runs.reduce((sum, r) => sum + r.notified, 0)).toBe(1);
    const inbox = await inboxFor(word);
    expect(inbox.map((m) => m.params.items.map((i) => i.title))).toEqual([[`Concurrent ${word}`]]);
    // And again later: nothing new.
    expect((await runAlerts(t.database.db)).notified).toBe(0);
    expect(await inboxFor(word)).toHaveLength(1);
  });

  it('a run does not start while another is busy (the timer skips, a command waits its turn)', async () => {
    const word = await savedSearch(true);
    await addRecord(`Slow mail ${word}`);
    let release!: () => void;
    let entered!: () => void;
    const inSend = new Promise<void>((r) => (entered = r));
    const gate = new Promise<void>((r) => (release = r));
    setMailer(transport(async () => (entered(), gate)));
    const first = runAlerts(t.database.db);
    await inSend; // the first run is sending its e-mail, holding the lock
    expect(await runAlerts(t.database.db, '', { wait: false })).toMatchObject({ skipped: true, notified: 0 });
    const second = runAlerts(t.database.db);
    release();
    expect(await first).toMatchObject({ notified: 1, emails: 1, skipped: false });
    expect(await second).toMatchObject({ notified: 0, emails: 0, skipped: false });
    expect(await inboxFor(word)).toHaveLength(1);
  });

  it('a failing mail server does not repeat the inbox message; the e-mail is retried a bounded number of times', async () => {
    const word = await savedSearch(true);
    await addRecord(`Mail fails ${word}`);
    const attempts: string[] = [];
    setMailer(transport(async (to) => {
      attempts.push(to);
      throw new Error('421 mail server unavailable');
    }));
    expect(await runAlerts(t.database.db)).toMatchObject({ notified: 1, emails: 0, emailsFailed: 1 });
    const due = () => t.database.db.updateTable('notification_emails').set({ next_attempt_at: new Date(0) }).where('sent_at', 'is', null).execute();
    for (let i = 0; i < MAX_ATTEMPTS + 3; i++) {
      await due(); // as if the wait before the next attempt had passed
      expect((await runAlerts(t.database.db)).notified).toBe(0);
    }
    expect(attempts).toEqual(Array(MAX_ATTEMPTS).fill('alert@example.org'));
    expect(await inboxFor(word)).toHaveLength(1);
    const mail = await t.database.db.selectFrom('notification_emails').selectAll().where('subject', 'like', `%${word}%`).executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ attempts: MAX_ATTEMPTS, sent_at: null, last_error: '421 mail server unavailable' });
  });

  it('an e-mail that failed once is sent by a later run, still with one inbox message', async () => {
    const word = await savedSearch(true);
    await addRecord(`Mail recovers ${word}`);
    const sent: string[] = [];
    let up = false;
    setMailer(transport(async (_to, subject) => {
      if (!up) throw new Error('connection refused');
      sent.push(subject);
    }));
    expect(await runAlerts(t.database.db)).toMatchObject({ notified: 1, emails: 0, emailsFailed: 1 });
    // Not yet due: the next run leaves it alone.
    up = true;
    expect(await runAlerts(t.database.db)).toMatchObject({ notified: 0, emails: 0 });
    await t.database.db.updateTable('notification_emails').set({ next_attempt_at: new Date(0) }).where('sent_at', 'is', null).execute();
    expect(await runAlerts(t.database.db)).toMatchObject({ notified: 0, emails: 1 });
    expect(await runAlerts(t.database.db)).toMatchObject({ notified: 0, emails: 0 });
    expect(sent).toEqual([`Palermo: 1 new record for “${word}”`]);
    expect(await inboxFor(word)).toHaveLength(1);
  });

  it('a record whose transaction began before a run but committed after it is announced by the next run', async () => {
    const db = t.database.db;
    // A record that does not match yet; re-indexed below under a matching title by a quick transaction.
    const quick = (await as(t.app, sec, 'POST', '/api/v1/records', record('Quick commit, no match yet'))).json().id as string;
    const word = await savedSearch();
    const secId = (await db.selectFrom('users').select('id').where('username', '=', 'alert-sec').executeTakeFirstOrThrow()).id;
    const [secUser] = await usersByIds(db, [secId]);
    // A slow import: its record is written (and indexed) first, but its transaction commits last.
    let commit!: () => void;
    let written!: () => void;
    const wasWritten = new Promise<void>((r) => (written = r));
    const slow = db.transaction().execute(async (trx) => {
      await createRecord(trx as unknown as Db, secUser!.actor, recordInput.parse(record(`Late commit ${word}`)));
      written();
      await new Promise<void>((r) => (commit = r));
    });
    await wasWritten;
    // Meanwhile another transaction indexes a matching entry and commits (the slow one holds the audit
    // chain's lock, so this one writes the index directly).
    await providerFor(db).index([{ recordId: quick, type: 'guide', lang: 'en', title: `Quick commit ${word}`, text: word, date: null,
      states: [], groups: [], instruments: [], articles: [], clusters: [], crimes: [], access: 'public', accessState: null }]);
    expect((await runAlerts(db)).notified).toBe(1);
    commit();
    await slow;
    expect((await runAlerts(db)).notified).toBe(1);
    expect((await runAlerts(db)).notified).toBe(0);
    const inbox = await inboxFor(word);
    expect(inbox.map((m) => m.params.items.map((i) => i.title)).sort()).toEqual([[`Late commit ${word}`], [`Quick commit ${word}`]]);
  });

  it('records that existed when the search was saved are not new, and deleting a search stops its alerts', async () => {
    const word = `alertold${++n}x`;
    await addRecord(`Old ${word}`);
    const res = await as(t.app, officer, 'POST', '/api/v1/saved-searches', { name: word, query: { q: word }, email: false });
    expect((await runAlerts(t.database.db)).notified).toBe(0);
    expect((await as(t.app, officer, 'DELETE', `/api/v1/saved-searches/${res.json().id}`)).statusCode).toBe(204);
    await addRecord(`New ${word}`);
    expect((await runAlerts(t.database.db)).notified).toBe(0);
    expect(await inboxFor(word)).toEqual([]);
  });
  it('a search rebuild (palermo search rebuild) announces nothing the searches had already seen', async () => {
    const word = `alertrebuild${++n}x`;
    await addRecord(`Before ${word}`);
    expect((await as(t.app, officer, 'POST', '/api/v1/saved-searches', { name: word, query: { q: word }, email: false })).statusCode).toBe(201);
    await addRecord(`Announced ${word}`);
    expect((await runAlerts(t.database.db)).notified).toBe(1);
    await rebuildSearch(t.database.db, { actor: null });
    await addRecord(`After ${word}`);
    expect((await runAlerts(t.database.db)).notified).toBe(1);
    const inbox = await inboxFor(word);
    expect(inbox.map((m) => m.params.items.map((i) => i.title)).sort()).toEqual([[`After ${word}`], [`Announced ${word}`]]);
  });
});
