import { suppressCell, THRESHOLD } from '../../stats/suppression.ts';
import type { StatsGroup, SubmittedCell } from './statsApi.ts';

/**
 * The submission's preview, cell by cell: the server's own suppression rule (stats/suppression.ts, a pure function
 * with its threshold) applied to the same figures the server submits — the officer's State, the period, the
 * grouping and the direction — so the preview is the table as it will be stored. The browser test compares the
 * two.
 */
export { THRESHOLD };

export const suppressForPreview = (g: StatsGroup): SubmittedCell => suppressCell(g, THRESHOLD);
