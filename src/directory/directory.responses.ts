import { z } from 'zod';
import { entryPolicy } from './directory.policy.ts';

/**
 * Response shapes of the directory's routes, named for the browser client's types. An entry's own fields differ
 * by type (directory.schemas.ts FIELDS): the schema names what every entry has and lets the rest through.
 */

export const entrySchema = z
  .looseObject({
    id: z.string(),
    entryType: z.enum(['authority', 'measure', 'notification', 'expert']),
    iso3: z.string().nullable(),
    version: z.number(),
    lastVerified: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable().describe('shown to logged-in professionals only'),
    retired: z.boolean(),
    contactsVisible: z.boolean().describe('false: the contact fields are null because the caller may not see them'),
    permissions: entryPolicy.permissionsSchema.describe('what the caller may do with this entry (directory.policy.ts)'),
  })
  .meta({ id: 'DirectoryEntry' });

export const listOf = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });

export const historyItemSchema = z
  .object({
    version: z.number(),
    action: z.enum(['create', 'update', 'retire', 'confirm']),
    changedAt: z.string(),
    changedBy: z.string().nullable().describe('shown to logged-in professionals only'),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown(), hidden: z.boolean().optional() })),
  })
  .meta({ id: 'DirectoryHistoryItem' });

export const stateDirectorySchema = z
  .object({
    iso3: z.string(),
    part1: z.array(entrySchema),
    part2: z.array(entrySchema),
    focalPoints: z.array(entrySchema),
    firearmsPocs: z.array(entrySchema),
    measures: z.array(entrySchema),
    notifications: z.array(entrySchema),
    canEdit: z.boolean(),
  })
  .meta({ id: 'StateDirectory' });

export const stateCountSchema = z
  .object({
    iso3: z.string(),
    authorities: z.number(),
    centralAuthorities: z.number(),
    measures: z.number(),
    notifications: z.number(),
    lastVerified: z.string().nullable(),
  })
  .meta({ id: 'DirectoryStateCount' });

export const staleSchema = z.object({
  before: z.string().describe('entries not confirmed since this date'),
  items: z.array(
    z
      .object({
        entryType: z.enum(['authority', 'measure', 'notification', 'expert']),
        id: z.string(),
        iso3: z.string().nullable(),
        label: z.string(),
        lastVerified: z.string().nullable(),
        updatedAt: z.string(),
      })
      .meta({ id: 'StaleEntry' }),
  ),
});
