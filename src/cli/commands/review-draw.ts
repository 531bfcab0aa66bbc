import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { drawEligibility } from '../../reference/reference.service.ts';
import { canonicalJson } from '../../review/draw/canonical.ts';
import type { GroupDrawResult, ReviewerDrawResult } from '../../review/draw/draw.types.ts';
import { drawGroups } from '../../review/draw/groups.ts';
import { DEFAULT_CAP, DEFAULT_MAX_REVIEWERS, DEFAULT_POOLING, groupInputs, reviewerInputs } from '../../review/draw/inputs.ts';
import { drawReviewers } from '../../review/draw/reviewers.ts';
import { DrawInputError } from '../../review/draw/selection.ts';
import { verifyPackage, type VerifiablePackage } from '../../review/draw/verify.ts';
import { getDrawPackage } from '../../review/draws/draws.service.ts';
import { UsageError, parse, withRuntime } from '../cli-context.ts';

const USAGE_DRAW =
  'usage: palermo review draw --instrument UNTOC --seed "TEXT" [--instruments UNTOC,TIP,SOM,FIR] [--cap N] [--allow-mutual]\n' +
  '         [--max-reviewers N] [--pooling EUU=weog,VAT=weog,…] [--as-of YYYY-MM-DD] [--json]';
const USAGE_GROUPS = 'usage: palermo review draw-groups --seed "TEXT" --groups N [--instrument UNTOC] [--pooling …] [--as-of YYYY-MM-DD] [--json]';
const USAGE_VERIFY = 'usage: palermo review verify-draw <draw-id | package.json>';

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;

function int(name: string, v: string | undefined, fallback: number, min: number, max: number): number {
  if (v === undefined) return fallback;
  if (!/^\d{1,4}$/.test(v) || +v < min || +v > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return +v;
}

function codes(v: string | undefined, fallback: string[]): string[] {
  if (v === undefined) return fallback;
  const list = v.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
  if (!list.length || list.some((c) => !/^[A-Z0-9]{2,12}$/.test(c))) throw new UsageError('--instruments: comma-separated instrument codes');
  return list;
}

function pooling(v: string | undefined): Record<string, string> {
  if (v === undefined) return { ...DEFAULT_POOLING };
  const out: Record<string, string> = {};
  for (const part of v.split(',').filter(Boolean)) {
    const m = /^([A-Za-z]{3})=([a-z-]{2,40})$/.exec(part.trim());
    if (!m) throw new UsageError(`--pooling: ISO3=group pairs, e.g. EUU=weog (not "${part}")`);
    out[m[1]!.toUpperCase()] = m[2]!;
  }
  return out;
}

/** The reference data's date: the latest "as of" of the party statuses, so that the same data gives the same bytes. */
async function referenceAsOf(db: Db, given: string | undefined): Promise<string> {
  if (given !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new UsageError('--as-of must be YYYY-MM-DD');
    return given;
  }
  const r = await sql<{ d: string | null }>`SELECT to_char(max(as_of), 'YYYY-MM-DD') AS d FROM party_status`.execute(db);
  return r.rows[0]?.d ?? 'unstated';
}

function refuse<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DrawInputError) throw new UsageError(err.message);
    throw err;
  }
}

/** A readable table of a reviewers' draw: one line per reviewed State (ISO3 order), then what was left out. */
export function drawTable(r: ReviewerDrawResult): string {
  const lines = [`Drawing of lots (${r.algorithm}), seed key "${r.key}", cap ${r.cap}, mutual reviews ${r.mutual ? 'allowed' : 'not allowed'}`];
  lines.push('reviewed  own-group  other-group  additional');
  for (const p of r.pairs) {
    const of = (slot: string) => p.reviewers.filter((x) => x.slot === slot);
    const add = of('additional').map((x) => `${x.state} (${x.instruments.join(', ')})`).join('; ');
    lines.push(`${p.reviewed.padEnd(8)}  ${(of('own-group')[0]?.state ?? '–').padEnd(9)}  ${(of('other-group')[0]?.state ?? '–').padEnd(11)}  ${add}`.trimEnd());
  }
  if (r.excluded.length) lines.push('', 'Left out or unfilled:', ...r.excluded.map((e) => `  ${e.state}: ${e.reason}`));
  return lines.join('\n');
}

