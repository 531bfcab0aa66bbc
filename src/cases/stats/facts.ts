import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { groupsOf } from '../../reference/reference.service.ts';
import { durations } from './stages.ts';
import * as repo from './stats.repository.ts';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Keeps the statistics' per-case facts (cases_stat_facts, and its rows per item in cases_stat_items) in step with the case, in the transaction that changed
 * it: the grouping columns copied from the case, the counterpart's regional group looked up through the reference
 * module, and the processing times computed from the timeline without paused time (stages.ts). Called by
 * cases.service.ts after every event it records; idempotent (an upsert), so calling it twice is harmless.
 */
export async function refreshCaseFacts(trx: Transaction<Database>, caseId: string): Promise<void> {
  const c = await repo.caseForFacts(trx, caseId);
  if (!c) return;
  const events = await repo.timelineForFacts(trx, caseId);
  const d = durations(c, events);
  const [group] = await groupsOf(trx, [c.counterpart_state]);
  const start = c.direction === 'incoming' ? c.received_at : c.sent_at;
  await repo.upsertFacts(trx, {
    case_id: c.id,
    owner_state: c.owner_state,
    direction: c.direction,
    kind: c.kind,
    counterpart_state: c.counterpart_state,
    counterpart_group: group ?? null,
    legal_basis: c.legal_basis,
    convention_article: c.legal_basis === 'convention' ? c.legal_basis_article : null,
    measures: c.measures,
    crime_types: c.crime_types,
    channel: c.channel,
    outside_system: c.channel !== 'platform',
    status: c.status,
    outcome: c.outcome,
    refusal_ground: c.refusal_ground,
    received_on: day(c.received_at),
    sent_on: day(c.sent_at),
    closed_on: day(c.closed_at ?? (c.status === 'closed' ? (events.find((e) => e.to_state === 'closed')?.occurred_at ?? null) : null)),
    start_on: day(start),
    total_seconds: d.total,
    registration_seconds: d.stages.registration,
    review_seconds: d.stages.review,
    transfer_seconds: d.stages.transfer,
    execution_seconds: d.stages.execution,
    preparation_seconds: d.stages.preparation,
  });
  await repo.rewriteItems(trx, c.id);
}
