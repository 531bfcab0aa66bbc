import { z } from 'zod';
import { iso3Schema, isoDate, text } from '../../platform/platform.schemas.ts';
import { actionEnum, actionsSchema } from '../../platform/workflow/index.ts';
import { DRAW_SLOTS, PARTICIPANT_ROLES, REVIEW_STAGES } from '../review.vocabulary.ts';
import { reviewMachine } from '../review.workflow.ts';

/**
 * The review's API shapes that every part of the module and the UI rely on (contract; owner after it: helper
 * reviews, who may ADD fields but not rename or remove these). Other parts' shapes live in their own schemas files.
 */

export const reviewIdParam = z.object({ id: z.uuid('must be a review id (UUID)') });

export const standingSchema = z.object({
  side: z.enum(['reviewed', 'reviewing', 'secretariat']),
  state: z.string().nullable(),
  role: z.enum([...PARTICIPANT_ROLES, 'secretariat']),
}).describe('How the viewer stands to the review: their side, State and role in it');

export const reviewDto = z.object({
  id: z.string(),
  cycle: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  reviewed: z.object({ iso3: z.string(), name: z.string() }),
  cluster: z.object({ code: z.string(), name: z.string() }),
  instruments: z.array(z.string()),
  stage: z.enum(REVIEW_STAGES),
  startedOn: z.string(),
  reviewers: z.array(z.object({ state: z.string(), name: z.string(), slot: z.enum(DRAW_SLOTS), instruments: z.array(z.string()) })),
  standing: standingSchema,
  actions: actionsSchema(reviewMachine),
  /** Steps due with their dates, overdue ones flagged (reviews/deadlines). */
  deadlines: z.array(z.object({ step: z.string(), state: z.string().nullable(), dueOn: z.string(), done: z.boolean(), overdue: z.boolean() })),
}).meta({ id: 'Review' });
export type ReviewDto = z.infer<typeof reviewDto>;

/** A stage-changing action (POST /api/v1/reviews/{id}/actions). */
export const reviewActionBody = z.object({
  action: actionEnum(reviewMachine),
  reason: text(2000).optional(),
});

export const reviewListQuery = z.object({
  cycle: z.uuid().optional(),
  stage: z.enum(REVIEW_STAGES).optional(),
  state: iso3Schema.optional(),
  from: isoDate.optional(),
});
