import fs from 'node:fs';
import { createVersion, exportSets } from '../../review/questionnaires/question-sets.service.ts';
import { questionSetFile } from '../../review/questionnaires/questionnaires.schemas.ts';
import { cliActor, parse, UsageError, withRuntime } from '../cli-context.ts';

const USAGE = 'usage: palermo review questionnaires import <file.json> [--publish] | export [--instrument UNTOC|TIP|SOM|FIR] [--cluster CODE]';

/**
 * `palermo review questionnaires import FILE.json [--publish]`: each set of the file ({"sets": [{instrument, cluster,
 * title, questions}]}, the format `export` writes and src/review/questionnaires/data/*.json use) becomes the next
 * version of its instrument and cluster, as a draft (the secretariat then reviews and publishes it) or published at
 * once. A bad file changes nothing: every problem is listed with its place in the file (exit 1).
 * `export` writes the latest published version of each set (optionally one instrument or cluster) as JSON to stdout.
 */
export async function reviewQuestionnairesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return importCommand(rest);
  if (sub === 'export') return exportCommand(rest);
  throw new UsageError(USAGE);
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { publish: { type: 'boolean' } }, 1);
  const file = positionals[0]!;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`No file ${file}\n${USAGE}`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`${file} is not JSON: ${(e as Error).message}\n`);
    return 1;
  }
  const parsed = questionSetFile.safeParse(json);
  if (!parsed.success) {
    for (const i of parsed.error.issues) process.stderr.write(`${file}: ${i.path.join('.') || '(top)'}: ${i.message}\n`);
    return 1;
  }
  const created = await withRuntime('review questionnaires import', async (rt) => {
    // All sets or none: one transaction for the file.
    return rt.db.transaction().execute(async (trx) => {
      const out = [];
      for (const [i, doc] of parsed.data.sets.entries()) {
        const s = await createVersion(trx, cliActor(), doc, { publish: values.publish, path: `sets.${i}` });
        out.push(`${s.instrument_code} ${s.cluster_code} version ${s.version} (${s.status}, ${doc.questions.length} questions)`);
      }
      return out;
    });
  });
  for (const line of created) process.stdout.write(`${line}\n`);
  return 0;
}

async function exportCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { instrument: { type: 'string' }, cluster: { type: 'string' } }, 0);
  const doc = await withRuntime('review questionnaires export', (rt) => exportSets(rt.db, { instrument: values.instrument?.toUpperCase(), cluster: values.cluster }));
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  return 0;
}
