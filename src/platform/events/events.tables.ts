import type { Generated } from 'kysely';

export interface PlatformEventsTable {
  id: Generated<string>;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: unknown;
  actor_id: string | null;
  actor_name: string | null;
  occurred_at: Generated<Date>;
}

export interface PlatformEventDeliveriesTable {
  event_id: string;
  subscriber: string;
  delivered_at: Generated<Date>;
}

declare module '../db/database.ts' {
  interface Database {
    platform_events: PlatformEventsTable;
    platform_event_deliveries: PlatformEventDeliveriesTable;
  }
}
