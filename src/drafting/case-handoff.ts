import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/database.ts';
import type { DraftContent } from './draft.schema.ts';
import * as repo from './drafting.repository.ts';

/**
 * The one door from the request writer to the case tracker: a finalised draft becomes a tracked
 * outgoing case. Until the `cases` module exists, the case waits here as a pending outgoing case in a
 * drafting-owned table (drafting_pending_cases, status "pending"); when the tracker arrives, this function
 * calls its service instead (and the tracker takes the pending rows over), and no caller changes.
 * Runs in the finalising transaction, so a draft is never finalised without its case, nor the reverse.
 */
export async function handOffToCases(
  trx: Transaction<Database>,
  by: { id: string; name: string },
  draft: { id: string; reference: string; owner_state: string; version: number },
  content: DraftContent,
): Promise<repo.PendingCaseRow> {
  return repo.insertPendingCase(trx, {
    draft_id: draft.id,
    reference: draft.reference,
    requesting_state: draft.owner_state,
    requested_state: content.requested.state!,
    kind: content.kind,
    legal_basis: content.legalBasis.type!,
    measures: [...new Set(content.assistance.map((f) => f.measure))],
    urgent: content.urgency.urgent || content.urgency.deadline !== null,
    deadline: content.urgency.deadline,
    draft_version: draft.version,
    snapshot: content as unknown as Record<string, unknown>,
    created_by: by.id,
    created_by_name: by.name,
  });
}

export function pendingCaseDto(c: repo.PendingCaseRow) {
  return {
    id: c.id,
    draftId: c.draft_id,
    reference: c.reference,
    requestingState: c.requesting_state,
    requestedState: c.requested_state,
    kind: c.kind,
    legalBasis: c.legal_basis,
    measures: c.measures,
    urgent: c.urgent,
    deadline: c.deadline,
    draftVersion: c.draft_version,
    status: c.status,
    createdAt: c.created_at.toISOString(),
    createdBy: { id: c.created_by, name: c.created_by_name },
  };
}
