import type { Dimension } from './dimensions.ts';

const CHRONOLOGICAL: readonly Dimension[] = ['month', 'year'];

/**
 * Groups in a reading order that never depends on their figures: months and years in time order, everything else
 * by its name in the UI language, "none" last. No ranking of States (or of anything) by counts or times.
 */
export function orderByKeys<T extends { keys: Record<string, string | null> }>(
  rows: readonly T[],
  by: readonly Dimension[],
  label: (dim: Dimension, value: string | null) => string,
  compare: (a: string, b: string) => number,
): T[] {
  return [...rows].sort((a, b) => {
    for (const d of by) {
      const x = a.keys[d] ?? null;
      const y = b.keys[d] ?? null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = CHRONOLOGICAL.includes(d) ? (x < y ? -1 : 1) : compare(label(d, x), label(d, y));
      if (c !== 0) return c;
    }
    return 0;
  });
}
