import type { Generated, Selectable } from 'kysely';

/**
 * One audit entry. It is inserted unchained (seq, prev_hash, hash NULL) in the audited change's own
 * transaction; the chainer numbers and hashes it once that transaction has committed (audit-chainer.ts).
 */
export interface AuditLogTable {
  /** Insertion order only; the chain's order is `seq`. */
  id: Generated<number>;
  seq: number | null;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_state: string | null;
  actor_roles: string[] | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  details: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
}

export type AuditRow = Selectable<AuditLogTable>;

/** An entry the chainer has numbered and hashed: the only kind `audit verify` and the admin listing show. */
export type ChainedEntry = AuditRow & { seq: number; prev_hash: string; hash: string };

declare module '../db/database.ts' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
