import type { Transaction } from 'kysely';
import { usersByIds } from '../../platform/auth/accounts.service.ts';
import { ANONYMOUS, type Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';
import { subscribe, type DomainEvent } from '../../platform/events/events.ts';
import { jobDefinition, type AnyJobDefinition } from '../../platform/jobs/jobs.ts';
import { MEASURE_CODES } from '../../reference/measures.ts';
import { draftFinalised, finalisedRequestDocument, type DraftFinalised } from '../../drafting/drafting.service.ts';
import { CASE_KINDS, CRIME_TYPES } from '../case.vocabulary.ts';
import { createCase } from '../cases.service.ts';
import type { NewCase } from '../cases.schemas.ts';
import { addRequestDocument } from './case-documents.ts';
import * as repo from './exchange.repository.ts';
import './exchange.service.ts'; // the exchange's hooks, for the cases this opens

/**
 * The request writer's finalised drafts become outgoing cases (issue 11): the tracker subscribes to
 * `draft.finalised` (drafting/case-handoff.ts) and opens, for each, an outgoing case in state `ready` — the
 * request is finalised, it waits to be sent — with `draft_id` set, its fields from the event's payload and the
 * content snapshot, and the finalised DOCX as its first document (role 'request', same bytes and SHA-256).
 * Idempotent: one case per draft (the platform delivers each event to the subscriber once; the check below also
 * covers a case registered by other means). Drafts finalised before the tracker existed are pending hand-offs:
 * `catchUpEvents` delivers them at start.
 */

type Trx = Transaction<Database>;
type Snapshot = {
  title?: string;
  requesting?: { authority?: { name?: string } };
  legalBasis?: { type?: string | null; treatyName?: string; treatyArticle?: string };
  offences?: { name?: string; crimeType?: string; organizedCriminalGroup?: boolean | null; maxPenalty?: string }[];
  facts?: { summary?: string };
  persons?: { role?: string | null; kind?: string; name?: { family?: string; given?: string }; organisationName?: string; nationalities?: string[]; dateOfBirth?: string | null }[];
  urgency?: { reason?: string };
};

const CONVENTION_ARTICLE: Record<string, string> = { mla: 'UNTOC:18', extradition: 'UNTOC:16', confiscation: 'UNTOC:13' };
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/._-]{2,59}$/;

/** The outgoing case's fields from the hand-off (the draft's schema is validated; the case's is stricter on some). */
export function caseFromDraft(p: DraftFinalised): NewCase {
  const c = p.snapshot as Snapshot;
  const basis = c.legalBasis?.type === 'treaty' || c.legalBasis?.type === 'reciprocity' ? c.legalBasis.type : 'convention';
  const persons = (c.persons ?? []).map((x) => ({
    name: clip((x.kind === 'legal' ? x.organisationName : [x.name?.given, x.name?.family].filter(Boolean).join(' '))?.trim() ?? '', 200),
    role: x.role ?? 'other',
    nationality: x.nationalities?.[0] ?? null,
    dateOfBirth: x.dateOfBirth ?? null,
  })).filter((x) => x.name);
  const offences = (c.offences ?? []).map((o) => clip(o.name?.trim() ?? '', 300)).filter(Boolean).slice(0, 50);
  const crimeTypes = [...new Set((c.offences ?? []).map((o) => o.crimeType ?? ''))].filter((t) => (CRIME_TYPES as readonly string[]).includes(t)) as NewCase['crimeTypes'];
  const authority = c.requesting?.authority?.name?.trim();
  return {
    direction: 'outgoing',
    kind: (CASE_KINDS as readonly string[]).includes(p.kind) ? p.kind : 'mla',
    counterpartState: p.requestedState,
    title: clip(c.title?.trim() || `Request ${p.reference}`, 300),
    summary: clip(c.facts?.summary?.trim() ?? '', 10_000),
    channel: 'platform',
    legalBasis: basis === 'treaty'
      ? { type: 'treaty', treaty: clip([c.legalBasis?.treatyName, c.legalBasis?.treatyArticle].filter(Boolean).join(', ') || 'Treaty', 300) }
      : basis === 'reciprocity' ? { type: 'reciprocity' } : { type: 'convention', article: CONVENTION_ARTICLE[p.kind] ?? 'UNTOC:18' },
    offences,
    crimeTypes,
    measures: p.measures.filter((m) => (MEASURE_CODES as readonly string[]).includes(m)).slice(0, 50),
    authorities: authority ? [{ role: 'requesting', name: clip(authority, 300) }] : [],
    persons: persons.slice(0, 200),
    priorityInputs: (c.offences ?? []).some((o) => o.organizedCriminalGroup === true) ? { organisedCriminalGroup: true } : {},
    deadline: p.deadline,
    deadlineReason: p.deadline ? clip(c.urgency?.reason?.trim() || 'Deadline stated in the request', 1000) : null,
  };
}

/** Who finalised the draft, as an actor of the requesting State (the case's creator); the platform if unknown. */
async function finaliser(trx: Trx, e: DomainEvent<DraftFinalised>): Promise<Actor> {
  if (!e.actor) return ANONYMOUS;
  const [u] = await usersByIds(trx, [e.actor.id]);
  return u ? u.actor : ANONYMOUS;
}

/** The subscriber's handler: opens the outgoing case of a finalised draft (once). */
export async function openOutgoingCase(e: DomainEvent<DraftFinalised>, trx: Trx): Promise<void> {
  const p = e.payload;
  if (await repo.caseOfDraft(trx, p.draftId)) return;
  const actor = await finaliser(trx, e);
  const input = caseFromDraft(p);
  // the request's own number, as printed on the DOCX the requested State receives, when it is free
  if (REFERENCE.test(p.reference) && !(await repo.referenceTaken(trx, p.requestingState, p.reference))) input.reference = p.reference;
  const row = await createCase(trx, actor, input, { side: 'system', ownerState: p.requestingState, initialState: 'ready', draftId: p.draftId, occurredAt: e.occurredAt });
  const doc = await finalisedRequestDocument(trx, p.draftId);
  if (doc) {
    await addRequestDocument(trx, actor, row.id,
      { bytes: doc.bytes, mediaType: doc.mediaType, fileName: doc.fileName, language: doc.language, draftId: p.draftId, draftVersion: doc.draftVersion },
      { id: e.actor?.id ?? '00000000-0000-0000-0000-000000000000', name: e.actor?.name ?? 'Palermo', state: p.requestingState });
  }
}

export const INTAKE_SUBSCRIBER = 'cases.open-outgoing';
subscribe(draftFinalised, INTAKE_SUBSCRIBER, openOutgoingCase);

/** The subscriber's job (event.cases.open-outgoing), for cases.jobs.ts: every process running workers registers it. */
export const DRAFT_INTAKE_JOBS: readonly AnyJobDefinition[] = [jobDefinition(`event.${INTAKE_SUBSCRIBER}`)!];
