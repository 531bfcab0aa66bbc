import { z } from 'zod';
import { int4, iso3Schema, isoDate, languageSchema, text } from '../../platform/platform.schemas.ts';
import { COMMENT_KINDS, OBSERVATION_KINDS, PUBLISHABLE_OUTPUTS, REVIEW_STAGES, REVIEW_STEPS, TA_CATEGORIES } from '../review.vocabulary.ts';

/** The desk review's API shapes: comments (feedback, clarifications, replies), steps, observations, summaries, publication. */

const uuid = (what: string) => z.uuid(`must be ${what} (a UUID)`);
export const reviewParam = z.object({ id: uuid('a review id') });
export const commentParam = reviewParam.extend({ cid: uuid('a comment id') });
export const observationParam = reviewParam.extend({ oid: uuid('an observation id') });
export const summaryParam = reviewParam.extend({ state: iso3Schema });
export const publishedParam = z.object({ reviewId: uuid('a review id') });

const person = z.object({ name: z.string(), state: z.string().nullable() });

// ——— comments ———

export const commentsQuery = z.object({
  question: uuid('a question id').optional().describe('only the threads on this question'),
  state: iso3Schema.optional().describe('only the conversation of this reviewing State'),
});

export const newCommentBody = z.object({
  kind: z.enum(COMMENT_KINDS).describe('feedback and clarification: a reviewing State; reply: the reviewed State (parentId required)'),
  body: text(20000).pipe(z.string().trim().min(1, 'must not be empty')),
  questionId: uuid('a question id').optional().describe('the question commented on; none for general feedback'),
  parentId: uuid('a comment id').optional().describe('the sent message this one answers (required for a reply)'),
  dueOn: isoDate.optional().describe('a clarification’s due date (default: the cycle’s clarificationDays from today)'),
});

export const commentPatchBody = z.object({
  body: text(20000).pipe(z.string().trim().min(1, 'must not be empty')).optional(),
  dueOn: isoDate.optional(),
}).refine((b) => b.body !== undefined || b.dueOn !== undefined, 'must change the body or the due date');

export const commentDto = z.object({
  id: z.string(),
  reviewingState: z.string(),
  questionId: z.string().nullable(),
  parentId: z.string().nullable(),
  kind: z.enum(COMMENT_KINDS),
  body: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(['draft', 'sent', 'answered', 'closed']),
  overdue: z.boolean().describe('a sent clarification past its due date with no reply sent'),
  author: person,
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  canEdit: z.boolean(),
  canSend: z.boolean(),
}).meta({ id: 'ReviewComment' });
export type CommentDto = z.infer<typeof commentDto>;

export const threadDto = z.object({
  root: commentDto,
  replies: z.array(commentDto).describe('the messages answering it, oldest first'),
}).meta({ id: 'ReviewThread' });

export const threadsDto = z.object({ threads: z.array(threadDto) });

// ——— steps ———

export const stepBody = z.object({
  step: z.enum(REVIEW_STEPS),
  reviewingState: iso3Schema.optional().describe('required for observations_agreed: whose list the reviewed State agrees'),
});
export const stepsDto = z.object({
  stage: z.enum(REVIEW_STAGES),
  steps: z.array(z.object({ reviewingState: z.string(), step: z.enum(REVIEW_STEPS), doneAt: z.string(), doneBy: z.string() })),
});

// ——— observations ———

const articles = z.array(int4(1, 1000)).min(1, 'must name at least one article').max(50);
export const observationsQuery = z.object({ state: iso3Schema.optional().describe('only this reviewing State’s list') });
export const newObservationBody = z.object({
  reviewingState: iso3Schema.describe('whose list the item goes on'),
  kind: z.enum(OBSERVATION_KINDS),
  taCategory: z.enum(TA_CATEGORIES).optional().describe('required for a ta_need, not allowed otherwise'),
  instrument: z.string().regex(/^[A-Z]{2,10}$/, 'must be an instrument code such as UNTOC'),
  articles,
  text: text(20000).pipe(z.string().trim().min(1, 'must not be empty')),
});
export const observationPatchBody = z.object({
  version: int4(1).describe('the version read; 409 when someone changed it since'),
  kind: z.enum(OBSERVATION_KINDS).optional(),
  taCategory: z.enum(TA_CATEGORIES).nullable().optional(),
  instrument: z.string().regex(/^[A-Z]{2,10}$/, 'must be an instrument code such as UNTOC').optional(),
  articles: articles.optional(),
  text: text(20000).pipe(z.string().trim().min(1, 'must not be empty')).optional(),
});
export const observationOrderBody = z.object({
  reviewingState: iso3Schema,
  ids: z.array(uuid('an observation id')).min(1).max(500).describe('every item of the list, in the new order'),
});

export const observationDto = z.object({
  id: z.string(),
  reviewingState: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  taCategory: z.string().nullable(),
  instrument: z.string(),
  articles: z.array(z.number()),
  text: z.string(),
  ordinal: z.number(),
  version: z.number(),
  author: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'ReviewObservation' });
export type ObservationDto = z.infer<typeof observationDto>;

const stamp = z.object({ at: z.string(), by: z.string() }).nullable();
export const observationListDto = z.object({
  reviewingState: z.string(),
  items: z.array(observationDto),
  agreed: stamp.describe('the reviewed State’s agreement (withdrawn by any later change)'),
  submitted: stamp,
  published: stamp,
}).meta({ id: 'ReviewObservationList' });
export const observationListsDto = z.object({ lists: z.array(observationListDto) });

// ——— summaries ———

export const summaryBody = z.object({
  text: text(50000).pipe(z.string().trim().min(1, 'must not be empty')),
  version: int4(1).optional().describe('the version read (409 when someone changed it since); none when creating'),
});
export const summaryDto = z.object({
  reviewingState: z.string(),
  text: z.string().nullable().describe('null: not written yet (or not yet submitted, for the other States)'),
  version: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  submitted: stamp,
  published: stamp,
}).meta({ id: 'ReviewSummary' });
export const summariesDto = z.object({ summaries: z.array(summaryDto) });

// ——— publication ———

export const publicationBody = z.object({ output: z.enum(PUBLISHABLE_OUTPUTS), reviewingState: iso3Schema });
export const publicationDto = z.object({
  output: z.enum(PUBLISHABLE_OUTPUTS), reviewingState: z.string(), publishedAt: z.string(), publishedBy: z.string(),
}).meta({ id: 'ReviewPublication' });

export const publishedQuery = z.object({ lang: languageSchema.optional() });
const publishedHead = {
  reviewId: z.string(),
  reviewed: z.object({ iso3: z.string(), name: z.string() }),
  cluster: z.object({ code: z.string(), name: z.string() }),
  cycle: z.object({ code: z.string(), title: z.string() }),
};
export const publishedListDto = z.object({
  items: z.array(z.object({ ...publishedHead, outputs: z.array(z.object({ output: z.enum(PUBLISHABLE_OUTPUTS), reviewingState: z.string(), publishedAt: z.string() })) })),
});
export const publishedReviewDto = z.object({
  ...publishedHead,
  observations: z.array(z.object({ reviewingState: z.string(), publishedAt: z.string(), items: z.array(observationDto.omit({ version: true, author: true, updatedAt: true })) })),
  summaries: z.array(z.object({ reviewingState: z.string(), publishedAt: z.string(), text: z.string() })),
}).meta({ id: 'PublishedReview' });
