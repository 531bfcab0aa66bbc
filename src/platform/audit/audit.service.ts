import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { Role } from '../auth/roles.ts';
import { GENESIS_HASH, verifyChain, type ChainProblem } from './audit-chain.ts';
import { chainAudit } from './audit-chainer.ts';
import type { AuditAction } from './audit-actions.ts';
import type { ChainedEntry } from './audit.tables.ts';
import './audit.tables.ts';

export type { AuditAction } from './audit-actions.ts';

/**
 * Who did it: the one actor reference of every audit entry. A signed-in UserActor is one as it is; an
 * anonymous actor or null is recorded as nobody.
 */
export interface AuditActor {
  id: string | null;
  username: string;
  state: string | null;
  roles: readonly Role[];
}

export interface AuditEvent {
  actor: AuditActor | { kind: 'anonymous' } | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  ip?: string | null;
  details?: Record<string, unknown>;
}

const actorOf = (a: AuditEvent['actor']): AuditActor | null => (a && 'username' in a ? a : null);

/**
 * Appends one entry. Pass the transaction that makes the audited change: the entry is inserted there,
 * unchained, so the change and its entry commit or roll back together — and nothing is locked, so a long
 * import does not hold up anyone else's audited action. Its place in the hash chain is given right after
 * the commit (audit-chainer.ts). Without a transaction the entry is written and chained at once.
 */
export async function audit(dbOrTrx: Db | Transaction<Database>, event: AuditEvent): Promise<void> {
  await dbOrTrx.insertInto('audit_log').values(auditRow(event)).execute();
  // Stored is what matters; if chaining fails now (the database going away), the next run chains it.
  if (!dbOrTrx.isTransaction) await chainAudit(dbOrTrx).catch(() => undefined);
}

/** Several entries in one statement, in this order, in the transaction that makes the audited changes (a batch import). */
export async function auditAll(trx: Transaction<Database>, events: AuditEvent[]): Promise<void> {
  if (events.length) await trx.insertInto('audit_log').values(events.map(auditRow)).execute();
}

function auditRow(event: AuditEvent) {
  const actor = actorOf(event.actor);
  return {
    at: new Date(),
    actor_id: actor?.id ?? null,
    actor_username: actor?.username ?? null,
    actor_state: actor?.state ?? null,
    actor_roles: actor ? [...actor.roles] : null,
    action: event.action,
    target_type: event.targetType ?? null,
    target_id: event.targetId ?? null,
    outcome: event.outcome ?? 'success',
    ip: event.ip ?? null,
    details: JSON.stringify(event.details ?? {}) as unknown as Record<string, unknown>,
    seq: null,
    prev_hash: null,
    hash: null,
  };
}

export interface VerifyReport {
  entries: number;
  ok: boolean;
  problems: ChainProblem[];
}

/** Chains what has committed meanwhile, then walks the whole chain in pages (the log grows without bound). */
export async function verifyAudit(db: Db, onProgress?: (done: number, total: number) => void): Promise<VerifyReport> {
  await chainAudit(db);
  const total = Number(
    (await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('seq', 'is not', null).executeTakeFirstOrThrow()).n,
  );
  const problems: ChainProblem[] = [];
  let cursor = { seq: 0, hash: GENESIS_HASH };
  let done = 0;
  for (;;) {
    const page = (await db.selectFrom('audit_log').selectAll().where('seq', '>', cursor.seq).orderBy('seq').limit(5000).execute()) as ChainedEntry[];
    if (page.length === 0) break;
    problems.push(...verifyChain(page, cursor));
    const lastRow = page[page.length - 1]!;
    cursor = { seq: lastRow.seq, hash: lastRow.hash };
    done += page.length;
    onProgress?.(done, total);
  }
  return { entries: done, ok: problems.length === 0, problems };
}

/** Chained entries, newest first (entries not yet chained are chained first, so none is left out). */
export async function listAudit(db: Db, opts: { limit: number; before?: number; targetType?: string; action?: string }): Promise<ChainedEntry[]> {
  await chainAudit(db);
  let q = db.selectFrom('audit_log').selectAll().where('seq', 'is not', null).orderBy('seq', 'desc').limit(opts.limit);
  if (opts.before) q = q.where('seq', '<', opts.before);
  if (opts.targetType) q = q.where('target_type', '=', opts.targetType);
  if (opts.action) q = q.where('action', '=', opts.action);
  return (await q.execute()) as ChainedEntry[];
}
