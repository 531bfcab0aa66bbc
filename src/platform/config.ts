import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: migrations, reference data and the built web UI are found relative to it. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** null: not set, the caller decides (npm start turns demo on for the embedded database only). */
  demo: boolean | null;
  secureCookies: boolean;
}

export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be an integer 0–65535, got "${raw}"`);
  return n;
}

function parseFlag(name: string, raw: string | undefined): boolean | null {
  if (raw === undefined || raw === '') return null;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.PALERMO_DATA_DIR?.trim() || path.join(process.cwd(), 'data')),
    demo: parseFlag('PALERMO_DEMO', env.PALERMO_DEMO),
    secureCookies: parseFlag('PALERMO_SECURE_COOKIES', env.PALERMO_SECURE_COOKIES) ?? false,
  };
}
