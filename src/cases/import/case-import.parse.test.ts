import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../platform/http/errors.ts';
import { replay } from '../case.workflow.ts';
import { parseCaseFile } from './case-import.parse.ts';
import { IMPORT_STATUSES } from './case-import.row.ts';

/** The bulk-registration file read and checked, without a database: what a row means, and how a bad one is named. */

const TODAY = '2026-12-01';
const HEAD = 'direction,kind,counterpart_state,reference,title,channel,received_on,sent_on,legal_basis,legal_basis_article,legal_basis_treaty,measures,crime_types,offences,executing_authority,status,status_on,registered_on,review_started_on,accepted_on,passed_on,consulted_on,refusal_ground,refusal_reasons,forwarded_to,closed_on,outcome';
const csv = (...rows: string[]) => [HEAD, ...rows].join('\n');
/** A file from rows given by column name (the header is every column named). */
function file(rows: Array<Record<string, string>>): string {
  const head = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [head.join(','), ...rows.map((r) => head.map((h) => q(r[h] ?? '')).join(','))].join('\n');
}
const INCOMING = 'incoming,mla,CHN,FRA-MLA-2025-0001,Bank records of a shell company,post,2025-03-03,,convention,UNTOC:18,,bank-records;freezing,money-laundering,Laundering of proceeds | Participation,Tribunal judiciaire de Paris';

function problems(text: string): Array<{ path: string; message: string }> {
  try {
    parseCaseFile(text, TODAY);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).issues;
  }
  throw new Error('the file was accepted');
}

/** The timeline a plan leads to, as replay() reads it: the creation, then each transition. */
function timelineOf(plan: ReturnType<typeof parseCaseFile>[number]['plan']) {
  let state: string = plan.createdState;
  const events: Array<{ type: string; from_state: string | null; to_state: string | null }> = [{ type: 'created', from_state: null, to_state: state }];
  for (const s of plan.steps) {
    const to = (replayTarget[s.action] ?? null) as string | null;
    events.push({ type: s.action, from_state: to ? state : null, to_state: to });
    if (to) state = to;
  }
  return events;
}
const replayTarget: Record<string, string> = {
  register: 'registered', start_review: 'under_review', accept: 'accepted', pass_to_executing: 'passed', assign: 'assigned',
  start_execution: 'in_execution', report_partial: 'partially_executed', execute: 'executed', refuse: 'refused', close: 'closed',
  request_info: 'info_requested', supply_info: 'under_review', return_incomplete: 'returned', forward: 'forwarded', withdraw: 'withdrawn',
  postpone: 'postponed', submit: 'ready', send: 'sent',
};