function groupsTable(r: GroupDrawResult): string {
  const lines = [`Groups draw (${r.algorithm}), seed key "${r.key}"`];
  for (const g of r.groups) lines.push(`group ${g.group} (${g.states.length}): ${g.states.join(' ')}`);
  if (r.excluded.length) lines.push('', 'Left out:', ...r.excluded.map((e) => `  ${e.state}: ${e.reason}`));
  return lines.join('\n');
}

/** `palermo review draw …`: the reviewers' draw on the reference data, as one canonical JSON document or a table. */
export async function reviewDrawCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    instrument: str, instruments: str, seed: str, cap: str, 'allow-mutual': bool, 'max-reviewers': str, pooling: str, 'as-of': str, json: bool,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return void process.stdout.write(`${USAGE_DRAW}\n`), 0;
  if (!values.instrument || values.seed === undefined) throw new UsageError(`--instrument and --seed are required\n${USAGE_DRAW}`);
  const instrument = values.instrument.toUpperCase();
  const rules = {
    instrument,
    instruments: codes(values.instruments, instrument === 'UNTOC' ? ['UNTOC', 'TIP', 'SOM', 'FIR'] : [instrument]),
    cap: int('cap', values.cap, DEFAULT_CAP, 1, 1000),
    mutual: values['allow-mutual'] === true,
    maxReviewers: int('max-reviewers', values['max-reviewers'], DEFAULT_MAX_REVIEWERS, 2, 50),
    pooling: pooling(values.pooling),
  };
  const seed = values.seed;
  const result = await withRuntime('review draw', async (rt) => {
    const states = await drawEligibility(rt.db);
    const asOf = await referenceAsOf(rt.db, values['as-of']);
    if (!states.some((s) => instrument in s.status)) throw new UsageError(`--instrument: no instrument ${instrument}`);
    return refuse(() => drawReviewers(reviewerInputs(states, { ...rules, asOf }), seed));
  });
  process.stdout.write(`${values.json ? canonicalJson(result) : drawTable(result)}\n`);
  return 0;
}

/** `palermo review draw-groups …`: all States parties split into the groups that start in different years. */
export async function reviewDrawGroupsCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { instrument: str, seed: str, groups: str, pooling: str, 'as-of': str, json: bool, help: { type: 'boolean', short: 'h' } });
  if (values.help) return void process.stdout.write(`${USAGE_GROUPS}\n`), 0;
  if (values.seed === undefined || values.groups === undefined) throw new UsageError(`--seed and --groups are required\n${USAGE_GROUPS}`);
  const instrument = (values.instrument ?? 'UNTOC').toUpperCase();
  const groups = int('groups', values.groups, 3, 1, 20);
  const seed = values.seed;
  const result = await withRuntime('review draw-groups', async (rt) => {
    const states = await drawEligibility(rt.db);
    if (!states.some((s) => instrument in s.status)) throw new UsageError(`--instrument: no instrument ${instrument}`);
    const asOf = await referenceAsOf(rt.db, values['as-of']);
    return refuse(() => drawGroups(groupInputs(states, { instrument, groups, pooling: pooling(values.pooling), asOf }), seed));
  });
  process.stdout.write(`${values.json ? canonicalJson(result) : groupsTable(result)}\n`);
  return 0;
}

/** `palermo review verify-draw <id|file>`: recomputes a published draw; exit 0 when it is what the rules give, 1 otherwise. */
export async function reviewVerifyDrawCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const ref = positionals[0]!;
  let pkg: VerifiablePackage | undefined;
  if (existsSync(ref)) {
    try {
      pkg = JSON.parse(readFileSync(ref, 'utf8')) as VerifiablePackage;
    } catch (err) {
      throw new UsageError(`${ref}: not a JSON draw package (${(err as Error).message})`);
    }
  } else if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) {
    pkg = await withRuntime('review verify-draw', (rt) => getDrawPackage(rt.db, ref.toLowerCase()));
    if (!pkg) throw new UsageError(`no drawn draw ${ref}`);
  } else {
    throw new UsageError(`${ref}: neither a file nor a draw id\n${USAGE_VERIFY}`);
  }
  const problems = verifyPackage(pkg);
  if (problems.length) {
    process.stdout.write(`DIFFERENT\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write('OK\n');
  return 0;
}
