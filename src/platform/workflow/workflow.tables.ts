import type { Generated } from 'kysely';

/** One row per state change of any workflow entity (migration 0013); append-only. */
export interface WorkflowTransitionsTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: string;
  /** null for the entity's creation (into the machine's initial state). */
  from_state: string | null;
  to_state: string;
  action: string;
  /** null for a change made by the platform itself (a migration's backfill). */
  actor_id: string | null;
  actor_name: string;
  actor_state: string | null;
  at: Generated<Date>;
  reason: string | null;
}

declare module '../db/database.ts' {
  interface Database {
    workflow_transitions: WorkflowTransitionsTable;
  }
}
