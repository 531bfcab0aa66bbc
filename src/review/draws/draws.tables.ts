import '../review.tables.ts';

/** Columns migration 0025 adds to review_redraws (who asked, by name; who recorded it). */
declare module '../review.tables.ts' {
  interface ReviewRedrawsTable {
    requested_by_name: string | null;
    recorded_by: string | null;
  }
}
