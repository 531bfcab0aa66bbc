import { buildApp, type BuildOptions, type BuiltApp } from '../platform/http/app.ts';
import type { AppContext } from '../platform/http/context.ts';
import type { ApiManifest } from '../platform/http/manifest.ts';
import { PLATFORM_JOBS } from '../platform/notifications/emails.job.ts';
import { casesManifest } from '../cases/cases.manifest.ts';
import { directoryManifest } from '../directory/directory.manifest.ts';
import { draftingManifest } from '../drafting/drafting.manifest.ts';
import { knowledgeManifest } from '../knowledge/knowledge.manifest.ts';
import { referenceManifest } from '../reference/reference.manifest.ts';
import { reviewManifest } from '../review/review.manifest.ts';

/**
 * The composition root of the server: the modules Palermo is made of, in the order their routes are registered
 * (and listed in the OpenAPI document). A new module adds one line here and touches no platform file.
 */
export const API_MODULES: readonly ApiManifest[] = [referenceManifest, knowledgeManifest, directoryManifest, draftingManifest, casesManifest, reviewManifest];

/** The whole application: the platform with every module. The CLI, the tests and `palermo serve` build it here. */
export function buildPalermoApp(ctx: AppContext, opts: BuildOptions = {}): Promise<BuiltApp> {
  return buildApp(ctx, API_MODULES, opts);
}

/** The platform's and every module's background jobs (and event subscribers): listing them registers them with the job queue. */
export function moduleJobs() {
  return [...PLATFORM_JOBS, ...API_MODULES.flatMap((m) => m.jobs ?? [])];
}
