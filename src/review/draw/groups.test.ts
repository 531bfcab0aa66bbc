import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './canonical.ts';
import { referenceEligibility, TEST_POOLING } from './draw.test-support.ts';
import { drawGroups } from './groups.ts';
import { groupInputs } from './inputs.ts';
import { drawReviewers } from './reviewers.ts';
import { selectionHash, seedKey } from './selection.ts';
import type { GroupDrawInputs, GroupDrawResult, RedrawRequest, ReviewerDrawInputs, ReviewerDrawResult } from './draw.types.ts';

const V = JSON.parse(readFileSync(new URL('./test-vectors.json', import.meta.url), 'utf8')) as {
  seed: string;
  hashes: string[];
  reviewers: { inputs: ReviewerDrawInputs; redraws: RedrawRequest[]; result: ReviewerDrawResult; resultAfterRedraw: ReviewerDrawResult };
  groups: { inputs: GroupDrawInputs; result: GroupDrawResult };
};
const standalone = (await import(new URL('../../../tools/verify-draw.mjs', import.meta.url).href)) as { verify: (pkg: unknown) => string[] };

const inputsFor = (groups: number) => groupInputs(referenceEligibility(), { instrument: 'UNTOC', groups, pooling: TEST_POOLING, asOf: '2026-12-01' });

describe('drawGroups', () => {
  it('puts every State party in exactly one group, sizes within one, each regional group spread within one', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), fc.integer({ min: 1, max: 6 }), (seed, n) => {
      const inputs = inputsFor(n);
      const r = drawGroups(inputs, seed);
      const parties = inputs.states.filter((s) => s.parties.includes('UNTOC')).map((s) => s.iso3);
      expect(r.groups.flatMap((g) => g.states).sort()).toEqual(parties);
      const sizes = r.groups.map((g) => g.states.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      const groupOf = new Map(inputs.states.map((s) => [s.iso3, s.group]));
      for (const rg of new Set(groupOf.values())) {
        const counts = r.groups.map((g) => g.states.filter((s) => groupOf.get(s) === rg).length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
      for (const g of r.groups) expect(g.states).toEqual([...g.states].sort());
      expect(canonicalJson(drawGroups(inputs, seed))).toBe(canonicalJson(r));
    }), { numRuns: 200 });
  });

  it('lists States whose status is unknown and differs between seeds', () => {
    const inputs = inputsFor(3);
    const a = drawGroups(inputs, 'a');
    for (const s of inputs.states.filter((x) => x.unknown.includes('UNTOC'))) expect(a.excluded.map((e) => e.state)).toContain(s.iso3);
    expect(canonicalJson(drawGroups(inputs, 'b').groups)).not.toBe(canonicalJson(a.groups));
  });
});

describe('canonical JSON and the selection hash', () => {
  it('sorts keys, drops whitespace, refuses floats, and hashes UTF-8', () => {
    expect(canonicalJson({ b: [1, 'é', null, true], a: { d: undefined, c: -0 } })).toBe('{"a":{"c":0},"b":[1,"é",null,true]}');
    expect(() => canonicalJson({ x: 1.5 })).toThrow(/safe integer/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined/);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches the test vectors of docs/DRAW.md (test-vectors.json), in this implementation and the standalone one', () => {
    const key = seedKey(V.seed);
    expect(key).toBe('Palermo 2026');
    expect([0, 1, 2, 3].map((i) => selectionHash(i, key))).toEqual([
      '12028be36d93a50cc076084294a56477b12f41f15141044f7afe5a07255e97e9',
      '150af29267172a62ed1a233d0fb74f6f14607e4747c550afc8e726f8b1bbae16',
      '68f62da9f1be952ff7712a8e3800db9fa1fd34304c0d3b498acdc52b1601fc67',
      'c22dcb7e700c797432d418b5ac82da0f4386ae6075686e17af3f8db53ca5ed3a',
    ]);
    expect(V.hashes).toEqual([0, 1, 2, 3].map((i) => selectionHash(i, key)));
    const r = V.reviewers;
    expect(drawReviewers(r.inputs, V.seed)).toEqual(r.result);
    expect(drawReviewers(r.inputs, V.seed, r.redraws)).toEqual(r.resultAfterRedraw);
    expect(drawGroups(V.groups.inputs, V.seed)).toEqual(V.groups.result);
    // AAA: own-group pool [BBB, CCC], h_0 odd → CCC; other-group pool [DDD, EEE], h_1 even → DDD.
    expect(r.result.pairs[0]!.reviewers.slice(0, 2).map((x) => x.state)).toEqual(['CCC', 'DDD']);
    expect(standalone.verify({ kind: 'reviewers', seed: V.seed, inputs: r.inputs, redraws: r.redraws, result: r.resultAfterRedraw })).toEqual([]);
    expect(standalone.verify({ kind: 'groups', seed: V.seed, inputs: V.groups.inputs, redraws: [], result: V.groups.result })).toEqual([]);
  });
});
