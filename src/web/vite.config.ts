import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(webDir, '../..');

/** The browser UI: built from src/web into dist/web, which the API server serves. */
export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(repoDir, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // One file per language with the texts of the platform and of every module (i18n.ts loads the reader's
          // language only): one request on a first visit instead of one per module.
          groups: [{ debugName: 'texts', name: (id: string) => /[\\/]locales[\\/](ar|zh|en|fr|ru|es)\.json$/.exec(id)?.[1]?.replace(/^/, 'texts-') ?? null }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8190' },
  },
});
