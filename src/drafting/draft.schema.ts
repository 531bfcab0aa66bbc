import { z } from 'zod';
import { CHANNELS, REQUEST_KINDS } from '../reference/measures.ts';
import { LANGUAGES } from '../platform/i18n/languages.ts';
// Real dates only (an impossible one, 2024-02-30, would pass the checks and then fail to finalise); a local
// date-time has no offset: the zone is given separately (`timeZone`), as providers ask.
import { isoDate, localDateTime } from '../platform/platform.schemas.ts';

/**
 * The content of a request draft: everything the wizard collects, as one JSON document.
 *
 * A draft is saved while it is being written, so every field may be empty here: this schema only
 * refuses values that are malformed (an unknown code, a date that is not a date, a text too long to be
 * a mistake). Completeness is the job of the checks (checks/*.ts), which name the missing field by its
 * JSON path (e.g. `$.assistance[0].electronicEvidence.provider.name`) and say how to fix it.
 *
 * `draftContentSchema.parse({})` yields a complete empty skeleton (every object present, arrays empty,
 * texts ''), which is what a new draft starts from. Items of arrays carry a client-chosen `id` (a
 * UUID is generated when omitted) so that persons, offences and forms can refer to each other and
 * versions can be compared item by item.
 *
 * Browser-safe: imported by the wizard (src/drafting/ui), so nothing from node: here.
 */

const SHORT = 300;
const MEDIUM = 4_000;
const LONG = 100_000; // facts are warned about long before this (checks/clarity.ts); this only stops abuse

const text = (max = MEDIUM) => z.string().max(max, `must be at most ${max} characters`).default('');
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code in upper case, such as FRA');
const timeZone = z
  .string()
  .regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+|UTC[+-]\d{2}:\d{2})$/, 'must be an IANA time zone such as Europe/Paris, or UTC, or UTC+05:30');
