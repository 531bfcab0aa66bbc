import crypto from 'node:crypto';
import type { ChainedEntry } from './audit.tables.ts';

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What the hash covers: every field but the insertion id and the hash itself. */
export type HashedFields = Omit<ChainedEntry, 'hash' | 'id'>;

export function entryHash(e: HashedFields): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at.toISOString(),
    actor_id: e.actor_id,
    actor_username: e.actor_username,
    actor_state: e.actor_state,
    // Entries written before roles were recorded hash exactly as they did (undefined keys are left out).
    actor_roles: e.actor_roles ?? undefined,
    action: e.action,
    target_type: e.target_type,
    target_id: e.target_id,
    outcome: e.outcome,
    ip: e.ip,
    details: e.details,
    prev_hash: e.prev_hash,
  });
  return crypto.createHash('sha256').update(body).digest('hex');
}

export interface ChainProblem {
  seq: number;
  problem: 'edited' | 'deleted-before' | 'reordered' | 'broken-link';
  message: string;
}

/**
 * Checks entries in seq order. An edited entry no longer matches its own hash; a deleted one leaves a gap
 * in seq and a broken link; entries moved (seq changed) break both the numbering and the links.
 */
export function verifyChain(entries: Iterable<ChainedEntry>, start = { seq: 0, hash: GENESIS_HASH }): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prevSeq = start.seq;
  let prevHash = start.hash;
  for (const e of entries) {
    if (entryHash(e) !== e.hash) {
      problems.push({ seq: e.seq, problem: 'edited', message: `entry ${e.seq} (${e.action}) was modified after it was written` });
    }
    if (e.seq !== prevSeq + 1) {
      const missing = e.seq > prevSeq + 1 ? `entries ${prevSeq + 1}–${e.seq - 1} are missing` : `entry numbers go backwards`;
      problems.push({
        seq: e.seq,
        problem: e.seq > prevSeq + 1 ? 'deleted-before' : 'reordered',
        message: `before entry ${e.seq}: ${missing}`,
      });
    } else if (e.prev_hash !== prevHash) {
      problems.push({
        seq: e.seq,
        problem: 'broken-link',
        message: `entry ${e.seq} does not follow entry ${prevSeq}: the chain was reordered or an entry replaced`,
      });
    }
    prevSeq = e.seq;
    prevHash = e.hash;
  }
  return problems;
}
