import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../../src/platform/config.ts';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI tests run the compiled command (dist/server), as users do. bin/palermo.js itself rebuilds a build
 * older than the sources, so a stale build is never what is tested; building here first, once per test file,
 * keeps the rebuild's notice out of the outputs the tests read (and the parallel files wait on one build).
 */
function buildServer(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT_DIR, 'scripts/build-server.mjs')], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) throw new Error(`the server build failed: ${r.stderr}`);
}
buildServer();

/** Runs the real `palermo` command, as an operator would, against the given environment. */
export function palermo(args: string[], env: Record<string, string>, input?: string): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT_DIR, 'bin/palermo.js'), ...args], {
    env: { ...process.env, ...env, CI: '', FORCE_COLOR: '0' },
    encoding: 'utf8',
    input,
    timeout: 60_000,
    // the OpenAPI document alone is over 1 MB, spawnSync's default limit (the child is killed beyond it)
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
