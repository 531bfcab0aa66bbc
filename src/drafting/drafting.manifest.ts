import type { ApiManifest } from '../platform/http/manifest.ts';
import { draftingRoutes } from './drafting.routes.ts';

/** The request writer's part of the API (composed in src/app/server.ts). */
export const draftingManifest: ApiManifest = {
  name: 'drafting',
  tag: {
    name: 'drafting',
    description: 'The request writer: drafts of MLA, extradition and confiscation requests, checks, Word documents, consultation',
  },
  routes: [draftingRoutes],
};
