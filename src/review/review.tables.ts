import type { Generated } from 'kysely';
import type {
  AnswerType, CommentKind, DrawSlot, ObservationKind, ParticipantRole, ParticipantStatus, PublishableOutput, ReviewSide, ReviewStage, ReviewStepKind,
} from './review.vocabulary.ts';

/** The review mechanism's tables (migrations/0024_review.sql; the SQL comments say what each column is for). */

export interface ReviewCyclesTable {
  id: Generated<string>;
  code: string;
  title: string;
  main_instrument: string;
  instruments: string[];
  start_year: number;
  /** config/cycle-settings.ts `cycleSettings` (zod) checks it. */
  settings: unknown;
  status: Generated<'configuring' | 'active' | 'closed'>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReviewPlanPhasesTable {
  cycle_id: string;
  phase: number;
  cluster_codes: string[];
  year_offset: number;
  years: Generated<number>;
}

export interface ReviewGroupsTable {
  cycle_id: string;
  group_no: number;
  start_year: number;
}

export interface ReviewGroupMembersTable {
  cycle_id: string;
  iso3: string;
  group_no: number;
  draw_id: string | null;
}

export interface ReviewDrawsTable {
  id: Generated<string>;
  cycle_id: string | null;
  kind: 'reviewers' | 'groups';
  status: Generated<'announced' | 'drawn' | 'cancelled'>;
  algorithm: string;
  seed_source: string;
  seed: string | null;
  inputs: unknown;
  inputs_sha256: string;
  result: unknown | null;
  result_sha256: string | null;
  announced_by: string | null;
  announced_at: Generated<Date>;
  drawn_by: string | null;
  drawn_at: Date | null;
  version: Generated<number>;
}

export interface ReviewRedrawsTable {
  id: Generated<string>;
  draw_id: string;
  seq: number;
  reviewed_iso3: string;
  slot: DrawSlot;
  replaced_iso3: string;
  new_iso3: string | null;
  requested_by_state: string;
  requested_by: string | null;
  reason: string;
  exceptional: Generated<boolean>;
  exception_reason: string | null;
  created_at: Generated<Date>;
}

export interface ReviewsTable {
  id: Generated<string>;
  cycle_id: string;
  reviewed_iso3: string;
  cluster_code: string;
  instruments: string[];
  draw_id: string | null;
  question_set_ids: Generated<string[]>;
  stage: Generated<ReviewStage>;
  started_on: string;
  answers_submitted_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReviewReviewersTable {
  review_id: string;
  state_iso3: string;
  slot: DrawSlot;
  instruments: string[];
}

export interface ReviewParticipantsTable {
  id: Generated<string>;
  review_id: string;
  state_iso3: string;
  side: ReviewSide;
  role: ParticipantRole;
  user_id: string | null;
  name: string;
  email: string | null;
  note_verbale_ref: string | null;
  nominated_by: string | null;
  nominated_at: Generated<Date>;
  invitation_token_hash: string | null;
  invited_by: string | null;
  invited_at: Date | null;
  invitation_expires_at: Date | null;
  accepted_at: Date | null;
  revoked_at: Date | null;
  status: Generated<ParticipantStatus>;
}

export interface ReviewQuestionSetsTable {
  id: Generated<string>;
  instrument_code: string;
  cluster_code: string;
  version: number;
  status: Generated<'draft' | 'published' | 'superseded'>;
  title: Generated<Record<string, string>>;
  published_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ReviewQuestionsTable {
  id: Generated<string>;
  set_id: string;
  key: string;
  article: number;
  paragraph: string | null;
  ordinal: number;
  answer_type: AnswerType;
  texts: Record<string, string>;
  guidance: Generated<Record<string, string>>;
  content_sha256: string;
}

export interface ReviewAnswersTable {
  id: Generated<string>;
  review_id: string;
  question_id: string;
  value: unknown;
  prefilled_from: string | null;
  version: Generated<number>;
  updated_by: string | null;
  updated_by_name: string;
  updated_at: Generated<Date>;
}

export interface ReviewConsultationsTable {
  id: Generated<string>;
  review_id: string;
  body_name: string;
  sector: string;
  consulted_on: string | null;
  note: Generated<string>;
  added_by: string | null;
  added_at: Generated<Date>;
}

export interface ReviewCommentsTable {
  id: Generated<string>;
  review_id: string;
  reviewing_state: string;
  question_id: string | null;
  parent_id: string | null;
  kind: CommentKind;
  body: string;
  due_on: string | null;
  status: Generated<'draft' | 'sent' | 'answered' | 'closed'>;
  author_id: string | null;
  author_name: string;
  author_state: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface ReviewStepsTable {
  review_id: string;
  reviewing_state: string;
  step: ReviewStepKind;
  done_at: Generated<Date>;
  done_by: string | null;
  done_by_name: string;
}

export interface ReviewObservationsTable {
  id: Generated<string>;
  review_id: string;
  reviewing_state: string;
  kind: ObservationKind;
  ta_category: string | null;
  instrument_code: string;
  articles: number[];
  text: string;
  ordinal: number;
  version: Generated<number>;
  author_id: string | null;
  author_name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReviewSummariesTable {
  review_id: string;
  reviewing_state: string;
  text: string;
  version: Generated<number>;
  updated_by: string | null;
  updated_by_name: string;
  updated_at: Generated<Date>;
}

export interface ReviewPublicationsTable {
  review_id: string;
  output: PublishableOutput;
  reviewing_state: string;
  published_at: Generated<Date>;
  published_by: string | null;
  published_by_name: string;
}

export interface ReviewOverdueNoticesTable {
  review_id: string;
  step: string;
  state_iso3: string;
  due_on: string;
  told_at: Generated<Date>;
}

declare module '../platform/db/database.ts' {
  interface Database {
    review_cycles: ReviewCyclesTable;
    review_plan_phases: ReviewPlanPhasesTable;
    review_groups: ReviewGroupsTable;
    review_group_members: ReviewGroupMembersTable;
    review_draws: ReviewDrawsTable;
    review_redraws: ReviewRedrawsTable;
    reviews: ReviewsTable;
    review_reviewers: ReviewReviewersTable;
    review_participants: ReviewParticipantsTable;
    review_question_sets: ReviewQuestionSetsTable;
    review_questions: ReviewQuestionsTable;
    review_answers: ReviewAnswersTable;
    review_consultations: ReviewConsultationsTable;
    review_comments: ReviewCommentsTable;
    review_steps: ReviewStepsTable;
    review_observations: ReviewObservationsTable;
    review_summaries: ReviewSummariesTable;
    review_publications: ReviewPublicationsTable;
    review_overdue_notices: ReviewOverdueNoticesTable;
  }
}
