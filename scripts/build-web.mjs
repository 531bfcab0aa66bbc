// The web UI build: vite (src/web/vite.config.ts) into dist/web, skipped when nothing it read has changed. A
// small plugin records every file of the bundle's module graph outside node_modules; the stamp stored with the
// bundle (dist/web/.build-stamp.json) fingerprints those files, the folders holding them (a file added where
// `import.meta.glob` looks changes its folder), the public folder, the vite config and package-lock.json (the
// dependencies' versions). vite itself is imported only when a build is needed: the check costs milliseconds.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, isStale, relativeInput, writeStamp } from './build-stamp.mjs';

export const WEB_DIR = path.join(ROOT, 'dist/web');
export const WEB_STAMP = path.join(WEB_DIR, '.build-stamp.json');
const CONFIG = path.join(ROOT, 'src/web/vite.config.ts');
const FIXED = ['src/web/vite.config.ts', 'src/web/index.html', 'src/web/public', 'package-lock.json', 'package.json'];

export function webBuildIsStale() {
  return isStale(WEB_STAMP);
}

/** Builds the UI when its stamp says so (or always, with force); true when it built. */
export async function ensureWebBuild({ force = false } = {}) {
  if (!force && !webBuildIsStale()) return false;
  const started = Date.now();
  const { build } = await import('vite');
  const read = new Set();
  const recordInputs = {
    name: 'palermo-record-inputs',
    generateBundle() {
      for (const id of this.getModuleIds()) {
        const file = id.split('?')[0];
        if (id.startsWith('\0') || !path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        const rel = relativeInput(file);
        if (rel === null) continue;
        read.add(rel);
        read.add(relativeInput(path.dirname(file)));
      }
    },
  };
  await build({ configFile: CONFIG, plugins: [recordInputs], logLevel: process.env.CI ? 'info' : 'warn' });
  writeStamp(WEB_STAMP, [...read, ...FIXED, ...publicFiles()], started);
  return true;
}

function publicFiles() {
  const dir = path.join(ROOT, 'src/web/public');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map((f) => relativeInput(path.join(dir, String(f))));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts/build-web.mjs')) {
  await ensureWebBuild({ force: process.argv.includes('--force') });
}
