import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../src/platform/config.ts';
import { palermo } from './support/cli.ts';

/*
 * The builds behind `palermo` and `npm start` (scripts/build-*.mjs): the CLI runs compiled JavaScript, a build
 * older than its sources is rebuilt before it runs, and the UI bundle is rebuilt only when something it read
 * changed. The staleness tests work on a tiny copy of the package in a temporary folder (the same scripts, bin
 * and tsconfig files; node_modules linked), so they never disturb the real dist/ that parallel tests run.
 */

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** A minimal package: this repository's bin/, scripts/ and tsconfig files, with the given sources. */
function miniPackage(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-build-'));
  temps.push(dir);
  for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'bin/palermo.js', 'scripts/build-stamp.mjs', 'scripts/build-server.mjs', 'scripts/build-web.mjs']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT_DIR, f), path.join(dir, f));
  }
  fs.symlinkSync(path.join(ROOT_DIR, 'node_modules'), path.join(dir, 'node_modules'));
  for (const [f, text] of Object.entries(files)) write(dir, f, text);
  return dir;
}

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

const run = (dir: string, args: string[]) => spawnSync(process.execPath, [path.join(dir, 'bin/palermo.js'), ...args], { cwd: dir, encoding: 'utf8' });

describe('the compiled CLI', () => {
  it('runs from dist/server with plain node: no TypeScript source and no tsx is loaded, data files are found', () => {
    palermo(['--help'], {}); // the support module built dist/server first
    const hooks = path.join(ROOT_DIR, 'test/support/refuse-typescript.mjs');
    const help = spawnSync(process.execPath, ['--import', hooks, path.join(ROOT_DIR, 'bin/palermo.js'), '--help'], { encoding: 'utf8' });
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^palermo — /);
    // refs loads the extraction code, which reads the States' names from i18n-iso-countries' JSON
    const refs = spawnSync(process.execPath, ['--import', hooks, path.join(ROOT_DIR, 'bin/palermo.js'), 'refs', '-'], {
      encoding: 'utf8',
      input: 'Article 18, paragraph 13, of the Convention; Mexico',
    });
    expect(refs.stderr).toBe('');
    expect(refs.status).toBe(0);
    expect(refs.stdout).toMatch(/"article":18/);
    // openapi composes the whole server: every module's routes load compiled
    const openapi = spawnSync(process.execPath, ['--import', hooks, path.join(ROOT_DIR, 'bin/palermo.js'), 'openapi'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(openapi.stderr).toBe('');
    expect(openapi.status).toBe(0);
    expect(JSON.parse(openapi.stdout).openapi).toMatch(/^3\./);
  });

  it('resolves the data files from src/ in both layouts', async () => {
    const { sourceDir, SERVER_BUILD_DIR } = await import('../src/platform/paths.ts');
    const compiled = new URL(`file://${path.join(SERVER_BUILD_DIR, 'knowledge/seed/sample-corpus.js')}`).href;
    expect(sourceDir(compiled)).toBe(path.join(ROOT_DIR, 'src/knowledge/seed'));
    expect(sourceDir(new URL(`file://${path.join(ROOT_DIR, 'src/knowledge/seed/sample-corpus.ts')}`).href)).toBe(path.join(ROOT_DIR, 'src/knowledge/seed'));
    expect(fs.existsSync(path.join(SERVER_BUILD_DIR, 'knowledge/seed/corpus'))).toBe(false);
  });
});

describe('the server build', () => {
  const NOTICE = /rebuilding dist\/server/;

  it('is built when missing, not rebuilt when fresh, and rebuilt before running when a source changed', () => {
    const dir = miniPackage({
      'src/cli/main.ts': "import { word } from './word.ts';\nexport async function main(args: string[]): Promise<number> {\n  process.stdout.write(`${word} ${args.join(' ')}\\n`);\n  return 0;\n}\n",
      'src/cli/word.ts': "export const word = 'first';\n",
    });
    const first = run(dir, ['a']);
    expect(first.stderr).toMatch(NOTICE);
    expect(first.stdout).toBe('first a\n');
    expect(fs.existsSync(path.join(dir, 'dist/server/cli/word.js'))).toBe(true);

    const again = run(dir, ['b']);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe('first b\n');

    // an edit to an imported file, keeping its size: only the modification time tells
    write(dir, 'src/cli/word.ts', "export const word = 'other';\n");
    const past = new Date(Date.now() + 2000);
    fs.utimesSync(path.join(dir, 'src/cli/word.ts'), past, past);
    const edited = run(dir, ['c']);
    expect(edited.stderr).toMatch(NOTICE);
    expect(edited.stdout).toBe('other c\n');

    // a file restored with an older modification time is seen too (a fingerprint, not "newer than the build")
    write(dir, 'src/cli/word.ts', "export const word = 'older';\n");
    fs.utimesSync(path.join(dir, 'src/cli/word.ts'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const restored = run(dir, ['d']);
    expect(restored.stderr).toMatch(NOTICE);
    expect(restored.stdout).toBe('older d\n');

    // a file the build never read (a test) changes nothing
    write(dir, 'src/cli/main.test.ts', 'export {};\n');
    expect(run(dir, ['e']).stderr).toBe('');
  });

  it('does not stamp a failed build, so the next command tries again', () => {
    const dir = miniPackage({ 'src/cli/main.ts': 'export async function main(): Promise<number> { return 0; }\n' });
    expect(run(dir, []).status).toBe(0);
    write(dir, 'src/cli/main.ts', 'export async function main(: Promise<number> {\n');
    const broken = run(dir, []);
    expect(broken.status).not.toBe(0);
    expect(fs.existsSync(path.join(dir, 'dist/server/.build-stamp.json'))).toBe(false);
    write(dir, 'src/cli/main.ts', 'export async function main(): Promise<number> { return 3; }\n');
    const fixed = run(dir, []);
    expect(fixed.stderr).toMatch(NOTICE);
    expect(fixed.status).toBe(3);
  });
});

describe('the web UI build', () => {
  it('is skipped when nothing it read changed and rebuilt when an input did', () => {
    const dir = miniPackage({
      'package-lock.json': '{}\n',
      'src/web/vite.config.ts': fs.readFileSync(path.join(ROOT_DIR, 'src/web/vite.config.ts'), 'utf8'),
      'src/web/index.html': '<!doctype html><html><body><script type="module" src="./main.ts"></script></body></html>\n',
      'src/web/main.ts': "import { text } from './text.ts';\ndocument.title = text;\n",
      'src/web/text.ts': "export const text = 'first';\n",
      'src/cli/server-only.ts': 'export const x = 1;\n',
    });
    const build = () =>
      execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./scripts/build-web.mjs'); process.stdout.write(String(await m.ensureWebBuild()));"], {
        cwd: dir,
        encoding: 'utf8',
      })
        // under CI vite logs the build on standard output (scripts/build-web.mjs); the answer is the last line
        .trim()
        .split('\n')
        .at(-1);
    const bundle = () => fs.readdirSync(path.join(dir, 'dist/web/assets')).map((f) => fs.readFileSync(path.join(dir, 'dist/web/assets', f), 'utf8')).join('');
    expect(build()).toBe('true');
    expect(bundle()).toMatch(/first/);
    expect(build()).toBe('false');
    write(dir, 'src/cli/server-only.ts', 'export const x = 2;\n'); // not read by the bundle
    expect(build()).toBe('false');
    write(dir, 'src/web/text.ts', "export const text = 'changed';\n");
    expect(build()).toBe('true');
    expect(bundle()).toMatch(/changed/);
    write(dir, 'package-lock.json', '{"lockfileVersion": 3}\n'); // another version of a dependency
    expect(build()).toBe('true');
  });
});
