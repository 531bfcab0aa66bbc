import { dayNumber, type Stats } from './estimates.ts';
import type { Fetch, StatementRow } from './statement.ts';

/**
 * How the candidates, the most recent matches, are fetched (docs/PERFORMANCE.md has the measurements): every
 * match when the estimates say they are few; otherwise the matches of the most recent months expected to hold
 * enough of them (each row's month is a key of the GIN index), or newest first through the date index when
 * they are dense. An attempt that was not right (a scan past its cap, a slice holding too few) tells the
 * density of matches, which sizes the next one; the fifth walks the date index, which always finds them.
 */

/**
 * Ranking reads each candidate's tsvector: the window is a trade between how much of a very broad query
 * relevance looks at and its latency (400 rather than 500 took the slowest class of the benchmark at 1M on
 * the embedded server from 54 to under 50 ms at p95; docs/PERFORMANCE.md).
 */
export const CANDIDATES = 400;
/** Up to this many matches (by the upper-bound estimate), every match is fetched. */
const FETCH_ALL = 1500;
/** A slice is sized to hold this many times the rows needed, by the estimate… */
const SLICE_MARGIN = 2;
/** …and abandoned (for a narrower one) past this many times. */
const SLICE_CAP = 8;

const monthKey = (y: number, m: number) => `month:${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
const isoDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/**
 * The keys naming every row dated from the start of some month to the end of `upTo`'s year, the month chosen
 * so that the rows dated from it up to `upTo` are about `want` of all rows (and that share); null when that
 * takes them all.
 */
function sliceKeys(share: (day: string) => number, upTo: string, want: number): { keys: string[]; covered: number; narrowest: boolean } | null {
  const after = share(isoDay(dayNumber(upTo) + 1));
  const last = Number(upTo.slice(0, 4));
  let y = last;
  let m = Number(upTo.slice(5, 7));
  for (let i = 0; i < 12 * 300 && y > 0; i++) {
    const s = share(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`);
    if (s >= 0.999) return null;
    if (s - after >= want) {
      const keys: string[] = [];
      for (let mm = m; mm <= 12; mm++) keys.push(monthKey(y, mm));
      for (let yy = y + 1; yy <= last; yy++) keys.push(`year:${yy}`);
      return { keys, covered: s - after, narrowest: i === 0 };
    }
    if (--m === 0) {
      m = 12;
      y--;
    }
  }
  return null;
}

/** How the candidates of one fetch are being looked for, from attempt to attempt. */
interface Plan {
  /** every match (the estimate says they are few) */
  all: boolean;
  /** newest first through the date index */
  walk: boolean;
  /** the matches expected in the whole table (revised after each attempt) */
  matches: number;
}

/** What the fetch goes by: the estimates, and what the search asks for. */
export interface Wanted {
  stats: Stats | null;
  /** The matches expected (conditions taken as independent) and at most (matchEstimates). */
  expected: number;
  most: number;
  /** Whether there are words to match (filters alone that match much of the table walk the date index). */
  text: boolean;
  /** The page size. */
  limit: number;
  /** For the page after a date cursor, fetched on its own: the cursor's date. */
  after: string | null;
  /** The last day a match may be dated (the year filters): slices start there. */
  bound: string | null;
}

/**
 * Runs the statement (`run`, given the main fetch and the one for the page after a date cursor) until its
 * candidates are right, and estimates the matches for when they are more than CANDIDATES.
 */
export async function fetchCandidates(w: Wanted, run: (main: Fetch, deep: Fetch | null) => Promise<StatementRow>): Promise<{ row: StatementRow; estimate: number }> {
  const { stats, expected, most, bound } = w;
  const need = CANDIDATES + 1;
  const pageNeed = w.limit + 1;
  const fixed = (how: 'walk' | 'scan', n: number): Fetch => ({ how, slice: null, cap: null, covers: null, need: n });

  let row: StatementRow;
  let implied = 0; // the matches the final slice implies in the whole table, when it was a slice
  if (!stats?.share) {
    // Never analysed (a new or small index): every match.
    row = await run(fixed('scan', need), w.after !== null ? fixed('scan', pageNeed) : null);
  } else if (!w.text && expected >= 0.3 * stats.rows) {
    row = await run(fixed('walk', need), w.after !== null ? fixed('walk', pageNeed) : null);
  } else {
    const share = stats.share;
    // Words and filters are often correlated (a crime's vocabulary, its crime type), so start from the upper
    // bound: too narrow a slice costs little and shows the density of matches; too wide a one reads up to its cap.
    const start = Math.max(most, need);
    const state: Record<'main' | 'deep', Plan> = { main: { all: most <= FETCH_ALL, walk: false, matches: start }, deep: { all: most <= FETCH_ALL, walk: false, matches: start } };
    // Slices start at the newest day the filters allow: a search of past years does not wade through recent months.
    const newest = stats.max ?? '9999-12-31';
    const clamped = bound !== null && bound < newest;
    let upTo = clamped ? bound : newest;
    // A slice for `n` rows is sized for at least `size` (a page after a cursor is small, but retrying costs more).
    // The first page's slice must also reach the newest rows; the page after a cursor only older ones.
    const plan = (s: Plan, n: number, from: string, newest: boolean, size = n): Fetch => {
      if (s.walk) return fixed('walk', n);
      if (s.all) return { how: 'scan', slice: null, cap: 2 * FETCH_ALL, covers: null, need: n };
      const slice = sliceKeys(share, from, (SLICE_MARGIN * size) / s.matches);
      const cap = (slice ? 1 : 4) * SLICE_CAP * size;
      if (slice?.narrowest && s.matches * slice.covered > cap) return fixed('walk', n); // as adjust would conclude
      return { how: 'scan', slice, cap, covers: slice && newest && !clamped ? `${from.slice(0, 4)}-12-31` : null, need: n };
    };
    // After a wrong guess, the density of matches seen in the slice is the better estimate.
    // A single month holding more matches than the cap: they are dense, so the date index finds the newest quickly.
    const adjust = (s: Plan, f: Fetch, hits: number, found: number | null) => {
      const seen = found ?? hits;
      if (f.cap !== null && hits >= f.cap) {
        if (f.slice?.narrowest) s.walk = true;
        else if (s.all) [s.all, s.matches] = [false, Math.max(s.matches, f.cap) * 2];
        else s.matches = f.slice ? (2 * hits) / f.slice.covered : s.matches * 8;
      } else if (f.slice && seen < f.need) s.matches = seen > 0 ? Math.min(s.matches, seen / f.slice.covered) : s.matches / 16;
    };
    for (let attempt = 0; ; attempt++) {
      const last = attempt === 4; // stop estimating: the date index always finds them
      const main = last ? fixed('walk', need) : plan(state.main, need, upTo, true);
      const deep = w.after !== null ? (last ? fixed('walk', pageNeed) : plan(state.deep, pageNeed, w.after, false, Math.max(pageNeed, 50))) : null;
      row = await run(main, deep);
      implied = main.slice ? (row.found ?? row.hits) / main.slice.covered : 0;
      if (row.ok || last) break;
      if (!clamped && row.max && row.max > upTo) upTo = row.max; // rows dated later than the statistics knew
      adjust(state.main, main, row.hits, row.found);
      if (deep) adjust(state.deep, deep, row.deep_hits ?? 0, row.deep_found);
    }
  }
  // Above the cap the total is an estimate: from the density of matches in the slice read, or the statistics.
  return { row, estimate: Math.round(Math.max(implied || expected, need)) };
}
