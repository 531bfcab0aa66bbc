/**
 * Checks the generator against the code (npm run bench:cases first; then node --import tsx bench/cases/check-facts.ts
 * [--data DIR] [--sample N]): for a sample of generated cases, refreshCaseFacts recomputes the fact row from the
 * generated case and timeline (in a transaction rolled back), and every duration must equal the generated one, so
 * that the timed queries read the facts the application itself would have written.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { connect } from '../../src/platform/db/database.ts';
import { openEmbedded } from '../../src/platform/db/embedded-server.ts';
import { refreshCaseFacts } from '../../src/cases/stats/facts.ts';

const { values: opt } = parseArgs({ options: { data: { type: 'string', default: '/work/bench-data/cases' }, sample: { type: 'string', default: '500' } } });
const COLS = ['status', 'outcome', 'start_on', 'closed_on', 'counterpart_group', 'outside_system', 'total_seconds', 'registration_seconds', 'review_seconds',
  'transfer_seconds', 'execution_seconds', 'preparation_seconds'] as const;

const h0 = process.env.DATABASE_URL ? null : await openEmbedded(opt.data!, { purpose: 'cases benchmark check', share: false });
const base = new URL(process.env.DATABASE_URL ?? h0!.adminUrl);
base.pathname = '/palermo_bench_cases';
const h = connect(base.toString(), { max: 2 });
let bad = 0;
try {
  const ids = (await sql<{ id: string }>`SELECT case_id AS id FROM cases_stat_facts TABLESAMPLE BERNOULLI (1) LIMIT ${Number(opt.sample)}`.execute(h.db)).rows.map((r) => r.id);
  for (const id of ids) {
    const before = await h.db.selectFrom('cases_stat_facts').select(COLS).where('case_id', '=', id).executeTakeFirstOrThrow();
    const after = await h.db.transaction().execute(async (trx) => {
      await refreshCaseFacts(trx, id);
      const row = await trx.selectFrom('cases_stat_facts').select(COLS).where('case_id', '=', id).executeTakeFirstOrThrow();
      await sql`ROLLBACK`.execute(trx).catch(() => undefined);
      throw Object.assign(new Error('rollback'), { row });
    }).catch((e: { row?: typeof before }) => e.row!);
    for (const c of COLS) {
      const a = before[c];
      const b = after[c];
      // durations: the generator rounds each stage to the second, the code the span between two rounded instants
      const same = typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 2 : String(a) === String(b);
      if (!same) {
        bad++;
        if (bad <= 20) process.stdout.write(`${id} ${c}: generated ${String(a)}, refreshCaseFacts ${String(b)}\n`);
      }
    }
  }
  process.stdout.write(`${ids.length} cases checked, ${bad} differences\n`);
} finally {
  await h.close();
  await h0?.stop();
}
process.exitCode = bad ? 1 : 0;
