import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EligibilityState } from '../../reference/reference.service.ts';
import { canonicalJson } from './canonical.ts';
import { violations } from './draw.check.ts';
import { referenceEligibility, referenceInputs, TEST_POOLING } from './draw.test-support.ts';
import type { RedrawRequest, ReviewerDrawResult } from './draw.types.ts';
import { reviewerInputs } from './inputs.ts';
import { drawReviewers, RedrawError } from './reviewers.ts';

const STATUS = ['party', 'party', 'party', 'none', 'signatory', 'unknown'] as const;
const GROUPS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog'];
const FAMILIES = ['civil_law', 'common_law', 'customary', 'muslim_law'];

/** Random eligibility: small and large pools, any party statuses including unknown, some entities outside the groups. */
const eligibility = fc.integer({ min: 2, max: 60 }).chain((n) =>
  fc.array(
    fc.record({
      group: fc.option(fc.constantFrom(...GROUPS), { freq: 12 }),
      families: fc.subarray(FAMILIES, { maxLength: 2 }),
      status: fc.record({ UNTOC: fc.constantFrom(...STATUS), TIP: fc.constantFrom(...STATUS), SOM: fc.constantFrom(...STATUS), FIR: fc.constantFrom(...STATUS) }),
    }),
    { minLength: n, maxLength: n },
  ).map((rows): EligibilityState[] => rows.map((r, k) => ({
    iso3: `S${String(k).padStart(2, '0')}`, kind: 'state', group: r.group, legalSystem: null, legalFamilies: r.families, status: r.status,
  }))),
);
const rules = fc.record({ cap: fc.integer({ min: 1, max: 4 }), mutual: fc.boolean(), maxReviewers: fc.integer({ min: 2, max: 5 }) });

describe('drawReviewers', () => {
  it('keeps every rule on the reference data for 200 seeds, and the same seed gives the same bytes', () => {
    const inputs = referenceInputs();
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0), (seed) => {
      const a = drawReviewers(inputs, seed);
      expect(violations(inputs, a)).toEqual([]);
      if (seed.length % 8 === 0) expect(canonicalJson(drawReviewers(inputs, seed))).toBe(canonicalJson(a));
    }), { numRuns: 200 });
  });

  it('with the default cap (3) fills every slot on the reference data; cap 2 cannot', () => {
    const full = drawReviewers(referenceInputs(), '2026-12-02 numbers 07 19 23 31 44');
    expect(full.pairs.length).toBeGreaterThan(180);
    expect(full.excluded.filter((e) => /unfilled/.test(e.reason))).toEqual([]);
    const tight = drawReviewers(referenceInputs({ cap: 2 }), '2026-12-02 numbers 07 19 23 31 44');
    expect(violations(referenceInputs({ cap: 2 }), tight)).toEqual([]);
    expect(tight.excluded.some((e) => /unfilled/.test(e.reason))).toBe(true);
  });

  it('keeps every rule on perturbed eligibility (random statuses, unknowns, tiny pools, caps, mutual allowed or not)', () => {
    fc.assert(fc.property(eligibility, rules, fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0), (states, r, seed) => {
      const inputs = reviewerInputs(states, { instrument: 'UNTOC', instruments: ['UNTOC', 'TIP', 'SOM', 'FIR'], pooling: {}, asOf: '2026-12-01', ...r });
      const result = drawReviewers(inputs, seed);
      expect(violations(inputs, result)).toEqual([]);
      for (const s of states.filter((x) => x.group === null && x.status.UNTOC === 'party')) expect(result.excluded.map((e) => e.state)).toContain(s.iso3);
    }), { numRuns: 300 });
  });

  it('lets mutual reviews happen only when allowed', () => {
    const seeds = Array.from({ length: 20 }, (_, k) => `m${k}`);
    const mutualPairs = (res: ReviewerDrawResult) => {
      const rv = new Map(res.pairs.map((p) => [p.reviewed, new Set(p.reviewers.map((x) => x.state))]));
      return res.pairs.flatMap((p) => p.reviewers.filter((x) => rv.get(x.state)?.has(p.reviewed)));
    };
    expect(seeds.flatMap((s) => mutualPairs(drawReviewers(referenceInputs(), s)))).toEqual([]);
    expect(seeds.flatMap((s) => mutualPairs(drawReviewers(referenceInputs({ mutual: true }), s))).length).toBeGreaterThan(0);
  });

  it('different seeds give different draws; whitespace and Unicode form of the seed do not matter', () => {
    const inputs = referenceInputs();
    const a = canonicalJson(drawReviewers(inputs, 'seed one').pairs);
    expect(canonicalJson(drawReviewers(inputs, 'seed two').pairs)).not.toBe(a);
    expect(canonicalJson(drawReviewers(inputs, '  seed \n\t one ').pairs)).toBe(a);
    expect(drawReviewers(inputs, 'Caf\u0065\u0301').key).toBe('Caf\u00e9');
    expect(() => drawReviewers(inputs, ' \n ')).toThrow(/seed is empty/);
  });

  it('lists unknown statuses and entities without a pool for the secretariat, and never draws them', () => {
    const inputs = referenceInputs();
    const res = drawReviewers(inputs, 'x');
    const unknownMain = inputs.states.filter((s) => s.unknown.includes('UNTOC')).map((s) => s.iso3);
    for (const iso of unknownMain) expect(res.excluded.some((e) => e.state === iso && /UNTOC not loaded/.test(e.reason))).toBe(true);
    const noPool = reviewerInputs(referenceEligibility(), { ...{ instrument: 'UNTOC', instruments: ['UNTOC'], cap: 3, mutual: false, maxReviewers: 4, asOf: '2026-12-01' }, pooling: {} });
    expect(noPool.excluded!.map((e) => e.state)).toEqual(expect.arrayContaining(['EUU']));
    expect(noPool.states.some((s) => s.iso3 === 'EUU')).toBe(false);
    expect(inputs.states.find((s) => s.iso3 === 'EUU')?.group).toBe(TEST_POOLING.EUU);
  });
});

