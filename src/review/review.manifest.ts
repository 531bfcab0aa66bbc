import type { ApiManifest } from '../platform/http/manifest.ts';
import { analysisRoutes } from './analysis/analysis.routes.ts';
import { configRoutes } from './config/config.routes.ts';
import { deskRoutes } from './desk/desk.routes.ts';
import { drawsRoutes } from './draws/draws.routes.ts';
import { exportRoutes } from './export/export.routes.ts';
import { questionnairesRoutes } from './questionnaires/questionnaires.routes.ts';
import { REVIEW_JOBS } from './reviews/reviews.jobs.ts';
import { reviewsRoutes } from './reviews/reviews.routes.ts';

/** The review mechanism's part of the API (composed in src/app/server.ts), made of its parts' routes. */
export const reviewManifest: ApiManifest = {
  name: 'review',
  tag: {
    name: 'review',
    description: 'The implementation review mechanism: cycles and work plan, verifiable drawing of lots, questionnaires, reviews with their participants, desk review, analysis without ranking, exports',
  },
  routes: [configRoutes, drawsRoutes, questionnairesRoutes, reviewsRoutes, deskRoutes, analysisRoutes, exportRoutes],
  jobs: REVIEW_JOBS,
};
