import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../platform/db/database.ts';
import { defineEvent, deliveriesOf, latestEvent, publish, type DomainEvent } from '../platform/events/events.ts';
import { REQUEST_KINDS } from '../reference/measures.ts';
import type { DraftContent } from './draft.schema.ts';

/**
 * The one door from the request writer to the case tracker: finalising a draft publishes `draft.finalised`
 * in the finalising transaction (so a draft is never finalised without its hand-off, nor the reverse). The
 * tracker subscribes to it (`subscribe(draftFinalised, 'cases.open-outgoing', …)`, platform/events) and opens
 * the outgoing case; until a subscriber has handled the event the hand-off shows as "pending", then as
 * "taken-over". Events finalised before the tracker existed reach it too (events.catchUpEvents).
 */
export const draftFinalised = defineEvent('draft.finalised', 'draft', z.object({
  draftId: z.string(),
  reference: z.string(),
  requestingState: z.string(),
  requestedState: z.string(),
  kind: z.enum(REQUEST_KINDS),
  legalBasis: z.string(),
  measures: z.array(z.string()),
  urgent: z.boolean(),
  deadline: z.string().nullable(),
  draftVersion: z.number().int(),
  /** The draft content as finalised (DraftContent, draft.schema.ts). */
  snapshot: z.record(z.string(), z.unknown()),
}));
export type DraftFinalised = z.infer<typeof draftFinalised.payload>;

export type HandOff = DomainEvent<DraftFinalised> & { takenOverBy: string[] };

export async function handOffToCases(
  trx: Transaction<Database>,
  by: { id: string; name: string },
  draft: { id: string; reference: string; owner_state: string; version: number },
  content: DraftContent,
): Promise<HandOff> {
  await publish(trx, {
    type: draftFinalised,
    aggregateId: draft.id,
    actor: by,
    payload: {
      draftId: draft.id,
      reference: draft.reference,
      requestingState: draft.owner_state,
      requestedState: content.requested.state!,
      kind: content.kind,
      legalBasis: content.legalBasis.type!,
      measures: [...new Set(content.assistance.map((f) => f.measure))],
      urgent: content.urgency.urgent || content.urgency.deadline !== null,
      deadline: content.urgency.deadline,
      draftVersion: draft.version,
      snapshot: content as unknown as Record<string, unknown>,
    },
  });
  return (await handOffOf(trx, draft.id))!;
}

/** The hand-off of a finalised draft (null for a draft never finalised). */
export async function handOffOf(db: Db | Transaction<Database>, draftId: string): Promise<HandOff | null> {
  const event = await latestEvent(db, draftFinalised, draftId);
  return event ? { ...event, takenOverBy: await deliveriesOf(db, event.id) } : null;
}

/** What the API shows of it: the outgoing case as announced (its id is the event's), and whether it was taken over. */
export function pendingCaseDto(h: HandOff) {
  const p = h.payload;
  return {
    id: h.id,
    draftId: p.draftId,
    reference: p.reference,
    requestingState: p.requestingState,
    requestedState: p.requestedState,
    kind: p.kind,
    legalBasis: p.legalBasis,
    measures: p.measures,
    urgent: p.urgent,
    deadline: p.deadline,
    draftVersion: p.draftVersion,
    status: h.takenOverBy.length ? 'taken-over' : 'pending',
    createdAt: h.occurredAt.toISOString(),
    createdBy: h.actor ?? { id: '', name: '' },
  };
}
