/**
 * What the case tracker writes to the audit log (see platform/audit/audit-actions.ts). Every read of a case or of
 * anything of it is audited (who, which case, what was read), and so is every refusal to read (`read_denied`):
 * the parts of the module (documents, exchange, statistics, import) use these names.
 */
export const CASES_AUDIT_ACTIONS = [
  /** A case registered by hand, imported, seeded, created from a draft or delivered by exchange. */
  'cases.case.created',
  /** A case (or its timeline) read; details.what says what. */
  'cases.case.read',
  /** Someone not on the holding side asked for a case (or something of it): answered 404. */
  'cases.case.read_denied',
  /** A work queue or list read (details: the filters, how many rows). */
  'cases.case.listed',
  /** An event recorded on the timeline (details: type, from, to, seq). */
  'cases.case.event',
  /** Exchange: an outgoing case sent, delivered as an incoming case, first opened there. */
  'cases.case.sent',
  'cases.case.delivered',
  'cases.case.retrieved',
  /** Documents of a case: added (or a new version / translation), read. */
  'cases.document.added',
  'cases.document.read',
  /** The messages exchanged about a case read. */
  'cases.messages.read',
  /** A CSV import of cases (details: rows, outcome). */
  'cases.import',
  /** Statistics read, exported as CSV, aggregates submitted to the secretariat, submissions read. */
  'cases.stats.read',
  'cases.stats.exported',
  'cases.stats.submitted',
  'cases.stats.submissions_read',
  /** Submissions combined across States read (secretariat or officer). */
  'cases.stats.combined',
] as const;
export type CasesAuditAction = (typeof CASES_AUDIT_ACTIONS)[number];

/** The audit log's target type for a case. */
export const CASE_TARGET = 'cases_case';

declare module '../platform/audit/audit-actions.ts' {
  interface AuditActionRegistry {
    cases: CasesAuditAction;
  }
}
