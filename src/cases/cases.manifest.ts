import type { ApiManifest } from '../platform/http/manifest.ts';
import { CASES_JOBS } from './cases.jobs.ts';
import { casesRoutes } from './cases.routes.ts';
import { caseDocumentRoutes } from './documents.routes.ts';
import { exchangeRoutes } from './exchange/exchange.routes.ts';
import { caseStatsRoutes } from './stats/stats.routes.ts';

/** The case tracker's part of the API (composed in src/app/server.ts). */
export const casesManifest: ApiManifest = {
  name: 'cases',
  tag: {
    name: 'cases',
    description: 'The case tracker: incoming and outgoing requests, their workflow, documents, exchange within the instance, and statistics',
  },
  // statistics first: /cases/stats must not be read as /cases/{id}
  routes: [caseStatsRoutes, casesRoutes, caseDocumentRoutes, exchangeRoutes],
  jobs: CASES_JOBS,
};
