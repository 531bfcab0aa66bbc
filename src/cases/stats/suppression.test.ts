import { describe, expect, it } from 'vitest';
import type { StatsGroup } from './stats.schemas.ts';
import { combineCells, suppressCell, weightedMedian } from './suppression.ts';

const d = (median: number | null, n: number) => ({ median, p90: median === null ? null : median * 2, n });
const group = (count: number, closed: number, convention: number, outside: number, median: number | null): StatsGroup => ({
  keys: { kind: 'mla' }, count, closed, convention, outside, totalDays: d(median, closed),
  stages: { registration: d(1, closed), review: d(1, closed), transfer: d(1, closed), execution: d(1, closed), preparation: d(null, 0) },
});

describe('small cells are suppressed before anything leaves a State', () => {
  it('a cell of 1 to 4 cases shows nothing; 5 shows its count', () => {
    for (const n of [1, 2, 3, 4]) expect(suppressCell(group(n, n, n, 0, 10))).toMatchObject({ suppressed: true, count: null, closed: null, convention: null, totalDays: { median: null, p90: null } });
    expect(suppressCell(group(5, 5, 5, 0, 10))).toEqual({ keys: { kind: 'mla' }, suppressed: false, count: 5, closed: 5, convention: 5, outside: 0, totalDays: { median: 10, p90: 20 } });
  });

  it('inside a shown cell, sub-counts of 1 to 4 are null, and times need 5 closed cases', () => {
    expect(suppressCell(group(9, 4, 3, 1, 12))).toMatchObject({ suppressed: false, count: 9, closed: null, convention: null, outside: null, totalDays: { median: null, p90: null } });
    // per-stage times never leave the State at all
    expect(Object.keys(suppressCell(group(9, 9, 9, 9, 12)))).not.toContain('stages');
  });
});

describe('combining submissions', () => {
  it('weighted median of medians: the smallest median reaching half the weight', () => {
    expect(weightedMedian([{ value: 10, weight: 5 }, { value: 31, weight: 6 }])).toBe(31);
    expect(weightedMedian([{ value: 10, weight: 6 }, { value: 31, weight: 5 }])).toBe(10);
    expect(weightedMedian([{ value: 8, weight: 1 }, { value: 30, weight: 1 }, { value: 9, weight: 1 }])).toBe(9);
    expect(weightedMedian([])).toBeNull();
  });

  it('sums over unsuppressed cells only, by regional group when asked, ordered by group and keys', () => {
    const a = { regionalGroup: 'weog', cells: [suppressCell(group(7, 6, 5, 0, 31)), { ...suppressCell(group(2, 2, 2, 0, 9)), keys: { kind: 'extradition' } }] };
    const b = { regionalGroup: 'african', cells: [suppressCell(group(5, 5, 5, 5, 10))] };
    const all = combineCells([a, b], false);
    expect(all.map((c) => [c.keys.kind, c.states, c.suppressedStates, c.count])).toEqual([['extradition', 0, 1, 0], ['mla', 2, 0, 12]]);
    expect(all[1]!.medianDays).toEqual({ min: 10, max: 31, weightedMedianOfMedians: 31 });
    const per = combineCells([a, b], true);
    expect(per.map((c) => [c.regionalGroup, c.keys.kind, c.count])).toEqual([['african', 'mla', 5], ['weog', 'extradition', 0], ['weog', 'mla', 7]]);
  });
});
