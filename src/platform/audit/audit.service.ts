import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { GENESIS_HASH, entryHash, verifyChain, type ChainProblem } from './audit-chain.ts';
import type { AuditLogTable } from './audit.tables.ts';
import './audit.tables.ts';

export interface AuditActor {
  id: string | null;
  username: string | null;
  state: string | null;
}

export interface AuditEvent {
  actor: AuditActor | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  ip?: string | null;
  details?: Record<string, unknown>;
}

const CHAIN_LOCK = 0x7a1e_0001; // one writer at a time extends the chain

/**
 * Appends one entry. Pass the transaction that makes the audited change, so the change and its entry
 * commit or roll back together.
 */
export async function audit(dbOrTrx: Db | Transaction<Database>, event: AuditEvent): Promise<void> {
  if (!dbOrTrx.isTransaction) {
    await dbOrTrx.transaction().execute((trx) => audit(trx, event));
    return;
  }
  const trx = dbOrTrx as Transaction<Database>;
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const entry: Omit<AuditLogTable, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actor_id: event.actor?.id ?? null,
    actor_username: event.actor?.username ?? null,
    actor_state: event.actor?.state ?? null,
    action: event.action,
    target_type: event.targetType ?? null,
    target_id: event.targetId ?? null,
    outcome: event.outcome ?? 'success',
    ip: event.ip ?? null,
    details: JSON.parse(JSON.stringify(event.details ?? {})) as Record<string, unknown>,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto('audit_log')
    .values({ ...entry, details: JSON.stringify(entry.details) as unknown as Record<string, unknown>, hash: entryHash(entry) })
    .execute();
}

export interface VerifyReport {
  entries: number;
  ok: boolean;
  problems: ChainProblem[];
}

/** Walks the whole chain in pages (the log grows without bound). */
export async function verifyAudit(db: Db, onProgress?: (done: number, total: number) => void): Promise<VerifyReport> {
  const total = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const problems: ChainProblem[] = [];
  let cursor = { seq: 0, hash: GENESIS_HASH };
  let done = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', cursor.seq).orderBy('seq').limit(5000).execute();
    if (page.length === 0) break;
    problems.push(...verifyChain(page, cursor));
    const lastRow = page[page.length - 1]!;
    cursor = { seq: lastRow.seq, hash: lastRow.hash };
    done += page.length;
    onProgress?.(done, total);
  }
  return { entries: done, ok: problems.length === 0, problems };
}

export function listAudit(db: Db, opts: { limit: number; before?: number; targetType?: string; action?: string }) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(opts.limit);
  if (opts.before) q = q.where('seq', '<', opts.before);
  if (opts.targetType) q = q.where('target_type', '=', opts.targetType);
  if (opts.action) q = q.where('action', '=', opts.action);
  return q.execute();
}
