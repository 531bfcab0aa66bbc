import type { ApiManifest } from '../platform/http/manifest.ts';
import { importRoutes } from './ingest/import.routes.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';
import { openAccessRoutes } from './open-access/open-access.routes.ts';

/** The knowledge portal's part of the API (composed in src/app/server.ts). */
export const knowledgeManifest: ApiManifest = {
  name: 'knowledge',
  tag: {
    name: 'knowledge',
    description: 'The knowledge portal: legislation, case law, cooperation cases, Conference documents and recommendations, and search',
  },
  routes: [knowledgeRoutes, importRoutes, openAccessRoutes],
};
