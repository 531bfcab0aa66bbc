/**
 * The words of the case tracker, as stable API codes (labels are in ui/locales): kinds of cooperation, the two
 * directions, legal bases, channels, transmission states, refusal grounds, confidentiality levels, crime types
 * and the roles of authorities on a case. One list each, shared by the schemas, the SQL CHECKs (0017_cases.sql),
 * the statistics and the UI. Spec: ../shared/spec/cases.md.
 */

/** One request of one kind (spec "A case"; the Convention's article in the comment). */
export const CASE_KINDS = [
  'mla', // art. 18
  'extradition', // art. 16
  'confiscation', // arts. 13–14, asset recovery
  'transfer-of-sentenced-persons', // art. 17
  'transfer-of-proceedings', // art. 21
  'joint-investigation', // art. 19
  'law-enforcement', // art. 27
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Outgoing: this State asks. Incoming: this State is asked. A case row always belongs to one State (owner_state). */
export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The legal basis invoked: the Convention (with its article), a treaty (named), reciprocity, or domestic law alone. */
export const LEGAL_BASES = ['convention', 'treaty', 'reciprocity', 'domestic-law'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * How the request travelled. 'platform': sent and received through Palermo. Every other channel means it was
 * registered by hand (paper, e-mail, diplomatic channel…): the statistics count those as "handled outside the system".
 */
export const CASE_CHANNELS = ['platform', 'post', 'courier', 'diplomatic', 'email', 'secure-electronic', 'interpol', 'fax', 'oral-urgent'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/**
 * Transmission, kept apart from the request's own state as in e-CODEX (docs/EXCHANGE.md): 'none' for a request
 * not transmitted through the platform; then prepared → sent → accepted → delivered → retrieved, or rejected /
 * failed. A higher evidence supersedes a lower one.
 */
export const TRANSMISSION_STATES = ['none', 'prepared', 'sent', 'accepted', 'delivered', 'retrieved', 'rejected', 'failed'] as const;
export type TransmissionState = (typeof TRANSMISSION_STATES)[number];

/**
 * Grounds for refusal the Convention knows (art. 18(21) (a)–(d), art. 16 for extradition), plus "fiscal
 * matters", which art. 18(22) and 16(15) forbid as a ground: it stays in the list so that a State choosing it is
 * warned (the refusal is refused unless the officer confirms, see case.workflow.ts) and the statistics show it.
 */
export const REFUSAL_GROUNDS = [
  'not-in-conformity', // 18(21)(a): request not made in conformity with the article
  'sovereignty-security-ordre-public', // 18(21)(b)
  'domestic-law-prohibits', // 18(21)(c)
  'contrary-to-legal-system', // 18(21)(d)
  'dual-criminality', // 18(9), 16(1)
  'bank-secrecy', // 18(8): not a ground either — warned like fiscal matters
  'political-offence',
  'discrimination', // 16(14)
  'nationality', // 16(10), 16(11)
  'death-penalty-assurances',
  'ne-bis-in-idem',
  'statute-of-limitations',
  'insufficient-evidence',
  'fiscal-matters', // 18(22), 16(15): NOT a ground — chosen only with an explicit confirmation
  'other',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** Grounds the Convention excludes: choosing one is warned against and needs `confirmExcludedGround: true`. */
export const EXCLUDED_GROUNDS: readonly RefusalGround[] = ['fiscal-matters', 'bank-secrecy'];

/** Confidentiality of the request and its contents (art. 18(20)). */
export const CONFIDENTIALITY_LEVELS = ['restricted', 'confidential', 'strictly-confidential'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

/**
 * Crime types, for the statistics (the Convention's offences and its Protocols' , plus the serious crimes
 * SHERLOC's crime types list most often). Free-text offence descriptions are kept beside them (`offences`).
 */
export const CRIME_TYPES = [
  'participation-in-ocg', // art. 5
  'money-laundering', // art. 6
  'corruption', // art. 8
  'obstruction-of-justice', // art. 23
  'trafficking-in-persons', // Protocol
  'smuggling-of-migrants', // Protocol
  'firearms-trafficking', // Protocol
  'drug-trafficking',
  'cybercrime',
  'fraud',
  'kidnapping',
  'extortion',
  'murder',
  'environmental-crime',
  'trafficking-in-cultural-property',
  'counterfeiting',
  'terrorism-financing',
  'other',
] as const;
export type CrimeType = (typeof CRIME_TYPES)[number];

/** The part an authority plays in a case (from the directory, or named by hand). */
export const AUTHORITY_ROLES = ['central', 'requesting', 'competent', 'executing'] as const;
export type AuthorityRole = (typeof AUTHORITY_ROLES)[number];

/** Priority levels, highest first (priority.ts computes the score and the level). */
export const PRIORITY_LEVELS = ['urgent', 'high', 'normal', 'low'] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

/** Roles of a document on a case. */
export const DOCUMENT_ROLES = ['request', 'translation', 'supplementary', 'execution-result', 'acknowledgement', 'correspondence', 'other'] as const;
export type CaseDocumentRole = (typeof DOCUMENT_ROLES)[number];

/** The states of a case (the machine's, case.workflow.ts, which says what moves a case from one to another). */
export const CASE_STATES = [
  // outgoing
  'preparing', 'ready', 'sent',
  // incoming
  'received', 'registered', 'returned', 'forwarded', 'under_review', 'info_requested', 'accepted',
  'passed', 'assigned', 'in_execution', 'partially_executed', 'executed', 'postponed', 'refused',
  // both
  'withdrawn', 'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/**
 * Timeline entries that are not actions of the machine: written by the platform (cases.service.ts
 * `appendTimeline`), never posted by a user. 'created': the case's first entry (its to_state is the first state);
 * 'document_added': a document or a new version or translation (data: document id, SHA-256, role, file name);
 * 'evidence': a transmission evidence (data: evidence type, message id — docs/EXCHANGE.md); 'counterpart_update':
 * what the other side of an exchange did (data: its event type, its new state, note).
 */
export const SYSTEM_EVENTS = ['created', 'document_added', 'evidence', 'counterpart_update'] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];
