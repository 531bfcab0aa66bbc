import type { StatsGroup, SubmittedCell } from './statsApi.ts';

/**
 * The submission's preview, cell by cell, by the rule the server applies when it stores the submission
 * (stats/suppression.ts, the same threshold, from the same figures: the officer's State, the period, the grouping
 * and the direction): a cell of fewer than THRESHOLD cases shows nothing; in a cell shown, a sub-count from 1 to
 * THRESHOLD − 1 is withheld, and the times show only when THRESHOLD closed cases make them up. The browser test
 * compares this preview with what the API stored.
 */
export const THRESHOLD = 5;

const sub = (n: number) => (n > 0 && n < THRESHOLD ? null : n);

export function suppressForPreview(g: StatsGroup): SubmittedCell {
  if (g.count < THRESHOLD) {
    return { keys: g.keys, suppressed: true, count: null, closed: null, convention: null, outside: null, totalDays: { median: null, p90: null } };
  }
  const timesShown = g.totalDays.n >= THRESHOLD;
  return {
    keys: g.keys,
    suppressed: false,
    count: g.count,
    closed: sub(g.closed),
    convention: sub(g.convention),
    outside: sub(g.outside),
    totalDays: timesShown ? { median: g.totalDays.median, p90: g.totalDays.p90 } : { median: null, p90: null },
  };
}
