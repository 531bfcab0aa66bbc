import type { ApiManifest } from '../platform/http/manifest.ts';
import { importRoutes } from './ingest/import.routes.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';
import { openAccessRoutes } from './open-access/open-access.routes.ts';
import { savedSearchAlertsJob } from './open-access/alerts.job.ts';
import { reorganizeSearchJob } from './search/reorganize.job.ts';

/** The knowledge portal's part of the API (composed in src/app/server.ts). */
export const knowledgeManifest: ApiManifest = {
  name: 'knowledge',
  tag: {
    name: 'knowledge',
    description: 'The knowledge portal: legislation, case law, cooperation cases, Conference documents and recommendations, and search',
  },
  routes: [knowledgeRoutes, importRoutes, openAccessRoutes],
  jobs: [savedSearchAlertsJob, reorganizeSearchJob],
};
