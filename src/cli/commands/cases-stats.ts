import { auditActor } from '../../platform/auth/accounts.service.ts';
import { stateExists } from '../../reference/reference.service.ts';
import { statsQuery, type Stats, type StatsGroup } from '../../cases/stats/stats.schemas.ts';
import { operatorStats, statsCsvText } from '../../cases/stats/stats.service.ts';
import { UsageError, cliActor, parse, withRuntime } from '../cli-context.ts';

const USAGE =
  'usage: palermo cases stats --state ISO3 [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by DIM[,DIM]] [--direction incoming|outgoing]\n' +
  '         [--kind K] [--counterpart ISO3] [--regional-group G] [--measure M] [--legal-basis B] [--crime-type T] [--outcome O]\n' +
  '         [--refusal-ground R] [--channel C] [--json | --csv]\n' +
  '  DIM: kind direction counterpart regional-group measure legal-basis crime-type outcome refusal-ground channel month year';

/** CLI flag → the API's query parameter (the same zod schema validates both). */
const FLAGS = {
  from: 'from', to: 'to', by: 'by', direction: 'direction', kind: 'kind', counterpart: 'counterpart', 'regional-group': 'regionalGroup',
  measure: 'measure', 'legal-basis': 'legalBasis', 'crime-type': 'crimeType', outcome: 'outcome', 'refusal-ground': 'refusalGround', channel: 'channel',
} as const;

const str = { type: 'string' } as const;
const OPTIONS = {
  ...Object.fromEntries(Object.keys(FLAGS).map((k) => [k, str])) as Record<keyof typeof FLAGS, typeof str>,
  state: str,
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const num = (v: number | null) => (v === null ? '–' : String(v));

/** A readable table: one line per group, then the total; times in days (median / 90th percentile). */
export function statsTable(s: Stats): string {
  const head = [...s.by, 'cases', 'closed', 'Convention', 'outside', 'days median', 'days p90'];
  const row = (g: StatsGroup, label?: string) => [
    ...s.by.map((d) => label ?? g.keys[d] ?? '(none)'),
    String(g.count), String(g.closed), String(g.convention), String(g.outside), num(g.totalDays.median), num(g.totalDays.p90),
  ];
  const rows = [head, ...s.groups.map((g) => row(g)), ...(s.by.length ? [row(s.total, 'total')] : [row(s.total)])];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < s.by.length ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const share = s.conventionShare === null ? '–' : `${(s.conventionShare * 100).toFixed(1)} %`;
  const filters = Object.entries(s.filters).map(([k, v]) => `${k}=${v}`).join(' ');
  return [
    `Case statistics of ${s.state}${filters ? ` (${filters})` : ''}`,
    line(rows[0]!), ...rows.slice(1).map(line),
    `The Convention was the legal basis of ${share} of the cases; ${s.total.outside} handled outside the system.`,
    'Days: received (incoming) or sent (outgoing) to closed, without time waiting for additional information; percentile_cont.',
  ].join('\n');
}

/** `palermo cases stats --state ISO3 …`: a State's statistics on its cases, as a table, JSON or CSV. */
export async function casesStatsCommand(args: string[]): Promise<number> {
  const { values } = parse(args, OPTIONS);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.state) throw new UsageError(`--state is required\n${USAGE}`);
  if (values.json && values.csv) throw new UsageError(`--json or --csv, not both\n${USAGE}`);
  const raw: Record<string, string> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const v = values[flag as keyof typeof FLAGS];
    if (v !== undefined) raw[key] = v;
  }
  const q = statsQuery.safeParse(raw);
  if (!q.success) {
    const keyToFlag = Object.fromEntries(Object.entries(FLAGS).map(([f, k]) => [k, f]));
    const issues = q.error.issues.map((i) => `--${keyToFlag[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
    throw new UsageError(`${issues.join('\n')}\n${USAGE}`);
  }
  if (!/^[A-Za-z]{3}$/.test(values.state)) throw new UsageError(`--state must be an ISO3 code such as FRA\n${USAGE}`);
  const state = values.state.toUpperCase();
  const stats = await withRuntime('cases stats', async (rt) => {
    if (!(await stateExists(rt.db, state))) throw new UsageError(`--state: no State ${state}`);
    return operatorStats(rt.db, auditActor(cliActor()), state, q.data);
  });
  if (values.json) process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
  else if (values.csv) process.stdout.write(statsCsvText(stats));
  else process.stdout.write(`${statsTable(stats)}\n`);
  return 0;
}
