import { verifyAudit } from '../../platform/audit/audit.service.ts';
import { parse } from '../cli-context.ts';
import { progressBar } from '../progress.ts';
import { UsageError, withRuntime } from '../cli-context.ts';

export async function auditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError('usage: palermo audit verify [--json]');
  const { values } = parse(rest, { json: { type: 'boolean' } });
  const bar = progressBar('Verifying');
  const report = await withRuntime('audit verify', (rt) => verifyAudit(rt.db, bar.update), { prepare: false });
  bar.done();
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else if (report.ok) {
    process.stdout.write(`Audit log intact: ${report.entries} entries, hash chain verified.\n`);
  } else {
    process.stdout.write(`AUDIT LOG TAMPERED: ${report.problems.length} problem(s) in ${report.entries} entries\n`);
    for (const p of report.problems) process.stdout.write(`  entry ${p.seq}: ${p.message}\n`);
  }
  return report.ok ? 0 : 3;
}
