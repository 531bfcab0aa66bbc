import type { CaseChannel, CaseKind, Confidentiality, CrimeType, Direction, LegalBasis } from '../case.vocabulary.ts';
import type { NewCase } from './caseTypes.ts';

/** The roles a person may have on a case, as offered by the form (the API takes any short text). */
export const PERSON_ROLES = ['suspect', 'accused', 'sentenced', 'witness', 'victim', 'owner-of-assets', 'other'] as const;

/** The Convention's article for each kind: what "the Convention" as legal basis usually means for it. */
export const ARTICLE_OF_KIND: Record<CaseKind, string> = {
  mla: 'UNTOC:18',
  extradition: 'UNTOC:16',
  confiscation: 'UNTOC:13',
  'transfer-of-sentenced-persons': 'UNTOC:17',
  'transfer-of-proceedings': 'UNTOC:21',
  'joint-investigation': 'UNTOC:19',
  'law-enforcement': 'UNTOC:27',
};
export const CONVENTION_ARTICLES = ['UNTOC:13', 'UNTOC:14', 'UNTOC:16', 'UNTOC:17', 'UNTOC:18', 'UNTOC:19', 'UNTOC:21', 'UNTOC:27'] as const;

export interface PersonRow {
  name: string;
  role: string;
  nationality: string;
  inCustody: boolean;
}
export interface AuthorityRow {
  role: 'central' | 'requesting' | 'competent' | 'executing';
  name: string;
}

/** The form's state: text as typed, turned into the API's body only when sent. */
export interface RegisterState {
  direction: Direction;
  kind: CaseKind;
  counterpartState: string;
  counterpartReference: string;
  reference: string;
  title: string;
  summary: string;
  channel: Exclude<CaseChannel, 'platform'>;
  /** outgoing: already sent outside the platform (registered as sent), or still being prepared */
  alreadySent: boolean;
  date: string;
  legalBasis: LegalBasis;
  article: string;
  treaty: string;
  offences: string;
  crimeTypes: CrimeType[];
  measures: string[];
  persons: PersonRow[];
  authorities: AuthorityRow[];
  personInCustody: boolean;
  evidenceAtRisk: boolean;
  evidenceLossDate: string;
  maxPenaltyYears: string;
  organisedCriminalGroup: boolean;
  victims: string;
  deadline: string;
  deadlineReason: string;
  confidentiality: Confidentiality;
}

export const today = () => new Date().toISOString().slice(0, 10);

export const emptyRegister = (): RegisterState => ({
  direction: 'incoming',
  kind: 'mla',
  counterpartState: '',
  counterpartReference: '',
  reference: '',
  title: '',
  summary: '',
  channel: 'diplomatic',
  alreadySent: true,
  date: today(),
  legalBasis: 'convention',
  article: ARTICLE_OF_KIND.mla,
  treaty: '',
  offences: '',
  crimeTypes: [],
  measures: [],
  persons: [],
  authorities: [],
  personInCustody: false,
  evidenceAtRisk: false,
  evidenceLossDate: '',
  maxPenaltyYears: '',
  organisedCriminalGroup: false,
  victims: '',
  deadline: '',
  deadlineReason: '',
  confidentiality: 'confidential',
});

const opt = (s: string) => (s.trim() ? s.trim() : undefined);
const int = (s: string) => (s.trim() && /^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim() ? (s.trim() as unknown as number) : undefined);

/**
 * The API's body (NewCase). Numbers typed wrong are passed as typed, so that the API's 400 names the field; empty
 * optional fields are left out.
 */
export function toNewCase(s: RegisterState): NewCase {
  const incoming = s.direction === 'incoming';
  const sentByHand = !incoming && s.alreadySent;
  const body: NewCase = {
    direction: s.direction,
    kind: s.kind,
    counterpartState: s.counterpartState,
    ...(opt(s.reference) && { reference: opt(s.reference) }),
    counterpartReference: opt(s.counterpartReference) ?? null,
    title: s.title.trim(),
    summary: s.summary.trim(),
    ...((incoming || sentByHand) && { channel: s.channel }),
    ...(incoming && opt(s.date) && { receivedAt: opt(s.date) }),
    ...(sentByHand && { initialState: 'sent' as const, ...(opt(s.date) && { sentAt: opt(s.date) }) }),
    legalBasis: {
      type: s.legalBasis,
      ...(s.legalBasis === 'convention' && opt(s.article) && { article: opt(s.article) }),
      ...(s.legalBasis === 'treaty' && { treaty: s.treaty.trim() }),
    },
    offences: s.offences.split('\n').map((x) => x.trim()).filter(Boolean),
    crimeTypes: s.crimeTypes,
    measures: s.measures as NewCase['measures'],
    persons: s.persons
      .filter((p) => p.name.trim())
      .map((p) => ({ name: p.name.trim(), role: p.role, ...(opt(p.nationality) && { nationality: opt(p.nationality) }), inCustody: p.inCustody })),
    authorities: s.authorities.filter((a) => a.name.trim()).map((a) => ({ role: a.role, name: a.name.trim() })),
    priorityInputs: {
      ...(s.personInCustody && { personInCustody: true }),
      ...(s.evidenceAtRisk && { evidenceAtRisk: true }),
      ...(opt(s.evidenceLossDate) && { evidenceLossDate: opt(s.evidenceLossDate) }),
      ...(int(s.maxPenaltyYears) !== undefined && { maxPenaltyYears: int(s.maxPenaltyYears) }),
      ...(s.organisedCriminalGroup && { organisedCriminalGroup: true }),
      ...(int(s.victims) !== undefined && { victims: int(s.victims) }),
    },
    ...(opt(s.deadline) && { deadline: opt(s.deadline), deadlineReason: opt(s.deadlineReason) ?? null }),
    confidentiality: s.confidentiality,
    assignees: [],
  };
  return body;
}

/** The form field an API issue's path points to ("body.legalBasis.treaty" → "legalBasis.treaty"). */
export const issueField = (path: string) => path.replace(/^body\.?/, '');
