// The web UI build: vite (src/web/vite.config.ts) into dist/web, skipped when nothing it read has changed. A
// small plugin records every file of the bundle's module graph outside node_modules; the stamp stored with the
// bundle (dist/web/.build-stamp.json) fingerprints those files, the folders holding them (a file added where
// `import.meta.glob` looks changes its folder), the public folder, the vite config and package-lock.json (the
// dependencies' versions). vite itself is imported only when a build is needed: the check costs milliseconds.
// The bundle's text files get brotli and gzip copies beside them (precompress), which the server sends as they are.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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
  precompress(path.join(WEB_DIR, 'assets'));
  writeStamp(WEB_STAMP, [...read, ...FIXED, ...publicFiles()], started);
  return true;
}

/**
 * Brotli and gzip copies of the bundle's text files, made once here at the highest settings (brotli 11: 2.3 MB of
 * scripts and styles → 0.57 MB, about 3 s for the whole bundle; gzip 9 → 0.71 MB) so that the server sends them as
 * they are (@fastify/static's preCompressed) instead of compressing on every request or not at all.
 */
function precompress(dir) {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(?:js|mjs|css|svg|json|txt)$/.test(name)) continue;
    const file = path.join(dir, name);
    const raw = fs.readFileSync(file);
    if (raw.length < 1024) continue;
    const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = zlib.gzipSync(raw, { level: 9 });
    if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) fs.writeFileSync(`${file}.gz`, gz);
  }
}

function publicFiles() {
  const dir = path.join(ROOT, 'src/web/public');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map((f) => relativeInput(path.join(dir, String(f))));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts/build-web.mjs')) {
  await ensureWebBuild({ force: process.argv.includes('--force') });
}
