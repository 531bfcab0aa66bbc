import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { palermo } from '../../../test/support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { replay } from '../case.workflow.ts';
import { createCase } from '../cases.service.ts';

/** `palermo cases import` end to end, through the real command: a register in, cases with timelines that replay out. */

let t: TestDatabase;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  env = { DATABASE_URL: t.url };
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cases-import-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.drop();
});

function file(name: string, rows: Array<Record<string, string>>, raw?: string): string {
  const head = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const p = path.join(dir, name);
  fs.writeFileSync(p, raw ?? [head.join(','), ...rows.map((r) => head.map((h) => q(r[h] ?? '')).join(','))].join('\r\n'));
  return p;
}

const base = { kind: 'mla', channel: 'post', legal_basis: 'convention', legal_basis_article: 'UNTOC:18', crime_types: 'money-laundering;participation-in-ocg', measures: 'bank-records;freezing' };
const GOOD = [
  { ...base, direction: 'incoming', counterpart_state: 'CHN', reference: 'FRA-2025-0101', counterpart_reference: 'CHN-MLA-77', title: 'Bank records of a shell company', received_on: '2025-03-03', registered_on: '2025-03-05', accepted_on: '2025-04-01', passed_on: '2025-04-10', executing_authority: 'Tribunal judiciaire de Paris', status: 'executed', status_on: '2025-07-01', closed_on: '2025-07-15' },
  { ...base, direction: 'incoming', counterpart_state: 'NGA', reference: 'FRA-2025-0102', title: 'Hearing of a witness', received_on: '2025-05-02', review_started_on: '2025-05-10', consulted_on: '2025-06-01', consultation_note: 'Video call with the Nigerian central authority', status: 'refused', status_on: '2025-06-20', refusal_ground: 'dual-criminality', refusal_reasons: 'The conduct is not an offence under French law', measures: 'taking-evidence' },
  { ...base, direction: 'incoming', counterpart_state: 'MEX', reference: 'FRA-2025-0103', title: 'Search of a warehouse', received_on: '2025-09-01', info_requested_on: '2025-09-20', status: 'info_requested', status_on: '2025-09-20', legal_basis: 'reciprocity', legal_basis_article: '', measures: 'search-and-seizure', person_in_custody: 'yes', max_penalty_years: '10' },
  { ...base, kind: 'extradition', direction: 'outgoing', counterpart_state: 'EGY', reference: 'FRA-2025-0104', title: 'Extradition of a suspect', channel: 'diplomatic', sent_on: '2025-02-01', status: 'sent', counterpart_status: 'under_review', status_on: '2025-03-01', legal_basis: 'treaty', legal_basis_article: '', legal_basis_treaty: 'Bilateral extradition treaty', measures: 'extradition', deadline: '2026-01-31', deadline_reason: 'Custody limit' },
  { ...base, direction: 'outgoing', counterpart_state: 'CHN', reference: 'FRA-2025-0105', title: 'Tracing proceeds', channel: 'email', sent_on: '2025-01-10', status: 'sent', outcome: 'executed', closed_on: '2025-06-30', measures: 'identify-and-trace-proceeds' },
];

beforeAll(() => void file('good.csv', GOOD));