describe('redraws', () => {
  const inputs = referenceInputs();

  it('take the next selection for that slot only: other reviews and the other primary slot stay, the replaced State never returns', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.nat(), fc.boolean(), (n, which, byReviewer) => {
      const seed = `redraw ${n}`;
      const before = drawReviewers(inputs, seed);
      const pair = before.pairs[which % before.pairs.length]!;
      const target = pair.reviewers[which % pair.reviewers.length]!;
      const req: RedrawRequest = { reviewed: pair.reviewed, slot: target.slot, replaced: target.state, requestedBy: byReviewer ? target.state : pair.reviewed };
      const after = drawReviewers(inputs, seed, [req]);
      expect(violations(inputs, after)).toEqual([]);
      expect(after.pairs.filter((p) => p.reviewed !== pair.reviewed)).toEqual(before.pairs.filter((p) => p.reviewed !== pair.reviewed));
      const now = after.pairs.find((p) => p.reviewed === pair.reviewed)!;
      expect(now.reviewers.map((x) => x.state)).not.toContain(target.state);
      if (target.slot !== 'additional') {
        const other = target.slot === 'own-group' ? 'other-group' : 'own-group';
        expect(now.reviewers.find((x) => x.slot === other)).toEqual(pair.reviewers.find((x) => x.slot === other));
      }
      const applied = after.redraws![0]!;
      expect(applied.drawn).toBe(now.reviewers.find((x) => x.slot === target.slot && !pair.reviewers.some((y) => y.state === x.state))?.state ?? null);
      if (applied.selection !== null) expect(applied.selection).toBeGreaterThan(Math.max(...before.pairs.flatMap((p) => p.reviewers.map((x) => x.selection!))));
    }), { numRuns: 100 });
  });

  it('at most two per requesting State per review; a third only as an exception; refuse a State not holding the slot', () => {
    const seed = 'limits';
    const chain: RedrawRequest[] = [];
    const reviewed = drawReviewers(inputs, seed).pairs[10]!.reviewed;
    const next = (exceptional?: boolean): RedrawRequest => {
      const holder = drawReviewers(inputs, seed, chain).pairs.find((p) => p.reviewed === reviewed)!.reviewers.find((x) => x.slot === 'other-group')!;
      return { reviewed, slot: 'other-group', replaced: holder.state, requestedBy: reviewed, exceptional };
    };
    chain.push(next());
    chain.push(next());
    const third = next();
    expect(() => drawReviewers(inputs, seed, [...chain, third])).toThrow(RedrawError);
    try {
      drawReviewers(inputs, seed, [...chain, third]);
    } catch (err) {
      expect((err as RedrawError).code).toBe('limit');
    }
    const ok = drawReviewers(inputs, seed, [...chain, { ...third, exceptional: true }]);
    expect(ok.redraws!.map((r) => r.exceptional)).toEqual([false, false, true]);
    expect(new Set(ok.redraws!.map((r) => r.replaced)).size).toBe(3);
    // The reviewing State's own requests count apart from the reviewed State's.
    const own = drawReviewers(inputs, seed, chain).pairs.find((p) => p.reviewed === reviewed)!.reviewers[0]!;
    expect(() => drawReviewers(inputs, seed, [...chain, { reviewed, slot: own.slot, replaced: own.state, requestedBy: own.state }])).not.toThrow();
    expect(() => drawReviewers(inputs, seed, [{ reviewed, slot: 'own-group', replaced: reviewed, requestedBy: reviewed }])).toThrow(/does not hold/);
    expect(() => drawReviewers(inputs, seed, [{ ...chain[0]!, requestedBy: 'ZZZ' }])).toThrow(/neither/);
  });
  // How fast a draw of ~190 States is: `npm run bench:compute` (docs/PERFORMANCE.md), not a timed test.
});
