import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../platform/db/database.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { defineEvent, publish, publishAll } from '../platform/events/events.ts';
import { RECORD_TYPES } from './knowledge.tables.ts';

/**
 * What the knowledge portal announces (platform/events). `record.published`: a record was added, in the
 * transaction that added it — for the review mechanism and other subscribers to come. Who may read the record
 * is in the payload (`access`, `accessState`): a subscriber that tells people about it must respect it.
 */
export const recordPublished = defineEvent('record.published', 'knowledge_record', z.object({
  recordId: z.string(),
  type: z.enum(RECORD_TYPES),
  title: z.string(),
  lang: z.string(),
  symbol: z.string().nullable(),
  states: z.array(z.string()),
  access: z.string(),
  accessState: z.string().nullable(),
}));

type PublishedRecord = { id: string; type: (typeof RECORD_TYPES)[number]; title: string; lang: string; symbol: string | null; states: string[]; access: string; access_state: string | null };

const publicationOf = (actor: Actor, r: PublishedRecord) => ({
  aggregateId: r.id,
  actor: actor.kind === 'user' ? { id: actor.id, name: actor.displayName } : null,
  payload: { recordId: r.id, type: r.type, title: r.title, lang: r.lang, symbol: r.symbol, states: r.states, access: r.access, accessState: r.access_state },
});

export function publishRecordPublished(trx: Transaction<Database>, actor: Actor, r: PublishedRecord): Promise<string> {
  return publish(trx, { type: recordPublished, ...publicationOf(actor, r) });
}

/** The same events for many records at once (records.batch.ts). */
export function publishRecordsPublished(trx: Transaction<Database>, actor: Actor, rs: PublishedRecord[]): Promise<string[]> {
  return publishAll(trx, recordPublished, rs.map((r) => publicationOf(actor, r)));
}
