import { z } from 'zod';
import { int4, iso3Schema, isoDate, text } from '../../platform/platform.schemas.ts';
import { DRAW_SLOTS } from '../review.vocabulary.ts';

/** The draws' API shapes: what is published before the draw (inputs, their SHA-256, the seed's source), the result, the redraws. */

export const drawIdParam = z.object({ id: z.uuid('must be a draw id (UUID)') });
const sha = z.string().describe('SHA-256 (hex) of the canonical JSON');
const trimmed = (max: number, min = 1) => text(max).pipe(z.string().trim().min(min, `must be at least ${min} characters`));

export const announceBody = z.object({
  cycleId: z.uuid('must be a cycle id (UUID)'),
  kind: z.enum(['reviewers', 'groups']),
  seedSource: trimmed(500, 3).describe('where the seed will come from, e.g. "numbers drawn at the 14th meeting"'),
  groups: int4(2, 20).optional().describe('groups draw: how many groups (default 3)'),
}).strict();

export const drawBody = z.object({ seed: trimmed(200).describe('the seed’s value, as drawn') }).strict();

export const redrawBody = z.object({
  reviewed: iso3Schema,
  slot: z.enum(DRAW_SLOTS),
  replaced: iso3Schema.describe('the slot’s current holder'),
  requestedByState: iso3Schema.describe('the reviewed State or one of its reviewers'),
  requestedByName: trimmed(200).describe('the delegate who asked'),
  reason: trimmed(2000, 3),
  exceptional: z.boolean().default(false).describe('beyond the two redraws a State may ask for a review: only with a reason'),
  exceptionReason: trimmed(2000, 3).optional(),
}).strict().refine((b) => !b.exceptional || b.exceptionReason !== undefined, { path: ['exceptionReason'], message: 'an exceptional redraw needs its reason' });

export const reviewsFromDrawBody = z.object({
  drawId: z.uuid('must be a draw id (UUID)'),
  phase: int4(1, 20),
  group: int4(1, 20).optional().describe('only the States of this group'),
  startedOn: isoDate.optional().describe('default: 1 January of the phase’s start year (the group’s start year + the phase’s offset)'),
}).strict();

export const drawListQuery = z.object({ cycleId: z.uuid('must be a cycle id (UUID)').optional() });

const reviewer = z.object({ state: z.string(), slot: z.enum(DRAW_SLOTS), instruments: z.array(z.string()) });

export const drawSummaryDto = z.object({
  id: z.string(),
  cycle: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
  kind: z.enum(['reviewers', 'groups']),
  status: z.enum(['announced', 'drawn', 'cancelled']),
  algorithm: z.string(),
  seedSource: z.string(),
  seed: z.string().nullable(),
  inputsSha256: sha,
  resultSha256: sha.nullable(),
  announcedAt: z.string(),
  drawnAt: z.string().nullable(),
});

export const drawDto = drawSummaryDto.extend({
  announcedBy: z.string().nullable(),
  drawnBy: z.string().nullable(),
  asOf: z.string().nullable().describe('the reference data’s date the inputs were taken from'),
  pools: z.array(z.object({ group: z.string(), states: z.array(z.string()) })).describe('the States in the draw by pool (regional group after pooling), ISO3 order'),
  unknownStatus: z.array(z.object({ state: z.string(), instruments: z.array(z.string()) })).describe('States whose party status is not loaded for some instrument: excluded where it matters; complete the reference data, cancel and announce again'),
  pairs: z.array(z.object({ reviewed: z.string(), reviewers: z.array(reviewer) })).describe('reviewed States in ISO3 order'),
  groups: z.array(z.object({ group: z.number(), startYear: z.number().nullable(), states: z.array(z.string()) })),
  excluded: z.array(z.object({ state: z.string(), reason: z.string() })),
  redraws: z.array(z.object({
    seq: z.number(), reviewed: z.string(), slot: z.enum(DRAW_SLOTS), replaced: z.string(), new: z.string().nullable(),
    requestedByState: z.string(), requestedByName: z.string().nullable(), reason: z.string(), exceptional: z.boolean(), exceptionReason: z.string().nullable(), at: z.string(),
  })),
  counters: z.array(z.object({ reviewed: z.string(), requestedBy: z.string(), count: z.number(), limit: z.number() })).describe('redraws asked per reviewed State and requesting State (the limit before only exceptional ones)'),
  version: z.number(),
}).meta({ id: 'ReviewDraw' });
export type DrawDto = z.infer<typeof drawDto>;

export const drawListDto = z.object({ items: z.array(drawSummaryDto) });

export const drawPackageDto = z.object({
  id: z.string(),
  kind: z.enum(['reviewers', 'groups']),
  algorithm: z.string(),
  seedSource: z.string(),
  seed: z.string(),
  inputs: z.unknown(),
  inputsSha256: sha,
  redraws: z.array(z.object({ reviewed: z.string(), slot: z.enum(DRAW_SLOTS), replaced: z.string(), requestedBy: z.string(), exceptional: z.boolean().optional() })),
  result: z.unknown(),
  resultSha256: sha,
}).meta({ id: 'ReviewDrawPackage', description: 'Everything needed to recompute a draw: node tools/verify-draw.mjs package.json (docs/DRAW.md)' });

export const verifyDto = z.object({
  ok: z.boolean(),
  inputs: z.object({ stored: sha, computed: sha }),
  result: z.object({ stored: sha, computed: sha }),
  differences: z.array(z.string()).describe('what differs between the stored result and the recomputed one'),
});

export const reviewsFromDrawDto = z.object({
  created: z.number(),
  existing: z.number(),
  reviews: z.array(z.object({ id: z.string(), reviewed: z.string(), cluster: z.string(), startedOn: z.string(), created: z.boolean() })),
});
