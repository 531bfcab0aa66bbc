export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_state: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

declare module '../db/database.ts' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
