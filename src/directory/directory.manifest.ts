import type { ApiManifest } from '../platform/http/manifest.ts';
import { directoryRoutes } from './directory.routes.ts';

/** The directory of competent authorities' part of the API (composed in src/app/server.ts). */
export const directoryManifest: ApiManifest = {
  name: 'directory',
  tag: {
    name: 'directory',
    description: 'Directory of competent national authorities, focal points, notifications and experts; where to send a request',
  },
  routes: [directoryRoutes],
};