async function counts() {
  const n = async (table: 'cases_cases' | 'cases_events') => Number((await t.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { cases: await n('cases_cases'), events: await n('cases_events') };
}

describe('palermo cases import', () => {
  it('a dry run reports what would be registered and writes nothing', async () => {
    const before = await counts();
    const r = palermo(['cases', 'import', path.join(dir, 'good.csv'), '--state', 'FRA', '--dry-run'], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^5 rows: 5 cases of FRA would be registered with \d+ timeline entries \(.*\)\. \(dry run: nothing was written\)/);
    expect(await counts()).toEqual(before);
  });

  it('registers a good file: each case where the register says, its timeline dated and replaying to it, the import audited', async () => {
    const r = palermo(['cases', 'import', path.join(dir, 'good.csv'), '--state', 'fra', '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ state: 'FRA', rows: 5, created: 5, dryRun: false, byStatus: { closed: 2, refused: 1, info_requested: 1, sent: 1 } });

    const cases = await t.db.selectFrom('cases_cases').selectAll().where('reference', 'like', 'FRA-2025-01%').orderBy('reference').execute();
    expect(cases.map((c) => [c.reference, c.owner_state, c.direction, c.status, c.channel])).toEqual([
      ['FRA-2025-0101', 'FRA', 'incoming', 'closed', 'post'],
      ['FRA-2025-0102', 'FRA', 'incoming', 'refused', 'post'],
      ['FRA-2025-0103', 'FRA', 'incoming', 'info_requested', 'post'],
      ['FRA-2025-0104', 'FRA', 'outgoing', 'sent', 'diplomatic'],
      ['FRA-2025-0105', 'FRA', 'outgoing', 'closed', 'email'],
    ]);
    const [executed, refused, paused, extradition, traced] = cases;
    expect(executed).toMatchObject({ outcome: 'executed', counterpart_reference: 'CHN-MLA-77', measures: ['bank-records', 'freezing'] });
    expect(executed!.received_at!.toISOString().slice(0, 10)).toBe('2025-03-03');
    expect(executed!.closed_at!.toISOString().slice(0, 10)).toBe('2025-07-15');
    expect(executed!.authorities).toContainEqual(expect.objectContaining({ role: 'executing', name: 'Tribunal judiciaire de Paris' }));
    expect(refused).toMatchObject({ outcome: 'refused', refusal_ground: 'dual-criminality' });
    expect(paused!.paused_since!.toISOString().slice(0, 10)).toBe('2025-09-20');
    expect(paused!.priority_inputs).toMatchObject({ personInCustody: true, maxPenaltyYears: 10 });
    expect(extradition).toMatchObject({ counterpart_status: 'under_review', legal_basis: 'treaty', legal_basis_treaty: 'Bilateral extradition treaty', deadline_reason: 'Custody limit' });
    expect(traced).toMatchObject({ counterpart_status: 'executed' });

    for (const c of cases) {
      const timeline = await t.db.selectFrom('cases_events').selectAll().where('case_id', '=', c.id).orderBy('seq').execute();
      expect(replay(timeline), c.reference).toBe(c.status);
    }
    const steps = await t.db.selectFrom('cases_events').select(['type', 'occurred_at', 'data']).where('case_id', '=', executed!.id).orderBy('seq').execute();
    expect(steps.map((s) => [s.type, s.occurred_at.toISOString().slice(0, 10)])).toEqual([
      ['created', '2025-03-03'], ['register', '2025-03-05'], ['start_review', '2025-04-01'], ['accept', '2025-04-01'],
      ['pass_to_executing', '2025-04-10'], ['start_execution', '2025-07-01'], ['execute', '2025-07-01'], ['close', '2025-07-15'],
      ['note', new Date().toISOString().slice(0, 10)], // the import itself, dated when it ran
    ]);
    expect(steps.at(-1)!.data).toMatchObject({ imported: true, line: 2 });
    expect(steps[1]!.data).toMatchObject({ imported: true });
    expect(steps[2]!.data).toMatchObject({ imported: true, dateKnown: false }); // not in the register: dated by the next date it gives
    const refusal = await t.db.selectFrom('cases_events').select(['type', 'note']).where('case_id', '=', refused!.id).orderBy('seq').execute();
    expect(refusal.map((e) => e.type)).toEqual(['created', 'register', 'start_review', 'consult', 'refuse', 'note']);
    expect(refusal[3]!.note).toBe('Video call with the Nigerian central authority');

    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_username', 'details']).where('action', '=', 'cases.import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_username).toMatch(/^cli:/);
    expect(audit[0]!.details).toMatchObject({ state: 'FRA', created: 5 });
  });

  it('refuses a file with bad rows: exit code 1, each bad line named, nothing imported', async () => {
    // a case FRA already has (registered by hand)
    const officer = { kind: 'user' as const, id: '00000000-0000-0000-0000-000000000000', username: 'fra-officer', displayName: 'FRA officer', state: 'FRA', roles: ['officer' as const], demo: false, language: 'en', csrfToken: '' };
    await t.db.transaction().execute((trx) => createCase(trx, officer, { direction: 'incoming', kind: 'mla', counterpartState: 'DEU', reference: 'FRA-2026-0300', title: 'Registered by hand', channel: 'post', legalBasis: { type: 'reciprocity' } }));
    const before = await counts();
    const bad = palermo(['cases', 'import', file('bad.csv', [
      { ...GOOD[0]!, reference: 'FRA-2026-0201' }, // line 2: good
      { ...GOOD[0]!, reference: 'FRA-2026-0202', measures: 'bank-records;mind-reading' }, // line 3: unknown code
      { ...GOOD[0]!, reference: 'FRA-2026-0203', received_on: '2025-02-30' }, // line 4: no such date
      { ...GOOD[1]!, reference: 'FRA-2026-0204', consulted_on: '' }, // line 5: refused without consultation
      { ...GOOD[0]!, reference: 'FRA-2026-0205', counterpart_state: 'QQQ' }, // line 6: unknown State
      { ...GOOD[0]!, reference: 'FRA-2026-0300' }, // line 7: the reference of a case FRA already has
    ]), '--state', 'FRA'], env);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/problem\(s\) on 5 line\(s\) of the file; nothing was imported/);
    expect(bad.stderr).toMatch(/line 3, column measures: "mind-reading" is not a form of assistance/);
    expect(bad.stderr).toMatch(/line 4, column received_on: must be a real date/);
    expect(bad.stderr).toMatch(/line 5, column consulted_on: is required/);
    expect(bad.stderr).toMatch(/line 6, column counterpart_state: "QQQ" is not a known State code/);
    expect(bad.stderr).toMatch(/line 7, column reference: FRA already has a case "FRA-2026-0300"/);
    expect(bad.stderr).not.toMatch(/line 2,/);
    expect(await counts()).toEqual(before);
  });

  // runs of the real command: each starts a process and connects (seconds each on a loaded machine)
  it('refuses NUL bytes, a huge file and a file that is not CSV, changing nothing', { timeout: 180_000 }, async () => {
    const before = await counts();
    const good = fs.readFileSync(path.join(dir, 'good.csv'), 'utf8').replace(/FRA-2025-01/g, 'FRA-2027-01');
    const nul = palermo(['cases', 'import', file('nul.csv', [], good.replace('Bank records', 'Bank\u0000records')), '--state', 'FRA'], env);
    expect(nul.status).toBe(1);
    expect(nul.stderr).toMatch(/binary|NUL/);
    const huge = palermo(['cases', 'import', file('huge.csv', [], good + '\r\n'.repeat(10) + 'x'.repeat(6 * 1024 * 1024)), '--state', 'FRA'], env);
    expect(huge.status).toBe(1);
    expect(huge.stderr).toMatch(/larger than 5 MiB/);
    const quote = palermo(['cases', 'import', file('quote.csv', [], `${good}\r\nincoming,"unterminated`), '--state', 'FRA'], env);
    expect(quote.status).toBe(1);
    expect(quote.stderr).toMatch(/not valid CSV/);
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown or missing State, changing nothing', { timeout: 180_000 }, async () => {
    const before = await counts();
    const unknown = palermo(['cases', 'import', path.join(dir, 'good.csv'), '--state', 'ZZZ'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/"ZZZ" is not a known State code/);
    const missing = palermo(['cases', 'import', path.join(dir, 'good.csv')], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--state is required/);
    expect(await counts()).toEqual(before);
  });
});
