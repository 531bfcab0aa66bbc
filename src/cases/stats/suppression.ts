import type { StatsGroup, SubmittedCell } from './stats.schemas.ts';

/**
 * What leaves a State: the aggregate cells of its statistics, with small cells suppressed (EU statistics practice,
 * spec "What was learned"): a cell of fewer than THRESHOLD cases shows no count and no times (`suppressed: true`),
 * since a handful of cases between two States can point at one investigation. Inside a cell that is shown, a
 * sub-count (closed, Convention, outside the system) from 1 to THRESHOLD − 1 is null as well, and the processing
 * times are shown only when at least THRESHOLD closed cases make them up. Pure functions, tested on their own.
 */
export const THRESHOLD = 5;

const small = (n: number, threshold: number) => n > 0 && n < threshold;
const sub = (n: number, threshold: number) => (small(n, threshold) ? null : n);

export function suppressCell(g: StatsGroup, threshold = THRESHOLD): SubmittedCell {
  if (g.count < threshold) {
    return { keys: g.keys, suppressed: true, count: null, closed: null, convention: null, outside: null, totalDays: { median: null, p90: null } };
  }
  const timesShown = g.totalDays.n >= threshold;
  return {
    keys: g.keys,
    suppressed: false,
    count: g.count,
    closed: sub(g.closed, threshold),
    convention: sub(g.convention, threshold),
    outside: sub(g.outside, threshold),
    totalDays: timesShown ? { median: g.totalDays.median, p90: g.totalDays.p90 } : { median: null, p90: null },
  };
}

export interface CombinedInput {
  regionalGroup: string | null;
  cells: SubmittedCell[];
}

export interface CombinedCell {
  regionalGroup: string | null;
  keys: Record<string, string | null>;
  states: number;
  suppressedStates: number;
  count: number;
  closed: number;
  convention: number;
  outside: number;
  medianDays: { min: number | null; max: number | null; weightedMedianOfMedians: number | null };
}

/**
 * The median of the States' medians, each weighted by its closed cases: the smallest median at which half the
 * weight is reached. Medians do not add up: this is a summary of the States' medians, not the median over all
 * their cases (which only the per-case data, that never leaves a State, could give).
 */
export function weightedMedian(items: readonly { value: number; weight: number }[]): number | null {
  const xs = items.filter((i) => i.weight > 0).sort((a, b) => a.value - b.value);
  const total = xs.reduce((s, i) => s + i.weight, 0);
  if (total === 0) return null;
  let acc = 0;
  for (const i of xs) {
    acc += i.weight;
    if (acc * 2 >= total) return i.value;
  }
  return xs[xs.length - 1]!.value;
}

/**
 * Combines submissions cell by cell (the same keys), across all States or per regional group of the submitting
 * State: sums of counts over unsuppressed cells (a suppressed cell adds nothing and is counted in
 * `suppressedStates`; a sub-count under the threshold is null in its cell and not summed). Ordered by regional group
 * and keys, never by any figure: no ranking.
 */
export function combineCells(subs: readonly CombinedInput[], perGroup: boolean): CombinedCell[] {
  const acc = new Map<string, CombinedCell & { medians: { value: number; weight: number }[] }>();
  for (const s of subs) {
    const group = perGroup ? s.regionalGroup : null;
    for (const c of s.cells) {
      const id = JSON.stringify([group, Object.entries(c.keys).sort()]);
      let cell = acc.get(id);
      if (!cell) {
        cell = { regionalGroup: group, keys: c.keys, states: 0, suppressedStates: 0, count: 0, closed: 0, convention: 0, outside: 0, medians: [],
          medianDays: { min: null, max: null, weightedMedianOfMedians: null } };
        acc.set(id, cell);
      }
      if (c.suppressed || c.count === null) {
        cell.suppressedStates += 1;
        continue;
      }
      cell.states += 1;
      cell.count += c.count;
      cell.closed += c.closed ?? 0;
      cell.convention += c.convention ?? 0;
      cell.outside += c.outside ?? 0;
      if (c.totalDays.median !== null) cell.medians.push({ value: c.totalDays.median, weight: c.closed ?? 0 });
    }
  }
  const key = (c: CombinedCell) => JSON.stringify([c.regionalGroup ?? '\uffff', ...Object.values(c.keys).map((v) => v ?? '\uffff')]);
  return [...acc.values()]
    .map(({ medians, ...c }) => ({
      ...c,
      medianDays: medians.length
        ? { min: Math.min(...medians.map((m) => m.value)), max: Math.max(...medians.map((m) => m.value)), weightedMedianOfMedians: weightedMedian(medians) }
        : { min: null, max: null, weightedMedianOfMedians: null },
    }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