// A new item gets a fresh id; the OpenAPI document must not show one drawn at generation time (it would change
// on every run), so the generated `default` is blanked out (undefined keys vanish from the JSON).
const itemId = z.string().min(1).max(64).default(() => globalThis.crypto.randomUUID()).meta({ default: undefined });
const ids = z.array(z.string().min(1).max(64)).max(200).default([]);
const money = z
  .object({ amount: z.number().nonnegative().nullable().default(null), currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR').nullable().default(null) })
  .strict()
  .prefault({});

export const LEGAL_BASIS_TYPES = ['convention', 'treaty', 'reciprocity'] as const;
export const PROCEEDING_TYPES = ['investigation', 'prosecution', 'trial', 'appeal', 'enforcement', 'confiscation'] as const;
export const PERSON_ROLES = ['suspect', 'accused', 'convicted', 'witness', 'victim', 'expert', 'account-holder', 'owner-of-property', 'person-to-be-served', 'other'] as const;
export const IDENTIFIER_TYPES = ['account', 'email', 'ip-address', 'phone-number', 'url', 'device-id', 'other'] as const;
export const PROPERTY_TYPES = ['bank-account', 'real-estate', 'vehicle', 'vessel-or-aircraft', 'company-shares', 'virtual-assets', 'cash', 'valuables', 'other'] as const;
export const ATTACHMENT_KINDS = ['warrant', 'judgement', 'confiscation-order', 'law-extract', 'evidence-summary', 'photograph', 'fingerprints', 'translation', 'other'] as const;

export const personName = z
  .object({ family: text(SHORT), given: text(SHORT), otherNames: text(SHORT) })
  .strict()
  .prefault({});

export const person = z
  .object({
    id: itemId,
    role: z.enum(PERSON_ROLES).nullable().default(null),
    kind: z.enum(['natural', 'legal']).default('natural'),
    name: personName,
    /** For a legal person (company) the name goes here and `name` stays empty. */
    organisationName: text(SHORT),
    dateOfBirth: isoDate.nullable().default(null),
    placeOfBirth: text(SHORT),
    gender: z.enum(['female', 'male', 'other', 'unknown']).nullable().default(null),
    nationalities: z.array(iso3).max(5).default([]),
    identityDocuments: z
      .array(z.object({ type: text(SHORT), number: text(SHORT), issuedBy: text(SHORT) }).strict())
      .max(20)
      .default([]),
    /** Where the person is believed to be (address, city, State). */
    location: text(),
    locationState: iso3.nullable().default(null),
    /** Physical description (needed for extradition, art. 16). */
    description: text(),
    /** How the person is connected to the facts. */
    connection: text(),
  })
  .strict();

export const offence = z
  .object({
    id: itemId,
    name: text(SHORT),
    /** The law and article that defines it in the requesting State. */
    legalProvision: text(SHORT),
    /** The wording of the provision (extradition requests carry the text of the law). */
    provisionText: text(LONG),
    maxPenalty: text(SHORT),
    /** A case-tracker crime type, for statistics (free code, e.g. money-laundering). */
    crimeType: text(64),
    /** Committed by / involving an organized criminal group (art. 2(a)). */
    organizedCriminalGroup: z.boolean().nullable().default(null),
    transnational: z.boolean().nullable().default(null),
    dateFrom: isoDate.nullable().default(null),
    dateTo: isoDate.nullable().default(null),
  })
  .strict();

export const propertyItem = z
  .object({
    id: itemId,
    type: z.enum(PROPERTY_TYPES).nullable().default(null),
    description: text(),
    location: text(),
    estimatedValue: money,
    /** Who holds or owns it (ids from `persons`). */
    holderPersonIds: ids,
    /** e.g. IBAN, land register entry, registration number. */
    identifiers: text(),
  })
  .strict();

export const electronicEvidence = z
  .object({
    provider: z.object({ name: text(SHORT), state: iso3.nullable().default(null), contact: text(SHORT) }).strict().prefault({}),
    identifiers: z
      .array(
        z
          .object({
            id: itemId,
            type: z.enum(IDENTIFIER_TYPES).nullable().default(null),
            value: text(SHORT),
            /** For an IP address: the source port (needed behind carrier-grade NAT). */
            port: z.number().int().min(0).max(65535).nullable().default(null),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    dateRange: z
      .object({ from: localDateTime.nullable().default(null), to: localDateTime.nullable().default(null), timeZone: timeZone.nullable().default(null) })
      .strict()
      .prefault({}),
    emergency: z.object({ isEmergency: z.boolean().default(false), justification: text() }).strict().prefault({}),
    /** Preservation: how long (days) the data should be kept pending the formal request. */
    preservationDays: z.number().int().min(1).max(3650).nullable().default(null),
    /** Real-time collection: for how long (days). */
    interceptionDays: z.number().int().min(1).max(365).nullable().default(null),
    /** Ask the provider not to tell the user. */
    nonDisclosure: z.boolean().default(false),
  })
  .strict()
  .prefault({});

const common = {
  id: itemId,
  /** What is asked, in the requesting authority's words (art. 18(15)(d)). */
  description: text(),
  /** Why (art. 18(15)(f)); falls back to the draft's general `purpose`. */
  purpose: text(),
  /** Persons this form concerns (ids from `persons`). */
  personIds: ids,
};

const form = <M extends string, S extends z.ZodRawShape>(measure: M, shape: S) =>
  z.object({ measure: z.literal(measure), ...common, ...shape }).strict();

const hearing = {
  questions: z.array(z.string().max(MEDIUM)).max(200).default([]),
  /** Who may attend (officials of the requesting State, defence counsel). */
  attendees: text(),
  oathOrAffirmation: z.boolean().nullable().default(null),
};

/** One form of assistance; `measure` is a code from src/directory/measures.ts. */
export const assistanceForm = z.discriminatedUnion('measure', [
  form('taking-evidence', hearing),
  form('video-link-hearing', {
    ...hearing,
    proposedDates: z.array(localDateTime).max(20).default([]),
    timeZone: timeZone.nullable().default(null),
    interpretation: text(SHORT),
    technicalContact: text(SHORT),
  }),
  form('service-of-documents', {
    documents: z.array(z.object({ title: text(SHORT), description: text() }).strict()).max(100).default([]),
    addressForService: text(),
    proofOfServiceRequired: z.boolean().default(true),
  }),
  form('search-and-seizure', { places: text(), itemsSought: text() }),
  form('freezing', { property: z.array(propertyItem).max(200).default([]) }),
  form('examining-objects-and-sites', { objectsOrSites: text() }),
  form('information-and-expert-evaluations', { informationSought: text() }),
  form('bank-records', {
    institution: text(SHORT),
    accounts: z.array(z.object({ holder: text(SHORT), number: text(SHORT) }).strict()).max(100).default([]),
    periodFrom: isoDate.nullable().default(null),
    periodTo: isoDate.nullable().default(null),
    recordsSought: text(),
    certifiedCopies: z.boolean().default(true),
  }),
  form('government-and-business-records', { holder: text(SHORT), recordsSought: text(), certifiedCopies: z.boolean().default(true) }),
  form('identify-and-trace-proceeds', { property: z.array(propertyItem).max(200).default([]), periodFrom: isoDate.nullable().default(null), periodTo: isoDate.nullable().default(null) }),
  form('voluntary-appearance', { where: text(SHORT), when: isoDate.nullable().default(null), expensesCovered: z.boolean().nullable().default(null), safeConduct: z.boolean().nullable().default(null) }),
  form('other-assistance', {}),
  form('e-evidence-preservation', { electronicEvidence }),
  form('e-evidence-subscriber', { electronicEvidence }),
  form('e-evidence-traffic', { electronicEvidence }),
  form('e-evidence-content', { electronicEvidence }),
  form('e-evidence-real-time-traffic', { electronicEvidence }),
  form('confiscation', {
    property: z.array(propertyItem).max(200).default([]),
    /** The order to enforce (art. 13(1)(b)), or the request to obtain one (art. 13(1)(a)). */
    order: z
      .object({
        basis: z.enum(['enforce-existing-order', 'obtain-order']).nullable().default(null),
        issuedBy: text(SHORT),
        date: isoDate.nullable().default(null),
        reference: text(SHORT),
        isFinal: z.boolean().nullable().default(null),
        summary: text(),
      })
      .strict()
      .prefault({}),
  }),
  form('asset-sharing-and-return', {
    /** Art. 14(2): return to compensate victims or to legitimate owners; art. 14(3)(b): sharing. */
    proposal: z.enum(['return-to-victims', 'return-to-owners', 'sharing', 'contribution-to-untoc-account']).nullable().default(null),
    terms: text(),
    paymentDetails: text(),
  }),
  form('extradition', {
    surrenderFor: z.enum(['prosecution', 'enforcement-of-sentence']).nullable().default(null),
    warrant: z
      .object({
        type: z.enum(['arrest-warrant', 'judgement', 'other']).nullable().default(null),
        issuedBy: text(SHORT),
        date: isoDate.nullable().default(null),
        reference: text(SHORT),
        sentenceImposed: text(SHORT),
        sentenceRemaining: text(SHORT),
      })
      .strict()
      .prefault({}),
    provisionalArrestRequested: z.boolean().default(false),
    /** Assurances offered (speciality, no death penalty, fair trial, …). */
    assurances: text(),
    statuteOfLimitations: text(),
  }),
  form('transfer-of-proceedings', { reasons: text(), stageOfProceedings: text(), evidenceTransmitted: text(), limitationPeriod: text(SHORT) }),
  form('joint-investigation', {
    objective: text(),
    participatingAuthorities: text(),
    durationMonths: z.number().int().min(1).max(120).nullable().default(null),
    leadAuthority: text(SHORT),
    agreementBasis: text(SHORT),
  }),
  form('controlled-delivery', { consignment: text(), route: text(), expectedDates: text(SHORT) }),
  form('transfer-of-sentenced-persons', { sentence: text(SHORT), consentObtained: z.boolean().nullable().default(null) }),
]);

export const draftContentSchema = z
  .object({
    kind: z.enum(REQUEST_KINDS).default('mla'),
    /** A working title for lists (not printed as part of the request). */
    title: text(SHORT),
    /** The language the request is written in; must be one the requested State accepts. */
    language: z.enum(LANGUAGES).nullable().default(null),
    /** The requesting side. The requesting State is always the draft's owner State (not stored here). */
    requesting: z
      .object({
        authority: z.object({ name: text(SHORT), functions: text(), address: text() }).strict().prefault({}),
        contact: z.object({ name: text(SHORT), position: text(SHORT), email: text(SHORT), phone: text(SHORT), languages: text(SHORT) }).strict().prefault({}),
        /** The requesting authority's own case number. */
        caseReference: text(SHORT),
      })
      .strict()
      .prefault({}),
    requested: z
      .object({
        state: iso3.nullable().default(null),
        /** The directory's authority id (from routeRequest), and its name as printed. */
        authorityId: z.string().max(64).nullable().default(null),
        authorityName: text(SHORT),
      })
      .strict()
      .prefault({}),
    channel: z.enum(CHANNELS).nullable().default(null),
    legalBasis: z
      .object({
        type: z.enum(LEGAL_BASIS_TYPES).nullable().default(null),
        /** With type "treaty": its name and article. */
        treatyName: text(SHORT),
        treatyArticle: text(SHORT),
        /** With type "reciprocity": the assurance given. */
        reciprocityAssurance: text(),
        notes: text(),
      })
      .strict()
      .prefault({}),
    /** Art. 18(15)(b): the subject matter and nature of the proceedings, and who conducts them. */
    proceedings: z
      .object({
        type: z.enum(PROCEEDING_TYPES).nullable().default(null),
        subjectMatter: text(),
        conductingAuthority: z.object({ name: text(SHORT), functions: text() }).strict().prefault({}),
        caseNumber: text(SHORT),
        /** Next hearing, trial date, limitation date … */
        keyDates: text(),
      })
      .strict()
      .prefault({}),
    offences: z.array(offence).max(100).default([]),
    /** Art. 18(15)(c): the summary of the relevant facts (not needed for service of documents only). */
    facts: z.object({ summary: text(LONG) }).strict().prefault({}),
    persons: z.array(person).max(200).default([]),
    assistance: z.array(assistanceForm).max(50).default([]),
    /** Art. 18(15)(f): why the evidence, information or action is sought. */
    purpose: text(),
    /** How the conduct would also be an offence in the requested State (coercive measures, extradition). */
    dualCriminality: z.object({ statement: text() }).strict().prefault({}),
    /** Art. 18(24). */
    urgency: z
      .object({ urgent: z.boolean().default(false), deadline: isoDate.nullable().default(null), reason: text() })
      .strict()
      .prefault({}),
    /** Art. 18(20). */
    confidentiality: z.object({ required: z.boolean().default(false), reason: text() }).strict().prefault({}),
    /** Art. 18(15)(d) and 18(17): particular procedures the requesting State wishes followed. */
    procedures: text(),
    /** Art. 18(19): limits on the use of what is obtained, or the uses the requesting State asks consent for. */
    useLimitations: text(),
    /** Abbreviations used in the free text, defined once (checks/clarity.ts warns about undefined ones). */
    abbreviations: z.array(z.object({ term: text(32), meaning: text(SHORT) }).strict()).max(100).default([]),
    attachments: z
      .array(
        z
          .object({ id: itemId, kind: z.enum(ATTACHMENT_KINDS).nullable().default(null), title: text(SHORT), description: text(), pages: z.number().int().min(0).max(100_000).nullable().default(null), translated: z.boolean().default(false) })
          .strict(),
      )
      .max(100)
      .default([]),
  })
  .strict();

export type DraftContent = z.infer<typeof draftContentSchema>;
export type DraftContentInput = z.input<typeof draftContentSchema>;
export type AssistanceForm = z.infer<typeof assistanceForm>;
export type Person = z.infer<typeof person>;
export type Offence = z.infer<typeof offence>;
export type PropertyItem = z.infer<typeof propertyItem>;
export type ElectronicEvidence = z.infer<typeof electronicEvidence>;

/** A complete, empty draft content (what POST /drafting/drafts starts from). */
export const emptyDraftContent = (): DraftContent => draftContentSchema.parse({});

/** The forms of assistance that carry an `electronicEvidence` block. */
export const hasElectronicEvidence = (f: AssistanceForm): f is Extract<AssistanceForm, { electronicEvidence: ElectronicEvidence }> =>
  'electronicEvidence' in f;

/** The forms that list property (`property`). */
export const hasProperty = (f: AssistanceForm): f is Extract<AssistanceForm, { property: PropertyItem[] }> => 'property' in f;
