import type { AnyJobDefinition } from '../platform/jobs/jobs.ts';
import { DRAFT_INTAKE_JOBS } from './exchange/draft-intake.ts';
import { overdueNoticesJob, refreshDerivedJob } from './rules/refresh.job.ts';

/**
 * The case tracker's background jobs and event subscribers (listed in cases.manifest.ts, so every process that
 * runs workers registers them).
 */
export const CASES_JOBS: readonly AnyJobDefinition[] = [
  refreshDerivedJob, // rules: priority and next due date of open cases, daily
  overdueNoticesJob, // rules: officers told of steps that became overdue, hourly
  ...DRAFT_INTAKE_JOBS, // exchange: finalised drafts become outgoing cases (draft.finalised subscriber)
];
