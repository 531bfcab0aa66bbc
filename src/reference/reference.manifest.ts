import type { ApiManifest } from '../platform/http/manifest.ts';
import { referenceRoutes } from './reference.routes.ts';

/** The reference data's part of the API (composed in src/app/server.ts). */
export const referenceManifest: ApiManifest = {
  name: 'reference',
  tag: { name: 'reference', description: 'Instruments, articles, clusters, States and party status' },
  routes: [referenceRoutes],
};
