import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { sourceDir } from '../../platform/paths.ts';
import { importFile, summarize } from '../ingest/import.service.ts';

/** The Conference documents shipped in seed/corpus: the portal's first content, imported idempotently on start. */
// under src/ in both layouts: the compiled server (dist/server) carries no copy of the corpus
export const CORPUS_DIR = path.join(sourceDir(import.meta.url), 'corpus');

const SEED_ACTOR: Actor = {
  kind: 'user',
  id: '00000000-0000-0000-0000-000000000000',
  username: 'seed',
  displayName: 'Palermo sample corpus',
  state: null,
  roles: ['secretariat'],
  demo: false,
  language: 'en',
  csrfToken: '',
};

export async function loadSampleCorpus(db: Db) {
  const files = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
  const outcomes = [];
  for (const f of files) outcomes.push(await importFile(db, f, fs.readFileSync(path.join(CORPUS_DIR, f)), { actor: SEED_ACTOR }));
  return summarize(outcomes);
}
