import type { CaseAuthority } from '../cases.tables.ts';
import { newCaseBody, type NewCase } from '../cases.schemas.ts';
import type { RowPlan } from './case-import.plan.ts';
import type { ImportRow } from './case-import.row.ts';

/**
 * A checked row as core's `createCase` takes it (cases.schemas.ts `newCaseBody`): the same fields a case
 * registered by hand has. The executing authority comes with the `pass_to_executing` step when the case went
 * that far; otherwise it is kept among the authorities.
 */
export function toNewCase(row: ImportRow, plan: RowPlan): NewCase {
  const passes = plan.steps.some((s) => s.action === 'pass_to_executing');
  const authorities: CaseAuthority[] = [];
  const add = (role: CaseAuthority['role'], name: string | null) => {
    if (name) authorities.push({ role, name });
  };
  add('requesting', row.requesting_authority);
  add('central', row.central_authority);
  add('competent', row.competent_authority);
  if (!passes) add('executing', row.executing_authority);
  const priorityInputs = Object.fromEntries(Object.entries({
    personInCustody: row.person_in_custody,
    evidenceAtRisk: row.evidence_at_risk,
    evidenceLossDate: row.evidence_loss_date,
    maxPenaltyYears: row.max_penalty_years,
    organisedCriminalGroup: row.organised_criminal_group,
    victims: row.victims,
  }).filter(([, v]) => v !== null));
  return {
    direction: row.direction,
    kind: row.kind,
    counterpartState: row.counterpart_state,
    reference: row.reference,
    counterpartReference: row.counterpart_reference,
    title: row.title,
    summary: row.summary ?? '',
    channel: row.channel,
    legalBasis: { type: row.legal_basis, article: row.legal_basis_article, treaty: row.legal_basis_treaty },
    offences: row.offences,
    crimeTypes: row.crime_types,
    measures: row.measures,
    authorities,
    persons: row.persons ?? [],
    priorityInputs,
    deadline: row.deadline,
    deadlineReason: row.deadline_reason,
    ...(row.confidentiality && { confidentiality: row.confidentiality }),
    ...(row.direction === 'incoming' && row.received_on && { receivedAt: row.received_on }),
    ...(plan.createdState === 'sent' && { initialState: 'sent' as const, sentAt: row.sent_on! }),
  };
}

/** The API's field names back to the file's columns, to name core's own refusals of a row. */
const COLUMN_OF: Record<string, string> = {
  counterpartState: 'counterpart_state', counterpartReference: 'counterpart_reference', crimeTypes: 'crime_types',
  deadlineReason: 'deadline_reason', receivedAt: 'received_on', sentAt: 'sent_on', legalBasis: 'legal_basis',
};
const LEGAL_BASIS_COLUMN: Record<string, string> = { article: 'legal_basis_article', treaty: 'legal_basis_treaty' };
const PRIORITY_COLUMN: Record<string, string> = {
  personInCustody: 'person_in_custody', evidenceAtRisk: 'evidence_at_risk', evidenceLossDate: 'evidence_loss_date',
  maxPenaltyYears: 'max_penalty_years', organisedCriminalGroup: 'organised_criminal_group', victims: 'victims',
};

export function columnOf(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  if (first === 'legalBasis' && second && LEGAL_BASIS_COLUMN[second]) return LEGAL_BASIS_COLUMN[second]!;
  if (first === 'priorityInputs' && second && PRIORITY_COLUMN[second]) return PRIORITY_COLUMN[second]!;
  if (first === 'authorities') return 'requesting_authority';
  return COLUMN_OF[first ?? ''] ?? first ?? 'row';
}

/** Core's schema over the mapped row: what it refuses, named by column (the file's checks should leave nothing). */
export function checkNewCase(c: NewCase): Array<{ column: string; message: string }> {
  const r = newCaseBody.safeParse(c);
  return r.success ? [] : r.error.issues.map((i) => ({ column: columnOf(i.path), message: i.message }));
}
