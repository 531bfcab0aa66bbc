import { z } from 'zod';
import { CHANNELS } from '../reference/measures.ts';

/** The routing answer (routing.types.ts) as a response schema, for validation and the OpenAPI document. */
const status = z.enum(['party', 'signatory', 'not_party', 'unknown']);
const state = z.object({ iso3: z.string(), name: z.string(), untoc: status });

export const routeAnswerSchema = z.object({
  query: z.object({ from: z.string(), to: z.string(), kind: z.enum(['mla', 'extradition', 'confiscation']), measure: z.string().optional() }),
  requesting: state,
  requested: state,
  authority: z
    .object({
      id: z.string(),
      name: z.string(),
      contacts: z.object({ email: z.string().nullable(), phone: z.string().nullable(), postalAddress: z.string().nullable(), website: z.string().nullable() }).nullable(),
      available24x7: z.boolean().nullable(),
      directTransmission: z.boolean().nullable(),
      encryptionRequired: z.boolean().nullable(),
      eSignatureRequired: z.boolean().nullable(),
      interpolForUrgent: z.boolean().nullable(),
      lastVerified: z.string().nullable(),
    })
    .nullable(),
  addressee: z
    .object({
      id: z.string().nullable(),
      name: z.string(),
      source: z.enum(['measure', 'central-authority']),
      contacts: z.object({ email: z.string().nullable(), phone: z.string().nullable(), postalAddress: z.string().nullable(), website: z.string().nullable() }).nullable(),
      available24x7: z.boolean().nullable(),
      via: z.object({ id: z.string(), name: z.string() }).nullable(),
    })
    .nullable(),
  languages: z.array(z.string()).nullable(),
  languagesSource: z.enum(['directory', 'art18-14']).nullable().optional(),
  channels: z.array(z.enum(CHANNELS)).nullable(),
  extraditionNotification: z.object({ basis: z.enum(['yes', 'no']), madeOn: z.string().nullable(), text: z.string() }).nullable().optional(),
  legalBasis: z.object({
    convention: z.boolean().nullable(),
    code: z.enum(['both-parties', 'not-both-parties', 'status-unknown', 'extradition-notified-yes', 'extradition-notified-no', 'extradition-not-notified']),
    explanation: z.string(),
  }),
  measure: z
    .object({
      code: z.string(),
      available: z.enum(['yes', 'no', 'partly']).nullable(),
      legalFramework: z.string().nullable(),
      receivingAuthority: z.string().nullable(),
      languages: z.array(z.string()).nullable(),
      usualExecutionDays: z.number().nullable(),
      specialRequirements: z.string().nullable(),
      alternatives: z.string().nullable(),
      dualCriminality: z.enum(['required', 'not-required', 'coercive-only']).nullable(),
    })
    .nullable(),
  requirements: z.array(z.string()),
  unknown: z.array(z.string()),
}).meta({ id: 'RouteAnswer' });
