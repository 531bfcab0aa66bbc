import { z } from 'zod';
import { LANGUAGES } from '../platform/i18n/languages.ts';

export const langQuery = z.object({ lang: z.enum(LANGUAGES).default('en').describe('language of the names returned') });

const localized = z.record(z.string(), z.string()).describe('text per UN language code');

export const instrumentSchema = z.object({
  code: z.string(),
  kind: z.enum(['convention', 'protocol']),
  parent: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  inForceOn: z.string().nullable(),
  reviewed: z.boolean(),
  name: z.string(),
  shortName: z.string(),
  names: localized,
}).meta({ id: 'Instrument' });

export const articleSchema = z.object({
  instrument: z.string(),
  article: z.number(),
  eid: z.string().describe('Akoma Ntoso-style provision id, e.g. art_18'),
  title: z.string().nullable(),
  titleLanguage: z.string().nullable().describe('language the title is given in (English when no translation is loaded)'),
  titles: localized,
  chapter: z.string().nullable(),
  chapterTitle: z.string().nullable(),
  cluster: z.object({ code: z.string(), name: z.string() }).nullable(),
  reviewedOnlyIfNotPartyTo: z.string().nullable(),
}).meta({ id: 'Article' });

export const statusEnum = z.enum(['party', 'signatory', 'none', 'unknown']);

export const stateListQuery = langQuery.extend({
  group: z.string().regex(/^[a-z-]{2,40}$/, 'must be a regional group code such as african, or none').optional(),
  party: z.string().regex(/^[A-Za-z0-9]{2,12}$/, 'must be an instrument code such as TIP').optional(),
  status: statusEnum.optional().describe('with party: the status to match (default party)'),
  legal: z.enum(['civil', 'common', 'customary', 'muslim']).optional().describe('legal-system family (mixed systems match each of their families)'),
  q: z.string().trim().min(1).max(100).optional().describe('part of a name in any UN language, or an ISO3 code'),
});

export const stateListSchema = z.object({
  items: z.array(
    z.object({
      iso3: z.string(),
      name: z.string(),
      names: localized,
      kind: z.string(),
      regionalGroup: z.object({ code: z.string(), name: z.string() }).nullable(),
      legalSystem: z.string().nullable(),
      legalFamilies: z.array(z.string()),
      partyStatus: z.record(z.string(), statusEnum),
    }).meta({ id: 'StateSummary' }),
  ),
  total: z.number(),
  language: z.string(),
  unknownStatus: z.object({ instrument: z.string(), count: z.number(), note: z.string() }).nullable(),
}).meta({ id: 'StateList' });

export const stateSchema = z.object({
  iso3: z.string(),
  iso2: z.string().nullable(),
  isoAssigned: z.boolean(),
  kind: z.string(),
  name: z.string(),
  names: localized,
  regionalGroup: z.object({ code: z.string(), name: z.string() }).nullable(),
  legalSystem: z.string().nullable(),
  legalFamilies: z.array(z.string()),
  notes: z.string().nullable(),
  partyStatus: z.array(
    z.object({
      instrument: z.string(),
      instrumentName: z.string(),
      status: statusEnum,
      known: z.boolean(),
      signedOn: z.string().nullable(),
      consentedOn: z.string().nullable(),
      source: z.string().nullable(),
      asOf: z.string().nullable(),
      note: z.string().optional(),
    }).meta({ id: 'PartyStatusEntry' }),
  ),
}).meta({ id: 'StateDetail' });

/* ---------- Response shapes (named: the browser client's types come from them) ---------- */

export const clusterSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    names: localized,
    articles: z.array(z.object({ instrument: z.string(), article: z.number(), reviewedOnlyIfNotPartyTo: z.string().nullable(), note: z.string().nullable() })),
  })
  .meta({ id: 'Cluster' });

export const regionalGroupSchema = z.object({ code: z.string(), name: z.string(), names: localized }).meta({ id: 'RegionalGroup' });

export const statusHistorySchema = z.object({
  instrument: z.string(),
  from: statusEnum.nullable(),
  to: statusEnum,
  signedOn: z.string().nullable(),
  consentedOn: z.string().nullable(),
  source: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string(),
});
