import type { EligibilityState } from '../../reference/reference.service.ts';
import { buildReferenceSeed } from '../../reference/reference.seed.ts';
import { DEFAULT_CAP, DEFAULT_MAX_REVIEWERS, reviewerInputs, type ReviewerRules } from './inputs.ts';

/**
 * The reference data's eligibility (what drawEligibility reads from the database after the reference import), built
 * straight from the seed so that the pure draw's tests need no database. Same shape, same ISO3 order.
 */
let cached: EligibilityState[] | undefined;
export function referenceEligibility(): EligibilityState[] {
  if (cached) return cached;
  const seed = buildReferenceSeed();
  const status = new Map<string, Record<string, EligibilityState['status'][string]>>();
  for (const p of seed.partyStatus) {
    const m = status.get(p.iso3) ?? {};
    m[p.instrument_code] = p.status as EligibilityState['status'][string];
    status.set(p.iso3, m);
  }
  cached = [...seed.states].sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1)).map((s) => ({
    iso3: s.iso3,
    kind: s.kind as EligibilityState['kind'],
    group: s.regional_group,
    legalSystem: s.legal_system,
    legalFamilies: [...s.legal_families].sort(),
    status: status.get(s.iso3) ?? {},
  }));
  return cached;
}

export const TEST_POOLING = { EUU: 'weog', VAT: 'weog', COK: 'asia-pacific', NIU: 'asia-pacific' };

export function referenceRules(over: Partial<ReviewerRules> = {}): ReviewerRules {
  return {
    instrument: 'UNTOC', instruments: ['UNTOC', 'TIP', 'SOM', 'FIR'], cap: DEFAULT_CAP, mutual: false,
    maxReviewers: DEFAULT_MAX_REVIEWERS, pooling: TEST_POOLING, asOf: '2026-12-01', ...over,
  };
}

export function referenceInputs(over: Partial<ReviewerRules> = {}) {
  return reviewerInputs(referenceEligibility(), referenceRules(over));
}
