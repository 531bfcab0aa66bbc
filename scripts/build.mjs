// `npm run build`, `prepare` (npm install / npm ci), `pretest` and `npm start` run this: the server build
// (dist/server) and the web UI bundle (dist/web), each only when a file it read has changed since it was
// built; --force rebuilds both. One node process instead of a chain of npm scripts (each costs ~0.3 s).
import { ensureServerBuild } from './build-server.mjs';
import { ensureWebBuild } from './build-web.mjs';

const force = process.argv.includes('--force');
if (ensureServerBuild({ force })) process.stderr.write('built the server (dist/server)\n');
if (await ensureWebBuild({ force })) process.stderr.write('built the web UI (dist/web)\n');
