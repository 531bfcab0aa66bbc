import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAudit } from '../audit/audit.service.ts';
import { ensureDemoAccounts, type DemoCredential } from '../auth/demo-accounts.ts';
import { buildPalermoApp } from '../../app/server.ts';
import { loadConfig } from '../config.ts';
import { importPartyStatus } from '../../reference/party-status-import.ts';
import { stateExists } from '../../reference/reference.service.ts';
import { loadSampleCorpus } from '../../knowledge/seed/sample-corpus.ts';
import { loadDemoDirectory } from '../../directory/seed/demo-directory.ts';
import { completeDraftInput } from '../../drafting/test-fixtures.ts';
import { loadDemoCases } from '../../cases/seed/demo-cases.ts';
import { loadDemoReview } from '../../review/seed/demo-review.ts';
import { backup, restore } from './backup.ts';
import { dumpTables } from './table-dump.ts';
import type { Db } from '../db/database.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { palermo } from '../../../test/support/cli.ts';

/**
 * The round trip on a database like one after `npm start` and some use: sample corpus (records, recommendations,
 * links, search table with its generated keys), demo directory, demo and other accounts, drafts with versions,
 * shares and comments, a saved search, a party-status import, sessions and the audit log.
 */
let t: TestApp;
let demo: DemoCredential[] = [];
const s: Record<string, Session> = {};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-backup-'));
const file = path.join(dir, 'palermo.backup.gz');
const P = '/api/v1/drafting';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await loadSampleCorpus(db);
  await loadDemoDirectory(db);
  demo = await ensureDemoAccounts(db, (iso3) => stateExists(db, iso3));
  // the case tracker's demo: ~50 cases with dated timelines, statistics facts, and FRA ↔ CHN exchanges with their envelopes and evidences
  await loadDemoCases(db);
  // the review mechanism's demo: a cycle with its plan, groups and reviewers drawn, the published draws, question sets,
  // and Mexico's review with its participants and answers
  await loadDemoReview(db);
  for (const [name, roles, state] of [
    ['gbr-prac', ['practitioner'], 'GBR'],
    ['chn-officer', ['officer'], 'CHN'],
  ] as const) {
    await addUser(t, name, [...roles], state);
    s[name] = await login(t.app, name);
  }
  for (let i = 0; i < 2; i++) {
    const d = (await as(t.app, s['gbr-prac']!, 'POST', `${P}/drafts`, { content: completeDraftInput() })).json() as { id: string };
    expect((await as(t.app, s['gbr-prac']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 1, content: { title: `Draft ${i} — 第二版` } })).statusCode).toBe(200);
    expect((await as(t.app, s['gbr-prac']!, 'POST', `${P}/drafts/${d.id}/shares`, { note: 'For consultation.' })).statusCode).toBe(201);
    expect((await as(t.app, s['chn-officer']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Please add the ID number.' })).statusCode).toBe(201);
    // a stored document (the same court order on both drafts: stored once, referenced twice) and one of each draft's own
    for (const body of ['%PDF-1.7\nCourt order\n', `%PDF-1.7\nEvidence list ${i}\n`]) {
      const up = await as(t.app, s['gbr-prac']!, 'POST', `${P}/drafts/${d.id}/attachments?fileName=${encodeURIComponent(`pièce ${i}.pdf`)}`, Buffer.from(body), { 'content-type': 'application/pdf' });
      expect(up.statusCode, up.body).toBe(201);
    }
  }
  const saved = await as(t.app, s['chn-officer']!, 'POST', '/api/v1/saved-searches', { name: 'Art. 18', query: { article: 'UNTOC:18' }, email: false });
  expect(saved.statusCode, saved.body).toBe(201);
  await importPartyStatus(db, 'iso3,instrument,status,consented_on\nSOM,UNTOC,party,2021-07-13\n', { actor: { kind: 'anonymous' }, defaultSource: 'test' });
}, 120_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = async (db: Db, table: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n;
const lastAudit = (db: Db) =>
  db.selectFrom('audit_log').select(['seq', 'action']).where('seq', 'is not', null).$narrowType<{ seq: number }>().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

describe('backup and restore of a database full of real-looking data', () => {
  it('restores every table row by row into a new database; search, logins, sequences and the audit chain work after', async () => {
    for (const table of ['knowledge_records', 'knowledge_search', 'directory_authorities', 'drafting_draft_versions', 'drafting_comments', 'drafting_shares', 'users', 'saved_searches', 'stored_documents', 'stored_document_contents', 'document_refs',
      'cases_cases', 'cases_events', 'cases_stat_facts', 'cases_exchange_messages', 'cases_exchange_evidences', 'workflow_transitions']) {
      expect(await count(t.database.db, table), table).toBeGreaterThan(0);
    }
    const summary = await backup(t.database.db, file);
    const sourceAudit = await lastAudit(t.database.db);
    expect(sourceAudit.action).toBe('platform.backup'); // taking a backup is audited, and the backup holds that entry
    const before = await dumpTables(t.database.db);

    const target = await createTestDatabase({ empty: true });
    try {
      const restored = await restore(target.db, file);
      expect(restored.rows).toBe(summary.rows);
      const last = await lastAudit(target.db);
      expect(last).toMatchObject({ seq: sourceAudit.seq + 1, action: 'platform.restore' });
      const after = await dumpTables(target.db, { auditUpTo: sourceAudit.seq });
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      expect((await verifyAudit(target.db)).ok).toBe(true);

      const app = (await buildPalermoApp({ db: target.db, config: { ...loadConfig({}), dataDir: '/nonexistent' } }, { web: false })).app;
      try {
        await app.ready();
        // the same hits, for the public and for a restored account that logs in with its old password
        const officer = await login(app, 'chn-officer');
        for (const [who, url] of [[null, `/api/v1/search?q=${encodeURIComponent('司法协助')}`], [officer, `/api/v1/search?q=${encodeURIComponent('引渡')}`], [officer, '/api/v1/search?type=recommendation']] as const) {
          const was = await as(t.app, who ? s['chn-officer']! : null, 'GET', url);
          const is = await as(app, who, 'GET', url);
          expect(is.statusCode).toBe(200);
          expect(was.json().total, url).toBeGreaterThan(0);
          expect(is.json().total, url).toBeGreaterThan(0);
          expect(is.json().items.map((i: { id: string }) => i.id)).toEqual(was.json().items.map((i: { id: string }) => i.id));
          expect(is.json().total).toBe(was.json().total);
        }
        // the same review for the same focal point: its reviewers, stage and answers; and the draw still verifies
        const demoLogin = async (a: typeof app, name: string) => login(a, name, demo.find((d) => d.username === name)!.password);
        const reviews = async (a: typeof app) => {
          const fp = await demoLogin(a, 'demo-focal-point');
          const list = (await as(a, fp, 'GET', '/api/v1/reviews')).json() as { items: { id: string }[] };
          expect(list.items.length).toBeGreaterThan(0);
          const id = list.items[0]!.id;
          const one = (await as(a, fp, 'GET', `/api/v1/reviews/${id}`)).json() as { stage: string; reviewers: unknown[] };
          const q = (await as(a, fp, 'GET', `/api/v1/reviews/${id}/questionnaire`)).json() as { questions?: unknown; progress?: unknown };
          return { ids: list.items.map((r) => r.id), stage: one.stage, reviewers: one.reviewers, progress: JSON.stringify(q).length };
        };
        const reviewWas = await reviews(t.app);
        expect(await reviews(app)).toEqual(reviewWas);
        const draws = (await as(app, null, 'GET', '/api/v1/review/draws')).json() as { items: { id: string; status: string }[] };
        const drawn = draws.items.filter((d) => d.status === 'drawn');
        expect(drawn.length).toBeGreaterThan(0);
        for (const d of drawn) expect((await as(app, null, 'GET', `/api/v1/review/draws/${d.id}/verify`)).json()).toMatchObject({ ok: true });
        // the same cases for the same officer, and a new timeline entry continues the identity after the restored ones
        const cases = async (a: typeof app, who: Session | null) => (await as(a, who, 'GET', '/api/v1/cases?limit=100')).json() as { total: number; items: { id: string }[] };
        const casesWere = await cases(t.app, s['chn-officer']!);
        const casesAre = await cases(app, officer);
        expect(casesWere.total).toBeGreaterThan(0);
        expect(casesAre.items.map((c) => c.id)).toEqual(casesWere.items.map((c) => c.id));
        const open = casesAre.items[0]!.id;
        const noted = await as(app, officer, 'POST', `/api/v1/cases/${open}/events`, { type: 'note', note: 'Read after the restore.' });
        expect(noted.statusCode, noted.body).toBe(201);
        // new rows after the restore get new serial numbers (sequences continue after the restored rows)
        const maxSeq = async () => (await sql<{ m: string }>`SELECT max(seq)::text AS m FROM knowledge_search`.execute(target.db)).rows[0]!.m;
        const seqBefore = Number(await maxSeq());
        const draft = await as(app, officer, 'POST', `${P}/drafts`, { content: { ...completeDraftInput(), requested: { state: 'GBR', authorityName: 'Home Office' } } });
        expect(draft.statusCode, draft.body).toBe(201);
        await importPartyStatus(target.db, 'iso3,instrument,status\nNIU,TIP,none\n', { actor: { kind: 'anonymous' }, defaultSource: 't' });
        const rec = await sql<{ id: string }>`SELECT record_id AS id FROM knowledge_search LIMIT 1`.execute(target.db);
        await sql`UPDATE knowledge_search SET seq = nextval(pg_get_serial_sequence('knowledge_search', 'seq')) WHERE record_id = ${rec.rows[0]!.id}`.execute(target.db);
        expect(Number(await maxSeq())).toBeGreaterThan(seqBefore);
        expect((await verifyAudit(target.db)).ok).toBe(true);
      } finally {
        await app.close();
      }
    } finally {
      await target.drop();
    }
  }, 120_000);

  it('refuses to restore over a database that has data, and changes nothing there', async () => {
    const before = await count(t.database.db, 'knowledge_records');
    await expect(restore(t.database.db, file)).rejects.toThrow(/not empty/);
    expect(await count(t.database.db, 'knowledge_records')).toBe(before);
  });

  it('`palermo backup`, `backup verify`, `restore`, `audit verify` from the command line, as an operator would', async () => {
    const cliFile = path.join(dir, 'cli.gz');
    const b = palermo(['backup', cliFile], { DATABASE_URL: t.database.url });
    expect(b.stderr).toBe('');
    expect(b.stdout).toMatch(/Backup written to .*cli\.gz: \d+ tables, \d+ rows, SHA-256 [0-9a-f]{64}/);
    const v = palermo(['backup', 'verify', cliFile], {});
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/knowledge_search +\d+ rows {2}OK/);
    expect(v.stdout).toMatch(/Backup intact: \d+ tables/);
    const sourceAudit = await lastAudit(t.database.db);
    const target = await createTestDatabase({ empty: true });
    try {
      const r = palermo(['restore', cliFile], { DATABASE_URL: target.url });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/Restored \d+ rows/);
      expect(r.status).toBe(0);
      expect(await dumpTables(target.db, { auditUpTo: sourceAudit.seq })).toEqual(await dumpTables(t.database.db));
      const a = palermo(['audit', 'verify'], { DATABASE_URL: target.url });
      expect(a.stdout).toMatch(/Audit log intact/);
      expect(a.status).toBe(0);
    } finally {
      await target.drop();
    }
  }, 120_000);
  it('restores into a new data directory of the embedded server, where the audit chain verifies and the accounts are back', async () => {
    if (!fs.existsSync(file)) await backup(t.database.db, file); // when run alone
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-restore-'));
    fs.chmodSync(dataDir, 0o755); // the embedded server may run as another OS user
    const env = { PALERMO_DATA_DIR: dataDir, DATABASE_URL: '', PALERMO_DEMO: '' };
    try {
      const r = palermo(['restore', file], env);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const a = palermo(['audit', 'verify'], env);
      expect(a.stdout).toMatch(/Audit log intact/);
      const u = palermo(['users', 'list', '--json'], env);
      expect(u.status).toBe(0);
      expect(u.stdout).toMatch(/"chn-officer"/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
