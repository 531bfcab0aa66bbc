import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { GENESIS_HASH, entryHash } from './audit-chain.ts';
import type { AuditRow } from './audit.tables.ts';

/**
 * Extends the audit log's hash chain. Entries are inserted unchained by the audited change's own
 * transaction (audit.service.ts); once that has committed, the chainer gives them, in the order it finds
 * them committed, the next sequence numbers (no gaps) and their hashes (over their fields and the previous
 * hash). It runs under an advisory lock held only for its own short transaction — a batch of UPDATEs — never
 * for a caller's transaction. Entries of a transaction still open are invisible to it and wait for a later
 * run; it runs:
 *   - right after an entry written outside a transaction (audit(db, …));
 *   - after every API request (installAuditChaining): the request's transaction has committed by then;
 *   - when a process opens or closes its runtime (start-up, and the end of every CLI command);
 *   - before `palermo audit verify` and the admin listing read the chain.
 * Concurrent runs queue on the lock; a run that finds nothing to do takes no lock at all.
 */

const CHAIN_LOCK = 0x7a1e_0001; // the same key the writer used before 0016: one chain extender at a time
const BATCH = 1000;

/** Chains every committed unchained entry; returns how many it chained. */
export async function chainAudit(db: Db): Promise<number> {
  let chained = 0;
  for (;;) {
    const pending = await db.selectFrom('audit_log').select('id').where('seq', 'is', null).limit(1).executeTakeFirst();
    if (!pending) return chained;
    const n = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
      // Read after the lock: a run that held it before us has committed, and this statement sees its work.
      const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).where('seq', 'is not', null).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const rows = await trx.selectFrom('audit_log').selectAll().where('seq', 'is', null).orderBy('id').limit(BATCH).execute();
      let prev = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
      const links: { id: number; seq: number; prev_hash: string; hash: string }[] = [];
      for (const r of rows as AuditRow[]) {
        const entry = { ...r, seq: prev.seq + 1, prev_hash: prev.hash };
        const link = { id: r.id, seq: entry.seq, prev_hash: prev.hash, hash: entryHash(entry) };
        links.push(link);
        prev = { seq: link.seq, hash: link.hash };
      }
      if (links.length) {
        await sql`UPDATE audit_log a SET seq = x.seq, prev_hash = x.prev_hash, hash = x.hash
          FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS x(id bigint, seq bigint, prev_hash text, hash text)
          WHERE a.id = x.id AND a.seq IS NULL`.execute(trx);
      }
      return links.length;
    });
    chained += n;
    if (n < BATCH) return chained;
  }
}

/**
 * Chains after each API request, before its response goes out: the handler's transaction has committed, so
 * a client that reads the log next finds its own entries chained. The check for work is one probe of a
 * tiny partial index.
 */
export function installAuditChaining(app: FastifyInstance, db: Db): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    // The entries are committed whatever happens here; a chaining that fails (the database going away) is
    // done by the next run, and must not turn the answer to a change that succeeded into an error.
    if (request.url.startsWith('/api/')) await chainAudit(db).catch(() => undefined);
    return payload;
  });
}