describe('the case import file', () => {
  it('reads an executed and closed incoming case into the transitions the machine needs, dated', () => {
    const [c] = parseCaseFile(csv(`${INCOMING},executed,2025-07-01,2025-03-05,,2025-04-01,2025-04-10,,,,,2025-07-15,`), TODAY);
    expect(c!.line).toBe(2);
    expect(c!.row).toMatchObject({ measures: ['bank-records', 'freezing'], offences: ['Laundering of proceeds', 'Participation'], counterpart_state: 'CHN' });
    expect(c!.plan.createdOn).toBe('2025-03-03');
    expect(c!.plan.steps.map((s) => [s.action, s.on, s.dateKnown])).toEqual([
      ['register', '2025-03-05', true],
      ['start_review', '2025-04-01', false], // not in the row: dated by the next date it gives
      ['accept', '2025-04-01', true],
      ['pass_to_executing', '2025-04-10', true],
      ['start_execution', '2025-07-01', false],
      ['execute', '2025-07-01', true],
      ['close', '2025-07-15', true],
    ]);
    expect(c!.plan.steps[3]!.body).toEqual({ authority: { name: 'Tribunal judiciaire de Paris' } });
    expect(c!.plan.finalState).toBe('closed');
  });

  it('puts the consultation before a refusal, with its ground and reasons', () => {
    const [c] = parseCaseFile(csv(`${INCOMING},refused,2025-05-20,,2025-03-10,,,2025-05-02,dual-criminality,The conduct is not an offence under French law,,,`), TODAY);
    expect(c!.plan.steps.map((s) => s.action)).toEqual(['register', 'start_review', 'consult', 'refuse']);
    expect(c!.plan.steps[3]!.body).toMatchObject({ ground: 'dual-criminality', reasons: 'The conduct is not an offence under French law' });
  });

  it('plans every status an imported case may have into a timeline that replays to it', () => {
    const extra: Record<string, Record<string, string>> = {
      refused: { consulted_on: '2025-05-01', refusal_ground: 'dual-criminality', refusal_reasons: 'No such offence in our law' },
      postponed: { consulted_on: '2025-05-01', status_note: 'A trial on the same facts is under way here' },
      forwarded: { forwarded_to: 'Parquet national financier' },
    };
    const base = { kind: 'mla', counterpart_state: 'CHN', reference: 'FRA-2025-1', title: 'A case', channel: 'post', legal_basis: 'reciprocity', executing_authority: 'Tribunal judiciaire de Paris' };
    for (const status of IMPORT_STATUSES.incoming) {
      const [c] = parseCaseFile(file([{ ...base, direction: 'incoming', received_on: '2025-01-02', status, status_on: status === 'received' ? '' : '2025-06-01', ...extra[status] }]), TODAY);
      expect(replay(timelineOf(c!.plan) as never), status).toBe(status);
    }
    for (const status of IMPORT_STATUSES.outgoing) {
      const sent = status === 'sent' || status === 'withdrawn';
      const [c] = parseCaseFile(file([{ ...base, direction: 'outgoing', sent_on: sent ? '2025-02-01' : '', status, status_on: status === 'preparing' ? '' : '2025-06-01' }]), TODAY);
      expect(replay(timelineOf(c!.plan) as never), status).toBe(status);
    }
    // closed after their outcome, with what the requested State reported for an outgoing case
    const [inClosed, outClosed] = parseCaseFile(file([
      { ...base, direction: 'incoming', received_on: '2025-01-02', status: 'withdrawn', status_on: '2025-03-01', closed_on: '2025-03-02' },
      { ...base, reference: 'FRA-2025-2', direction: 'outgoing', sent_on: '2025-01-02', status: 'sent', outcome: 'partially-executed', closed_on: '2025-09-01' },
    ]), TODAY);
    expect(replay(timelineOf(inClosed!.plan) as never)).toBe('closed');
    expect(outClosed!.plan.steps.map((x) => [x.action, x.body])).toEqual([['record_counterpart_status', { status: 'partially-executed' }], ['close', {}]]);
  });

  it('names every bad line with its column and reason, and accepts none of the file', () => {
    const issues = problems(csv(
      `${INCOMING},executed,2025-07-01,,,,,,,,,,`, // line 2: good
      INCOMING.replace('bank-records', 'torture-warrant') + ',registered,2025-02-30,,,,,,,,,,', // line 3: unknown code, impossible date
      INCOMING.replace('FRA-MLA-2025-0001', 'FRA-MLA-2025-0003') + ',refused,2025-05-20,,,,,,,,,,', // line 4: refusal without consultation nor ground
      INCOMING.replace(',CHN,', ',FR,') + ',received,,,,,,,,,,,', // line 5: bad State code
      `${INCOMING},received,,,,,,,,,,,`, // line 6: same reference as line 2
    ));
    const paths = issues.map((i) => i.path);
    expect(paths).not.toContainEqual(expect.stringMatching(/^line 2,/));
    expect(issues).toContainEqual({ path: 'line 3, column measures', message: expect.stringMatching(/"torture-warrant" is not a form of assistance/) });
    expect(issues).toContainEqual({ path: 'line 3, column status_on', message: expect.stringMatching(/real date/) });
    expect(paths).toEqual(expect.arrayContaining(['line 4, column consulted_on', 'line 4, column refusal_ground', 'line 4, column refusal_reasons']));
    expect(paths).toContain('line 5, column counterpart_state');
    expect(issues).toContainEqual({ path: 'line 6, column reference', message: '"FRA-MLA-2025-0001" is already the reference of line 2' });
  });

  it('refuses dates out of the workflow’s order, in the future, and steps beyond the status', () => {
    const issues = problems(csv(
      `${INCOMING},accepted,2025-03-01,2025-03-05,,,,,,,,,`, // accepted before it was registered
      `${INCOMING.replace('0001', '0002')},executed,2027-01-01,,,,,,,,,,`, // in the future
      `${INCOMING.replace('0001', '0004')},under_review,2025-04-01,,,,2025-05-01,,,,,,`, // passed, yet only under review
      `${INCOMING.replace('0001', '0005')},under_review,2025-04-01,,,,,,,,,2025-05-01,`, // closed while open
    ));
    expect(issues).toContainEqual({ path: 'line 2, column status_on', message: expect.stringMatching(/before 2025-03-05 \(registered_on\)/) });
    expect(issues).toContainEqual({ path: 'line 3, column status_on', message: '2027-01-01 is in the future' });
    expect(issues).toContainEqual({ path: 'line 4, column passed_on', message: expect.stringMatching(/did not reach "passed"/) });
    expect(issues).toContainEqual({ path: 'line 5, column closed_on', message: expect.stringMatching(/closed only once it has ended/) });
  });

  it('refuses NUL bytes, a wrong header, a non-platform channel rule and a file too large', () => {
    expect(() => parseCaseFile(csv(`${INCOMING},received,,,,,,,,,,,`).replace('Bank', 'Ba\u0000nk'), TODAY)).toThrow(/NUL/);
    expect(problems('direction,kind,colour\nincoming,mla,red')).toEqual(expect.arrayContaining([
      { path: 'line 1', message: 'missing column "reference"' },
      { path: 'line 1', message: expect.stringMatching(/^unknown column "colour"/) },
    ]));
    expect(problems(csv(`${INCOMING.replace(',post,', ',platform,')},received,,,,,,,,,,,`))).toContainEqual({
      path: 'line 2, column channel', message: expect.stringMatching(/not exchanged through the platform/),
    });
    const huge = Buffer.alloc(6 * 1024 * 1024, 'a');
    expect(() => parseCaseFile(huge, TODAY)).toThrow(/larger than 5 MiB/);
    const many = csv(...Array.from({ length: 5001 }, (_, i) => `${INCOMING.replace('0001', String(i))},received,,,,,,,,,,,`));
    expect(() => parseCaseFile(many, TODAY)).toThrow(/at most 5000/);
  });
});
