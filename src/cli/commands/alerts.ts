import { runAlerts } from '../../knowledge/open-access/saved-searches.service.ts';
import { parse } from '../cli-context.ts';
import { UsageError, withRuntime } from '../cli-context.ts';

export async function alertsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'run') throw new UsageError('usage: palermo alerts run [--base-url URL]');
  const { values } = parse(rest, { 'base-url': { type: 'string', default: '' } });
  const r = await withRuntime('alerts run', (rt) => runAlerts(rt.db, values['base-url']), { prepare: false });
  const failed = r.emailsFailed ? ` ${r.emailsFailed} e-mails failed (retried by later runs).` : '';
  process.stdout.write(`${r.searches} saved searches checked: ${r.notified} owners notified, ${r.emails} e-mails sent.${failed}\n`);
  return 0;
}
