import { z } from 'zod';
import { LANGUAGES } from '../platform/i18n/languages.ts';
import { int4, isoDate } from '../platform/platform.schemas.ts';
import { CHANNELS, MEASURE_CODES } from '../reference/measures.ts';
import { CATEGORIES, FUNCTIONS, NOTIFICATION_TYPES, PROVENANCE_TYPES, SUBTYPES } from './vocabulary.ts';

/**
 * What a directory entry may hold, checked at every edge (API bodies, CSV rows). Field names are the
 * API's camelCase; the repository maps them to columns. Unknown = null, never an empty guess.
 */

export const ENTRY_TYPES = ['authority', 'measure', 'notification', 'expert'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export { CATEGORIES, FUNCTIONS, NOTIFICATION_TYPES, PART_OF, PROVENANCE_TYPES, SUBTYPES, type Category } from './vocabulary.ts';

/** A real date (the shared rule: no 2024-02-30, no year 0, which PostgreSQL refuses). */
export const dateString = isoDate;
export const langCode = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639-1 language code such as en');
const iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as FRA').transform((s) => s.toUpperCase());
const text = (max = 2000) => z.string().trim().min(1, 'must not be empty').max(max);
const optText = (max = 2000) => text(max).nullable().optional();
const phone = z.string().trim().regex(/^\+?[0-9 ()./-]{4,40}$/, 'must be a telephone number such as +00 1 23 45 67 89').nullable().optional();
const email = z.email('must be an e-mail address').max(254).nullable().optional();
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(500).nullable().optional();
const optBool = z.boolean().nullable().optional();

export const provenanceSchema = z.object({
  type: z.enum(PROVENANCE_TYPES),
  reference: optText(300),
  date: dateString.nullable().optional(),
});

export const contactPersonSchema = z.object({
  name: text(200),
  title: optText(200),
  email,
  phone,
  languages: z.array(langCode).max(20).optional(),
});

export const guideLinkSchema = z
  .object({ title: text(300), recordId: z.uuid('must be a knowledge record id').nullable().optional(), url })
  .refine((g) => g.recordId || g.url, 'give recordId (a knowledge-portal record) or url');

const localizedNames = z.partialRecord(z.enum(LANGUAGES), text(300));

export const authorityFields = z.strictObject({
  iso3: iso3.nullable().optional(),
  category: z.enum(CATEGORIES),
  subtype: z.enum(SUBTYPES),
  name: text(300),
  nameLang: langCode.nullable().optional(),
  names: localizedNames.optional(),
  functions: z.array(z.enum(FUNCTIONS)).max(20).optional(),
  instruments: z.array(z.string().regex(/^[A-Z0-9]{2,12}(:[0-9a-z:]+)?$/, 'must be an instrument code such as UNTOC or UNTOC:18:13')).max(20).optional(),
  memberStates: z.array(iso3).max(250).optional(),
  postalAddress: optText(500),
  phone,
  fax: phone,
  email,
  website: url,
  officeHours: optText(200),
  timeZone: optText(60),
  contactPersons: z.array(contactPersonSchema).max(50).optional(),
  languages: z.array(langCode).max(30).nullable().optional(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).nullable().optional(),
  encryptionRequired: optBool,
  eSignatureRequired: optBool,
  directTransmission: optBool,
  interpolForUrgent: optBool,
  interpolScope: optText(1000),
  available24x7: optBool,
  requirements: z.array(text(2000)).max(50).optional(),
  canDo: optText(),
  cannotDo: optText(),
  guideLinks: z.array(guideLinkSchema).max(30).optional(),
  provenance: provenanceSchema.optional(),
  lastVerified: dateString.nullable().optional(),
});

export const measureFields = z.strictObject({
  iso3,
  measure: z.enum(MEASURE_CODES, { error: 'must be a measure code such as bank-records' }),
  available: z.enum(['yes', 'no', 'partly']).nullable().optional(),
  legalFramework: optText(),
  receivingAuthority: optText(300),
  receivingAuthorityId: z.uuid().nullable().optional(),
  languages: z.array(langCode).max(30).nullable().optional(),
  usualExecutionDays: int4(0, 3650).nullable().optional(),
  specialRequirements: optText(),
  alternatives: optText(),
  dualCriminality: z.enum(['required', 'not-required', 'coercive-only']).nullable().optional(),
  provenance: provenanceSchema.optional(),
  lastVerified: dateString.nullable().optional(),
});

export const notificationFields = z.strictObject({
  iso3,
  type: z.enum(NOTIFICATION_TYPES),
  instrument: z.string().regex(/^[A-Z0-9]{2,12}$/, 'must be an instrument code such as UNTOC').optional(),
  provision: z.string().regex(/^[A-Z0-9]{2,12}:[0-9]+(:[0-9]+(:[a-z]+)?)?$/, 'must be like UNTOC:35:2').nullable().optional(),
  madeOn: dateString.nullable().optional(),
  text: text(20000),
  extraditionBasis: z.enum(['yes', 'no']).nullable().optional(),
  languages: z.array(langCode).max(30).nullable().optional(),
  authorityId: z.uuid().nullable().optional(),
  withdrawnOn: dateString.nullable().optional(),
  provenance: provenanceSchema.optional(),
  lastVerified: dateString.nullable().optional(),
});

export const expertFields = z.strictObject({
  iso3: iso3.nullable().optional(),
  userId: z.uuid().nullable().optional(),
  name: text(200),
  title: optText(200),
  organisation: optText(300),
  expertise: z.array(text(200)).max(30).optional(),
  languages: z.array(langCode).max(30).nullable().optional(),
  email,
  phone,
  provenance: provenanceSchema.optional(),
  lastVerified: dateString.nullable().optional(),
});

/** The version a change was based on (409 when someone saved in between); an int4 like the column. */
export const versionBody = z.object({ expectedVersion: int4(1).optional() });

export const FIELDS = { authority: authorityFields, measure: measureFields, notification: notificationFields, expert: expertFields } as const;
export const PATCHES = {
  authority: authorityFields.partial(),
  measure: measureFields.partial(),
  notification: notificationFields.partial(),
  expert: expertFields.partial(),
} as const;

export type AuthorityInput = z.infer<typeof authorityFields>;
export type MeasureInput = z.infer<typeof measureFields>;
export type NotificationInput = z.infer<typeof notificationFields>;
export type ExpertInput = z.infer<typeof expertFields>;

/** What an entry holds when a field was not given on creation. */
export const DEFAULTS: Record<EntryType, Record<string, unknown>> = {
  authority: {
    iso3: null, nameLang: null, names: {}, functions: [], instruments: [], memberStates: [], postalAddress: null, phone: null, fax: null,
    email: null, website: null, officeHours: null, timeZone: null, contactPersons: [], languages: null, channels: null,
    encryptionRequired: null, eSignatureRequired: null, directTransmission: null, interpolForUrgent: null, interpolScope: null,
    available24x7: null, requirements: [], canDo: null, cannotDo: null, guideLinks: [], lastVerified: null,
  },
  measure: {
    available: null, legalFramework: null, receivingAuthority: null, receivingAuthorityId: null, languages: null, usualExecutionDays: null,
    specialRequirements: null, alternatives: null, dualCriminality: null, lastVerified: null,
  },
  notification: { instrument: 'UNTOC', provision: null, madeOn: null, extraditionBasis: null, languages: null, authorityId: null, withdrawnOn: null, lastVerified: null },
  expert: { iso3: null, userId: null, title: null, organisation: null, expertise: [], languages: null, email: null, phone: null, lastVerified: null },
};

/** Fields that are contact details: hidden from the public (and, for experts, from everyone but experts). */
export const CONTACT_FIELDS: Record<EntryType, readonly string[]> = {
  authority: ['postalAddress', 'phone', 'fax', 'email', 'website', 'officeHours', 'contactPersons'],
  measure: [],
  notification: [],
  expert: ['email', 'phone', 'userId'],
};
