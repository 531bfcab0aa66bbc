import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Where the files the server reads at run time are found. The code runs from two layouts: the TypeScript
 * sources (src/…, under vitest or tsx) and the compiled output (dist/server/…, what `palermo` runs). The data
 * files — migrations, reference and questionnaire data, the sample corpus, the Chinese dictionary — are not
 * copied into the build: both layouts read the one copy under src/, so a build can never serve stale data.
 * Only node builtins are imported here, so any module may use it without slowing the CLI's start.
 */

/** The package root: the nearest directory above this file holding package.json. */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Repository root: migrations, reference data and the built web UI are found relative to it. */
export const ROOT_DIR = packageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Where the compiled server lives (tsconfig.build.json's outDir). */
export const SERVER_BUILD_DIR = path.join(ROOT_DIR, 'dist/server');

/**
 * The source folder of the module at `moduleUrl` (pass `import.meta.url`), in either layout: a module
 * compiled to dist/server/knowledge/seed/ gets src/knowledge/seed/, where its data files are.
 */
export function sourceDir(moduleUrl: string): string {
  const dir = path.dirname(fileURLToPath(moduleUrl));
  const relative = path.relative(SERVER_BUILD_DIR, dir);
  const compiled = !relative.startsWith('..') && !path.isAbsolute(relative);
  return compiled ? path.join(ROOT_DIR, 'src', relative) : dir;
}
