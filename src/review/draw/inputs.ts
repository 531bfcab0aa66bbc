import type { EligibilityState } from '../../reference/reference.service.ts';
import type { DrawExclusion, DrawStateFacts, GroupDrawInputs, ReviewerDrawInputs } from './draw.types.ts';
import { byCodeUnits } from './canonical.ts';
import { DrawInputError } from './selection.ts';

/** The algorithms these functions implement; a package naming another is refused rather than misread. */
export const REVIEWER_ALGORITHM = 'palermo-reviewers-rfc3797-sha256-v1';
export const GROUPS_ALGORITHM = 'palermo-groups-rfc3797-sha256-v1';

/**
 * The default load cap: 3 reviews per reviewing State in one draw. The two primary slots alone need exactly 2 reviews
 * per State on average (every State party is reviewed once and reviews on average once in its group and once
 * outside it); additional reviewers for the Protocols a reviewer is not party to add about 0.2 to 0.3 more on the
 * reference data (docs/DRAW.md gives the figures), so the UNCAC precedent's 2 is infeasible by construction and 3
 * leaves the slack a sequential draw needs at its end.
 */
export const DEFAULT_CAP = 3;
export const DEFAULT_MAX_REVIEWERS = 4;

/**
 * UNCAC status matters for UNTOC articles 8 and 9 only (questionnaires), never for the draw: it is not one of a
 * draw's instruments even when a cycle lists it.
 */
const NOT_DRAWN = new Set(['UNCAC']);

export interface ReviewerRules {
  instrument: string;
  instruments: string[];
  cap: number;
  mutual: boolean;
  maxReviewers: number;
  /** Entities outside the five regional groups → the pool (group code) they are drawn in. */
  pooling: Record<string, string>;
  asOf: string;
}

/** The draw's instruments: the main one first, then the cycle's others in the cycle's order, without UNCAC. */
function drawInstruments(main: string, instruments: readonly string[]): string[] {
  if (NOT_DRAWN.has(main)) throw new DrawInputError(`${main} cannot be a draw's main instrument`);
  return [main, ...instruments.filter((c) => c !== main && !NOT_DRAWN.has(c))].filter((c, i, a) => a.indexOf(c) === i);
}

/**
 * Facts per State: its pool (regional group, or the pooling rule for entities outside the five groups — without one
 * the entity is left out and listed when it is, or may be, party to the main instrument), the instruments it is party
 * to and those whose status is not loaded. States not party to the main instrument stay in the published pools
 * (they are simply never drawn) so that anyone can check the pools against the reference data.
 */
function facts(states: readonly EligibilityState[], main: string, instruments: string[], pooling: Record<string, string>) {
  const out: DrawStateFacts[] = [];
  const excluded: DrawExclusion[] = [];
  for (const s of [...states].sort((a, b) => byCodeUnits(a.iso3, b.iso3))) {
    const group = s.group ?? pooling[s.iso3];
    if (!group) {
      const st = s.status[main] ?? 'unknown';
      if (st === 'party' || st === 'unknown') {
        excluded.push({ state: s.iso3, reason: `outside the five regional groups and no pooling rule names its pool: not drawn until the cycle's pooling names one` });
      }
      continue;
    }
    out.push({
      iso3: s.iso3,
      group,
      legalFamilies: [...s.legalFamilies].sort(byCodeUnits),
      parties: instruments.filter((c) => s.status[c] === 'party'),
      unknown: instruments.filter((c) => (s.status[c] ?? 'unknown') === 'unknown'),
    });
  }
  return { states: out, excluded };
}

function checkInt(name: string, v: number, min: number, max: number) {
  if (!Number.isSafeInteger(v) || v < min || v > max) throw new DrawInputError(`${name} must be an integer from ${min} to ${max}`);
}

/** A reviewers' draw's published inputs from drawEligibility() and the cycle's rules. */
export function reviewerInputs(states: readonly EligibilityState[], rules: ReviewerRules): ReviewerDrawInputs {
  checkInt('cap', rules.cap, 1, 1000);
  checkInt('maxReviewers', rules.maxReviewers, 2, 50);
  const instruments = drawInstruments(rules.instrument, rules.instruments);
  const f = facts(states, rules.instrument, instruments, rules.pooling);
  return {
    algorithm: REVIEWER_ALGORITHM,
    instrument: rules.instrument,
    instruments,
    cap: rules.cap,
    mutual: rules.mutual,
    maxReviewers: rules.maxReviewers,
    asOf: rules.asOf,
    states: f.states,
    excluded: f.excluded,
  };
}

/** A groups draw's published inputs: only the instrument matters (parties to it are split into groups). */
export function groupInputs(
  states: readonly EligibilityState[],
  rules: { instrument: string; groups: number; pooling: Record<string, string>; asOf: string },
): GroupDrawInputs {
  checkInt('groups', rules.groups, 1, 20);
  const f = facts(states, rules.instrument, drawInstruments(rules.instrument, []), rules.pooling);
  return { algorithm: GROUPS_ALGORITHM, instrument: rules.instrument, groups: rules.groups, asOf: rules.asOf, states: f.states, excluded: f.excluded };
}
