import type { Generated } from 'kysely';

/**
 * What each saved search announced (migration 0009): the primary key search × record is what makes a record
 * announced once per search; `notification_id` is the platform inbox message that announced it (migration
 * 0015), when its owner keeps these notices in the inbox.
 */
export interface SavedSearchDeliveriesTable {
  saved_search_id: string;
  record_id: string;
  notification_id: number | null;
  delivered_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    saved_search_deliveries: SavedSearchDeliveriesTable;
  }
}
