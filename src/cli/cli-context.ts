import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../platform/config.ts';
import { openRuntime, type Runtime } from '../platform/runtime.ts';

export class UsageError extends Error {}

/** parseArgs with our usage errors. */
export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals = 0) {
  const r = parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>({
    args,
    options,
    allowPositionals: true,
    strict: true,
  });
  if (r.positionals.length !== positionals) {
    throw new UsageError(`expected ${positionals} argument(s), got ${r.positionals.length}`);
  }
  return r;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs a command against the data directory's database, whether or not `npm start` is running. */
export async function withRuntime<T>(command: string, fn: (rt: Runtime) => Promise<T>, opts: { prepare?: boolean } = {}): Promise<T> {
  const rt = await openRuntime(loadConfig(), { purpose: `palermo ${command}`, share: true, prepare: opts.prepare });
  const stop = () => void rt.shutdown().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await fn(rt);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await rt.shutdown();
  }
}

/** The operator running the CLI acts with full rights; the audit log records them as "cli:<os user>". */
export function cliActor() {
  const who = process.env.SUDO_USER || process.env.USER || 'operator';
  return {
    kind: 'user' as const,
    id: '00000000-0000-0000-0000-000000000000',
    username: `cli:${who}`,
    displayName: `command line (${who})`,
    state: null,
    roles: ['admin' as const, 'secretariat' as const],
    demo: false,
    language: 'en',
    csrfToken: '',
  };
}
