import { ConfigError } from '../platform/config.ts';
import { EmbeddedServerError } from '../platform/db/embedded-server.ts';
import { AppError } from '../platform/http/errors.ts';
import { BackupError } from '../platform/backup/backup-format.ts';
import { endProgressLine } from './progress.ts';
import { UsageError } from './cli-context.ts';

/** The errors that are the operator's to fix, whose message says all: no hint about --debug. */
const EXPECTED = [ConfigError, EmbeddedServerError, BackupError];

/**
 * A command's failure: one line, `palermo: <message>`, exit code 1 (2 for a usage mistake). The stack trace
 * only with --debug or PALERMO_DEBUG=1: an operator needs the reason, a developer where it happened.
 */
export function reportError(err: unknown, debug = process.env.PALERMO_DEBUG === '1'): number {
  endProgressLine();
  const e = err instanceof Error ? err : new Error(String(err));
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
  const trace = () => {
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
  };
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`palermo: ${oneLine(e.message)}\nRun "palermo help" for usage.\n`);
    return 2;
  }
  if (e instanceof AppError) {
    process.stderr.write(`palermo: ${oneLine(e.message)}\n`);
    for (const i of e.issues) process.stderr.write(`  ${i.path}: ${i.message}\n`);
    trace();
    return 1;
  }
  // PostgreSQL's own errors carry the row or key concerned in `detail`.
  const detail = (e as { detail?: unknown }).detail;
  const message = oneLine(`${e.message || e.name}${typeof detail === 'string' && detail ? ` (${detail})` : ''}`);
  const expected = EXPECTED.some((k) => e instanceof k);
  process.stderr.write(`palermo: ${message}${expected || debug ? '' : ' [--debug shows where]'}\n`);
  trace();
  return 1;
}
