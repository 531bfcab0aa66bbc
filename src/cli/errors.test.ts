import { describe, expect, it } from 'vitest';
import { palermo } from '../../test/support/cli.ts';
import { databaseUrl } from '../../test/support/database.ts';

/** A command's failure is one clear line for the operator; the stack trace only when asked for. */
describe('palermo CLI failures', () => {
  // An unexpected failure (here PostgreSQL's own error, not one of Palermo's), which used to print a stack trace.
  const env = { DATABASE_URL: databaseUrl('palermo_no_such_database') };

  it('are one line on stderr, `palermo: <message>`, exit code 1', () => {
    const r = palermo(['audit', 'verify'], env);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^palermo: database "palermo_no_such_database" does not exist \[--debug shows where\]\n$/);
  });

  it('show the stack trace with --debug or PALERMO_DEBUG=1', () => {
    for (const r of [palermo(['--debug', 'audit', 'verify'], env), palermo(['audit', 'verify', '--debug'], env), palermo(['audit', 'verify'], { ...env, PALERMO_DEBUG: '1' })]) {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^palermo: database "palermo_no_such_database" does not exist\n/);
      expect(r.stderr).toMatch(/\n {4}at /);
    }
  });

  it('a usage mistake still exits 2 and points to help', () => {
    const r = palermo(['backup', 'verify'], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('palermo: expected 1 argument(s), got 0\nRun "palermo help" for usage.\n');
  });
});
