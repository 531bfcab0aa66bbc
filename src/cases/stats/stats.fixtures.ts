import type { Db } from '../../platform/db/database.ts';
import { refreshCaseFacts } from './facts.ts';

/**
 * A hand-built set of cases with known timelines, written straight into the case tables (as core's createCase and
 * recordEvent would leave them) and their facts refreshed, for the statistics' tests. Times are days after BASE.
 * Expected figures (days, paused time excluded) are worked out by hand in stats.routes.test.ts.
 */
export const BASE = Date.parse('2025-03-01T09:00:00Z');
const at = (d: number) => new Date(BASE + d * 86_400_000);

export interface FixtureCase {
  name: string;
  owner: string;
  direction: 'incoming' | 'outgoing';
  kind: string;
  counterpart: string;
  legalBasis: 'convention' | 'treaty' | 'reciprocity' | 'domestic-law';
  channel?: string;
  measures?: string[];
  crimeTypes?: string[];
  outcome?: string;
  refusalGround?: string;
  /** [to_state, action, day]; the first is the creation (received or preparing) */
  timeline: Array<[string, string, number]>;
}

/** The incoming path up to execution: received d0 … executed, closed on day `closeDay`. */
export const executed = (reg: number, accept: number, pass: number, exec: number, closeDay: number): Array<[string, string, number]> => [
  ['received', 'created', 0], ['registered', 'register', reg], ['under_review', 'start_review', reg], ['accepted', 'accept', accept],
  ['passed', 'pass_to_executing', pass], ['in_execution', 'start_execution', pass], ['executed', 'execute', exec], ['closed', 'close', closeDay],
];


export async function insertFixtureCase(db: Db, c: FixtureCase): Promise<string> {
  const last = c.timeline[c.timeline.length - 1]!;
  const when = (state: string) => c.timeline.find((t) => t[0] === state)?.[2];
  const day = (s: string) => (when(s) === undefined ? null : at(when(s)!));
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('cases_cases')
      .values({
        owner_state: c.owner,
        direction: c.direction,
        kind: c.kind as never,
        counterpart_state: c.counterpart,
        reference: `${c.owner}-${c.name}`,
        title: `Fixture ${c.name}`,
        status: last[0] as never,
        channel: (c.channel ?? 'platform') as never,
        legal_basis: c.legalBasis,
        legal_basis_article: c.legalBasis === 'convention' ? 'UNTOC:18' : null,
        measures: c.measures ?? ['taking-evidence'],
        crime_types: c.crimeTypes ?? ['money-laundering'],
        received_at: c.direction === 'incoming' ? day('received') : null,
        sent_at: day('sent'),
        closed_at: day('closed'),
        outcome: c.outcome ?? (when('executed') !== undefined ? 'executed' : null),
        refusal_ground: c.refusalGround ?? null,
        created_by_name: 'fixture',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let from: string | null = null;
    for (const [i, [to, type, d]] of c.timeline.entries()) {
      const transition = to !== '-';
      await trx
        .insertInto('cases_events')
        .values({
          case_id: row.id, seq: i + 1, type, from_state: transition ? (from as never) : null, to_state: transition ? (to as never) : null,
          actor_name: 'fixture', actor_state: c.owner, occurred_at: at(d),
        })
        .execute();
      if (transition) from = to;
    }
    await refreshCaseFacts(trx, row.id);
    return row.id;
  });
}

/**
 * FRA's set: eight incoming cases and one outgoing, all in 2025; DEU's: five incoming MLA cases of 10 days.
 * Totals (days, FRA, closed): A 32, B 25 (45 less 20 waiting for information), C 54, D 20, F 15, H 60, I 100, O 30.
 */
export const FIXTURE: FixtureCase[] = [
  { name: 'A', owner: 'FRA', direction: 'incoming', kind: 'mla', counterpart: 'DEU', legalBasis: 'convention', timeline: executed(2, 10, 12, 30, 32) },
  {
    name: 'B', owner: 'FRA', direction: 'incoming', kind: 'mla', counterpart: 'DEU', legalBasis: 'convention',
    timeline: [
      ['received', 'created', 0], ['registered', 'register', 1], ['under_review', 'start_review', 1], ['info_requested', 'request_info', 5],
      ['under_review', 'supply_info', 25], ['accepted', 'accept', 30], ['passed', 'pass_to_executing', 31], ['in_execution', 'start_execution', 31],
      ['executed', 'execute', 41], ['closed', 'close', 45],
    ],
  },
  { name: 'C', owner: 'FRA', direction: 'incoming', kind: 'mla', counterpart: 'BRA', legalBasis: 'treaty', channel: 'email', timeline: executed(3, 13, 14, 54, 54) },
  {
    name: 'D', owner: 'FRA', direction: 'incoming', kind: 'extradition', counterpart: 'NGA', legalBasis: 'reciprocity', channel: 'post',
    outcome: 'refused', refusalGround: 'dual-criminality', crimeTypes: ['fraud'],
    timeline: [['received', 'created', 0], ['registered', 'register', 1], ['under_review', 'start_review', 1], ['-', 'consult', 5], ['refused', 'refuse', 11], ['closed', 'close', 20]],
  },
  { name: 'E', owner: 'FRA', direction: 'incoming', kind: 'mla', counterpart: 'BRA', legalBasis: 'convention', timeline: [['received', 'created', 0], ['registered', 'register', 4]] },
  { name: 'F', owner: 'FRA', direction: 'incoming', kind: 'mla', counterpart: 'DEU', legalBasis: 'convention', measures: ['taking-evidence', 'bank-records'], timeline: executed(1, 5, 5, 14, 15) },
  { name: 'H', owner: 'FRA', direction: 'incoming', kind: 'mla', counterpart: 'NGA', legalBasis: 'treaty', measures: [], timeline: executed(1, 5, 5, 59, 60) },
  { name: 'I', owner: 'FRA', direction: 'incoming', kind: 'extradition', counterpart: 'NGA', legalBasis: 'convention', crimeTypes: ['trafficking-in-persons'], timeline: executed(1, 5, 5, 99, 100) },
  {
    name: 'O', owner: 'FRA', direction: 'outgoing', kind: 'mla', counterpart: 'DEU', legalBasis: 'convention',
    timeline: [['preparing', 'created', 0], ['ready', 'submit', 1], ['sent', 'send', 3], ['closed', 'close', 33]],
  },
  ...[1, 2, 3, 4, 5].map((i): FixtureCase => ({
    name: `G${i}`, owner: 'DEU', direction: 'incoming', kind: 'mla', counterpart: 'FRA', legalBasis: 'convention', timeline: executed(1, 2, 3, 9, 10),
  })),
];

export async function loadFixture(db: Db): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const c of FIXTURE) ids.set(`${c.owner}-${c.name}`, await insertFixtureCase(db, c));
  return ids;
}
