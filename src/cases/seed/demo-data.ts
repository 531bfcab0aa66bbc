import type { CaseChannel, CaseKind, CrimeType, LegalBasis } from '../case.vocabulary.ts';
import type { NewCase } from '../cases.schemas.ts';
import { SCENARIOS, type Scenario, type ScenarioStep } from './demo-scenarios.ts';

/**
 * The demo cases, generated from a fixed seed: the same list on every machine for the same day. Realistic in
 * shape (kinds, legal bases — mostly the Convention —, crime types, forms of assistance, how long each stage
 * takes), fictitious in content: every title and person is marked as such. Dates are counted back from `today`
 * over the last 18 months, so the work queue and the statistics look alive whenever the demo is started.
 */

export interface DemoStep extends ScenarioStep {
  /** The day it happened (YYYY-MM-DD). */
  on: string;
}

export interface DemoCase {
  owner: string;
  /** The demo account assigned to it (a practitioner sees only cases assigned to them). */
  assign?: string;
  newCase: NewCase;
  createdOn: string;
  scenario: string;
  steps: DemoStep[];
}

/** mulberry32: a small, well-known seeded generator (deterministic, good enough for demo data). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

interface KindProfile {
  kind: CaseKind;
  code: string;
  weight: number;
  article: string;
  measures: readonly string[][];
  crimes: readonly CrimeType[][];
  titles: readonly string[];
}

const KINDS: readonly KindProfile[] = [
  {
    kind: 'mla', code: 'MLA', weight: 10, article: 'UNTOC:18',
    measures: [['bank-records', 'freezing'], ['taking-evidence', 'video-link-hearing'], ['e-evidence-subscriber', 'e-evidence-traffic'], ['search-and-seizure'], ['service-of-documents'], ['identify-and-trace-proceeds', 'bank-records']],
    crimes: [['money-laundering', 'participation-in-ocg'], ['trafficking-in-persons'], ['cybercrime', 'fraud'], ['drug-trafficking', 'participation-in-ocg'], ['smuggling-of-migrants'], ['corruption', 'money-laundering']],
    titles: ['Bank records of a shell company', 'Hearing of a witness by video link', 'Subscriber and traffic data of an e-mail account', 'Search of a warehouse used by a network', 'Service of a summons on a suspect', 'Tracing proceeds invested in real estate'],
  },
  {
    kind: 'extradition', code: 'EXT', weight: 3, article: 'UNTOC:16',
    measures: [['extradition']],
    crimes: [['trafficking-in-persons', 'participation-in-ocg'], ['drug-trafficking'], ['firearms-trafficking']],
    titles: ['Extradition of a suspected network leader', 'Extradition for prosecution of a courier organiser', 'Extradition of a sentenced arms trafficker'],
  },
  {
    kind: 'confiscation', code: 'CONF', weight: 2, article: 'UNTOC:13',
    measures: [['confiscation', 'freezing'], ['asset-sharing-and-return']],
    crimes: [['money-laundering', 'corruption'], ['fraud']],
    titles: ['Enforcement of a confiscation order on bank accounts', 'Return of confiscated proceeds of fraud'],
  },
  { kind: 'transfer-of-proceedings', code: 'TOP', weight: 1, article: 'UNTOC:21', measures: [['transfer-of-proceedings']], crimes: [['fraud'], ['extortion']], titles: ['Transfer of proceedings against a group of fraudsters'] },
  { kind: 'joint-investigation', code: 'JIT', weight: 1, article: 'UNTOC:19', measures: [['joint-investigation']], crimes: [['smuggling-of-migrants', 'participation-in-ocg']], titles: ['Joint investigation team on a smuggling route'] },
  { kind: 'transfer-of-sentenced-persons', code: 'TSP', weight: 1, article: 'UNTOC:17', measures: [['transfer-of-sentenced-persons']], crimes: [['drug-trafficking']], titles: ['Transfer of a sentenced national to serve the sentence at home'] },
  { kind: 'law-enforcement', code: 'LEC', weight: 1, article: 'UNTOC:27', measures: [['information-and-expert-evaluations']], crimes: [['firearms-trafficking'], ['cybercrime']], titles: ['Police-to-police information on a firearms shipment'] },
];

/** Who holds demo cases, how many, and with whom they work (the demo States first). */
export const DEMO_HOLDERS: ReadonlyArray<{ state: string; cases: number; partners: readonly string[]; assign?: string; assignShare?: number }> = [
  { state: 'FRA', cases: 22, partners: ['CHN', 'CHN', 'NGA', 'MEX', 'EGY', 'DEU', 'ITA', 'ESP', 'MAR', 'BRA'], assign: 'demo-officer-fra' },
  { state: 'CHN', cases: 20, partners: ['FRA', 'FRA', 'NGA', 'EGY', 'MEX', 'THA', 'VNM', 'AUS', 'ZAF', 'KAZ'], assign: 'demo-officer-chn' },
  { state: 'NGA', cases: 5, partners: ['FRA', 'CHN', 'GHA', 'ZAF', 'GBR'], assign: 'demo-practitioner', assignShare: 1 },
  { state: 'MEX', cases: 3, partners: ['COL', 'USA', 'FRA'] },
  { state: 'EGY', cases: 3, partners: ['FRA', 'CHN', 'SAU'] },
];

