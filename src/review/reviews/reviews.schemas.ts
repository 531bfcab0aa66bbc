import { z } from 'zod';
import { iso3Schema, isoDate, text } from '../../platform/platform.schemas.ts';
import { actionEnum, actionsSchema } from '../../platform/workflow/index.ts';
import { DRAW_SLOTS, PARTICIPANT_ROLES, PARTICIPANT_STATUSES, REVIEW_STAGES } from '../review.vocabulary.ts';
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

// ——— added by helper reviews ———

export const reviewGetQuery = z.object({ lang: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']).optional() });
export const reviewListQueryWithLang = reviewListQuery.extend({ lang: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']).optional() });

export const reviewListItem = z.object({
  id: z.string(),
  cycle: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  reviewed: z.object({ iso3: z.string(), name: z.string() }),
  cluster: z.object({ code: z.string(), name: z.string() }),
  instruments: z.array(z.string()),
  stage: z.enum(REVIEW_STAGES),
  startedOn: z.string(),
  reviewers: z.array(z.object({ state: z.string(), name: z.string() })),
});
export const reviewListDto = z.object({
  items: z.array(reviewListItem).describe('Ordered by cycle, then the reviewed State’s name, then cluster — never by a figure'),
  total: z.number().int(),
  byStage: z.record(z.enum(REVIEW_STAGES), z.number().int()).describe('How many of the listed reviews (before the stage filter) are at each stage: progress, not a ranking'),
}).meta({ id: 'ReviewList' });

export const participantDto = z.object({
  id: z.string(),
  state: z.string(),
  stateName: z.string(),
  side: z.enum(['reviewed', 'reviewing']),
  role: z.enum(PARTICIPANT_ROLES),
  name: z.string(),
  /** Only the secretariat and the person's own State see it. */
  email: z.string().nullable(),
  status: z.enum(PARTICIPANT_STATUSES),
  noteVerbaleRef: z.string().nullable(),
  nominatedAt: z.string(),
  invitedAt: z.string().nullable(),
  invitationExpiresAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  hasAccount: z.boolean(),
}).meta({ id: 'ReviewParticipant' });
export const participantListDto = z.object({ items: z.array(participantDto) });

export const participantParams = z.object({ id: z.uuid('must be a review id (UUID)'), pid: z.uuid('must be a participant id (UUID)') });

export const nominationBody = z.object({
  state: iso3Schema,
  role: z.enum(PARTICIPANT_ROLES),
  name: text(200).refine((s) => s.trim().length >= 2, 'must be at least 2 characters'),
  email: z.email().max(254).optional(),
  username: text(100).optional().describe('An existing account of that State, if the person has one'),
  noteVerbaleRef: text(200).refine((s) => s.trim().length >= 1, 'the note verbale’s reference is required'),
});

export const invitationDto = z.object({
  participant: participantDto,
  token: z.string().describe('Shown once: only its SHA-256 is stored'),
  link: z.string(),
  expiresAt: z.string(),
});
export const acceptBody = z.object({ token: z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/, 'not an invitation token') });
export const acceptDto = z.object({ reviewId: z.string(), participant: participantDto });
export const revokeBody = z.object({ reason: text(2000).optional() });

export const nominationsOverviewDto = z.object({
  items: z.array(z.object({
    reviewId: z.string(),
    cycle: z.object({ id: z.string(), code: z.string(), title: z.string() }),
    reviewed: z.object({ iso3: z.string(), name: z.string() }),
    cluster: z.object({ code: z.string(), name: z.string() }),
    startedOn: z.string(),
    state: z.string().describe('The State the nominator acts for'),
    side: z.enum(['reviewed', 'reviewing']),
    toNominate: z.array(z.enum(['focal_point', 'expert'])),
    focalPointDueOn: z.string(),
    expertsDueOn: z.string(),
    nominations: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(PARTICIPANT_ROLES), status: z.enum(PARTICIPANT_STATUSES) })),
  })).describe('Ordered by cycle, then the reviewed State’s name'),
});
