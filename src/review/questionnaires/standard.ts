import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ANONYMOUS } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { sourceDir } from '../../platform/paths.ts';
import { createVersion } from './question-sets.service.ts';
import { questionSetFile, type QuestionSetDocument } from './questionnaires.schemas.ts';

/**
 * The standard questionnaires, as data (data/*.json, the CLI's import format): short self-assessment questionnaires
 * for the Convention's and the Protocols' criminalization-and-jurisdiction and international-cooperation clusters,
 * each question in the six languages. Loaded as version 1, published, at every start (`palermo serve`) and by the
 * demo seed; idempotent: an instrument and cluster that already has any version is left alone (the secretariat owns
 * later versions).
 */
const FILES = ['untoc.json', 'protocols.json'];
// read from src/ in both layouts: the compiled server (dist/server) carries no copy of the data
const DATA_DIR = path.join(sourceDir(import.meta.url), 'data');

export function standardQuestionnaires(): QuestionSetDocument[] {
  return FILES.flatMap((f) => questionSetFile.parse(JSON.parse(readFileSync(path.join(DATA_DIR, f), 'utf8'))).sets);
}

export async function loadStandardQuestionnaires(db: Db): Promise<{ created: number; unchanged: number }> {
  let created = 0;
  let unchanged = 0;
  for (const doc of standardQuestionnaires()) {
    const any = await db.selectFrom('review_question_sets').select('id').where('instrument_code', '=', doc.instrument).where('cluster_code', '=', doc.cluster).executeTakeFirst();
    if (any) { unchanged++; continue; }
    await createVersion(db, ANONYMOUS, doc, { publish: true });
    created++;
  }
  return { created, unchanged };
}
