/**
 * The review mechanism's words, one list each, shared by the tables, the API's enums, the UI's labels and the
 * tests (COP resolution 8/2; ../shared/spec/review.md). Labels in six languages live in the UI's locale files.
 */

/** The stages of one review (review.workflow.ts moves a review through them). */
export const REVIEW_STAGES = ['nominating', 'answering', 'desk_review', 'observations', 'summary', 'completed'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** Roles inside a review: the focal point is the only one who clears and submits a step; experts draft; observers read. */
export const PARTICIPANT_ROLES = ['focal_point', 'expert', 'observer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Which side a participant is on. */
export const REVIEW_SIDES = ['reviewed', 'reviewing'] as const;
export type ReviewSide = (typeof REVIEW_SIDES)[number];

export const PARTICIPANT_STATUSES = ['nominated', 'invited', 'active', 'expired', 'revoked'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** The slots of a draw: one reviewer from the reviewed State's regional group, one from another, additional ones for instruments not covered. */
export const DRAW_SLOTS = ['own-group', 'other-group', 'additional'] as const;
export type DrawSlot = (typeof DRAW_SLOTS)[number];

/** How a question is answered. */
export const ANSWER_TYPES = [
  /** yes / no / partly, with an explanation (required for no and partly). */
  'yes_no_partly',
  /** References to legislation records of the knowledge portal (and free citations). */
  'legislation',
  /** Examples of cases. */
  'cases',
  /** Statistics (a small table of figures with their period and source). */
  'statistics',
  /** Technical-assistance needs, each with a category. */
  'ta_needs',
  /** Free text. */
  'text',
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Categories of technical-assistance needs (the working group on technical assistance's headings). */
export const TA_CATEGORIES = [
  'legislative_assistance',
  'institution_building',
  'policymaking',
  'capacity_building',
  'research_data_collection',
  'international_cooperation',
  'model_agreements',
  'other',
] as const;
export type TaCategory = (typeof TA_CATEGORIES)[number];

/** The kinds of items on a list of observations. */
export const OBSERVATION_KINDS = ['gap', 'good_practice', 'suggestion', 'ta_need'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/** Desk review messages. */
export const COMMENT_KINDS = ['feedback', 'clarification', 'reply'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** What a reviewing State submits (its focal point), and the reviewed State's agreement to a list. */
export const REVIEW_STEPS = ['feedback', 'observations_agreed', 'observations', 'summary'] as const;
export type ReviewStepKind = (typeof REVIEW_STEPS)[number];

/** Outputs the reviewed State may publish. */
export const PUBLISHABLE_OUTPUTS = ['observations', 'summary'] as const;
export type PublishableOutput = (typeof PUBLISHABLE_OUTPUTS)[number];

/** Who was consulted in the national consultation. */
export const CONSULTATION_SECTORS = ['government', 'parliament', 'judiciary', 'law_enforcement', 'private_sector', 'ngo', 'academia', 'other'] as const;
export type ConsultationSector = (typeof CONSULTATION_SECTORS)[number];