const CHANNELS: readonly CaseChannel[] = ['post', 'post', 'diplomatic', 'email', 'email', 'secure-electronic', 'courier', 'interpol'];
const TREATIES = ['Bilateral treaty on mutual legal assistance in criminal matters (demo)', 'Bilateral extradition treaty (demo)'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}
function weighted<T extends { weight: number }>(rnd: () => number, list: readonly T[]): T {
  let r = rnd() * list.reduce((n, x) => n + x.weight, 0);
  for (const x of list) if ((r -= x.weight) < 0) return x;
  return list[list.length - 1]!;
}
const between = (rnd: () => number, [min, max]: readonly [number, number]) => min + Math.floor(rnd() * (max - min + 1));

/** The steps of a scenario dated from `createdOn`, stopping before the first one that would fall after today. */
function dated(rnd: () => number, scenario: Scenario, createdOn: string, today: string): DemoStep[] {
  const out: DemoStep[] = [];
  let day = createdOn;
  for (const s of scenario.steps) {
    day = addDays(day, between(rnd, s.days));
    if (day >= today) break;
    out.push({ ...s, on: day });
  }
  return out;
}

export function demoCases(today: string, seed = 20261202): DemoCase[] {
  const rnd = seeded(seed);
  const out: DemoCase[] = [];
  for (const holder of DEMO_HOLDERS) {
    for (let n = 1; n <= holder.cases; n++) {
      const direction = rnd() < 0.6 ? 'incoming' : 'outgoing';
      const scenario = weighted(rnd, SCENARIOS.filter((s) => s.direction === direction));
      const profile = weighted(rnd, KINDS);
      const variant = Math.floor(rnd() * profile.titles.length);
      const basisRoll = rnd();
      const legalBasis: LegalBasis = basisRoll < 0.65 ? 'convention' : basisRoll < 0.85 ? 'treaty' : 'reciprocity';
      const ageDays = between(rnd, [5, 545]); // the last 18 months
      const createdOn = addDays(today, -ageDays);
      const deadline = rnd() < 0.25 ? addDays(createdOn, between(rnd, [30, 120])) : null;
      const custody = profile.kind === 'extradition' && rnd() < 0.6;
      const newCase: NewCase = {
        direction,
        kind: profile.kind,
        counterpartState: pick(rnd, holder.partners),
        reference: `${holder.state}-DEMO-${profile.code}-${String(n).padStart(3, '0')}`,
        counterpartReference: rnd() < 0.7 ? `REF-${between(rnd, [1000, 9999])}/${createdOn.slice(0, 4)}` : null,
        title: `[DEMO] ${profile.titles[variant]} (fictitious)`,
        summary: 'Fictitious case for trying Palermo out: no real person, company or proceedings.',
        channel: pick(rnd, CHANNELS),
        legalBasis: legalBasis === 'convention' ? { type: 'convention', article: profile.article } : legalBasis === 'treaty' ? { type: 'treaty', treaty: TREATIES[profile.kind === 'extradition' ? 1 : 0]! } : { type: 'reciprocity' },
        offences: ['Fictitious offence description (demo)'],
        crimeTypes: [...profile.crimes[variant % profile.crimes.length]!],
        measures: [...profile.measures[variant % profile.measures.length]!],
        persons: rnd() < 0.5 ? [{ name: `[DEMO] Fictitious person ${String.fromCharCode(65 + (n % 26))}`, role: profile.kind === 'extradition' ? 'person sought' : 'suspect', inCustody: custody }] : [],
        priorityInputs: {
          ...(custody && { personInCustody: true }),
          ...(profile.measures[variant % profile.measures.length]!.some((m) => m.startsWith('e-evidence')) && { evidenceAtRisk: true }),
          maxPenaltyYears: pick(rnd, [4, 5, 7, 10, 10, 20]),
          organisedCriminalGroup: rnd() < 0.6,
          ...(profile.crimes[variant % profile.crimes.length]!.includes('trafficking-in-persons') && { victims: between(rnd, [1, 12]) }),
        },
        deadline,
        deadlineReason: deadline ? pick(rnd, ['Trial date set by the court', 'Person held in custody pending the request', 'Data retention period ends']) : null,
        confidentiality: pick(rnd, ['confidential', 'confidential', 'restricted', 'strictly-confidential'] as const),
        ...(direction === 'incoming' && { receivedAt: createdOn }),
        ...(direction === 'outgoing' && scenario.sentOutside && { initialState: 'sent' as const, sentAt: createdOn }),
      };
      if (direction === 'outgoing' && !scenario.sentOutside) newCase.channel = 'post';
      const c: DemoCase = { owner: holder.state, newCase, createdOn, scenario: scenario.name, steps: dated(rnd, scenario, createdOn, today) };
      if (holder.assign && rnd() < (holder.assignShare ?? 0.35)) c.assign = holder.assign;
      out.push(c);
    }
  }
  return out;
}
