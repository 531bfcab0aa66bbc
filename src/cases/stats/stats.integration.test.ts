import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type TestApp } from '../../../test/support/app.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { createCase, recordEvent } from '../cases.service.ts';
import { casePeople, eventFor, incomingInput, type CasePeople } from '../test-fixtures.ts';

/**
 * The facts kept by the real thing: cases created and moved through core's createCase / recordEvent (with
 * `occurredAt`, as an import or an exchange would), each event refreshing the fact row in its transaction.
 */
const DAY = 86_400_000;
const T0 = Date.parse('2025-06-02T08:00:00Z');
const at = (d: number) => new Date(T0 + d * DAY);
let t: TestApp;
let p: CasePeople;

beforeAll(async () => {
  t = await createTestApp();
  p = await casePeople(t.database.db, 'stats');
});
afterAll(() => t.close());

describe('facts kept in step with the case by core’s service', () => {
  it('an incoming request received, reviewed, paused 20 days for information, executed and closed', async () => {
    const db = t.database.db;
    const c = await inTransaction(db, (trx) => createCase(trx, p.fraOfficer, incomingInput('DEU'), { occurredAt: at(0) }));
    const steps: Array<[Parameters<typeof eventFor>[0], number]> = [
      ['register', 1], ['start_review', 1], ['request_info', 5], ['supply_info', 25], ['accept', 30], ['pass_to_executing', 31],
      ['start_execution', 31], ['execute', 41],
    ];
    for (const [type, d] of steps) await inTransaction(db, (trx) => recordEvent(trx, p.fraOfficer, c.id, eventFor(type), { occurredAt: at(d) }));
    const open = await db.selectFrom('cases_stat_facts').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(open).toMatchObject({ status: 'executed', total_seconds: null, review_seconds: 9 * 86400, execution_seconds: 10 * 86400, outside_system: true, counterpart_group: 'weog' });
    await inTransaction(db, (trx) => recordEvent(trx, p.fraOfficer, c.id, eventFor('close'), { occurredAt: at(45) }));
    const f = await db.selectFrom('cases_stat_facts').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(f).toMatchObject({
      owner_state: 'FRA', direction: 'incoming', kind: 'mla', legal_basis: 'convention', convention_article: 'UNTOC:18', status: 'closed',
      start_on: '2025-06-02', closed_on: '2025-07-17', total_seconds: 25 * 86400, registration_seconds: 86400, review_seconds: 9 * 86400,
      transfer_seconds: 86400, execution_seconds: 10 * 86400, measures: ['bank-records'], crime_types: ['fraud', 'money-laundering'],
    });

    // its rows per item (cases_stat_items) follow the facts: one per form of assistance and per crime type
    const items = await db.selectFrom('cases_stat_items').select(['dimension', 'value', 'total_seconds']).where('case_id', '=', c.id).orderBy('dimension').orderBy('value').execute();
    expect(items).toEqual([
      { dimension: 'crime-type', value: 'fraud', total_seconds: 25 * 86400 }, { dimension: 'crime-type', value: 'money-laundering', total_seconds: 25 * 86400 },
      { dimension: 'measure', value: 'bank-records', total_seconds: 25 * 86400 },
    ]);

    const officer = await login(t.app, 'stats-fra-officer');
    const res = await as(t.app, officer, 'GET', '/api/v1/cases/stats?by=measure&from=2025-01-01&to=2025-12-31');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().groups).toEqual([expect.objectContaining({ keys: { measure: 'bank-records' }, count: 1, closed: 1, outside: 1, convention: 1, totalDays: { median: 25, p90: 25, n: 1 } })]);
    const deu = await as(t.app, await login(t.app, 'stats-deu-officer'), 'GET', '/api/v1/cases/stats');
    expect(deu.json().total.count).toBe(0);
  });
});
