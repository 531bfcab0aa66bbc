import type { AnyJobDefinition } from '../platform/jobs/jobs.ts';
import { DRAFT_INTAKE_JOBS } from './exchange/draft-intake.ts';
import { overdueNoticesJob, refreshDerivedJob } from './rules/refresh.job.ts';

/**
 * The case tracker's background jobs and event subscribers (listed in cases.manifest.ts, so every process that
 * runs workers registers them). Each helper adds its own line.
 */
export const CASES_JOBS: readonly AnyJobDefinition[] = [
  ...DRAFT_INTAKE_JOBS, // exchange: draft.finalised → an outgoing case (event.cases.open-outgoing)
  refreshDerivedJob, // rules: priority and next due date of open cases, daily
  overdueNoticesJob, // rules: officers told of steps that became overdue, hourly
];
