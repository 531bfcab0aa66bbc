import net from 'node:net';
import path from 'node:path';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limit-settings.ts';

// The root is found in paths.ts, the same from the sources and from the compiled build (dist/server).
export { ROOT_DIR } from './paths.ts';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** null: not set, the caller decides (npm start turns demo on for the embedded database only). */
  demo: boolean | null;
  secureCookies: boolean;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), as Fastify's `trustProxy`:
   * false (the socket peer is the client), a number of hops, or the proxies' addresses / CIDRs.
   */
  trustProxy: false | number | string[];
  /** Rate limits of expensive and audited routes (http/rate-limit-settings.ts); smaller in tests that prove the 429. */
  rateLimits: RateLimits;
  /** Stored documents (platform/documents): where new files' bytes go, and the largest file accepted. */
  documents: { store: 'database' | 'files'; maxBytes: number };
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

/**
 * PALERMO_TRUST_PROXY: unset or 0 — do not trust X-Forwarded-For; 1 or true — one proxy in front; N — N
 * proxies in front; or a comma list of the proxies' addresses or CIDRs (10.0.0.1, 10.0.0.0/8).
 */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const v = raw?.trim() ?? '';
  if (v === '' || ['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(v.toLowerCase())) return 1;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((entry) => {
    const [addr, bits, ...rest] = entry.split('/');
    if (rest.length || !addr || !net.isIP(addr)) return true;
    if (bits === undefined) return false;
    const max = net.isIPv4(addr) ? 32 : 128;
    return !/^\d+$/.test(bits) || Number(bits) > max;
  });
  if (bad !== undefined || list.length === 0) {
    throw new ConfigError(
      `PALERMO_TRUST_PROXY must be 0, 1, a number of proxies, or a comma list of IP addresses / CIDRs; "${bad ?? v}" is none of these`,
    );
  }
  return list;
}

/**
 * The setting as Fastify's `trustProxy` option. A number of hops becomes a function trusting that many
 * hops nearest the server (Fastify itself trusts none for a bare number): right when the application
 * can be reached only through the proxies (HOST=127.0.0.1, or a firewall); otherwise list the proxies.
 */
export function trustProxyOption(setting: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting;
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
    trustProxy: parseTrustProxy(env.PALERMO_TRUST_PROXY),
    rateLimits: DEFAULT_RATE_LIMITS,
    documents: parseDocuments(env),
  };
}

/** PALERMO_DOCUMENT_STORE: database (default: backups carry the files) or files (<dataDir>/documents); PALERMO_DOCUMENT_MAX_MB: default 20. */
function parseDocuments(env: NodeJS.ProcessEnv): Config['documents'] {
  const store = env.PALERMO_DOCUMENT_STORE?.trim().toLowerCase() || 'database';
  if (store !== 'database' && store !== 'files') throw new ConfigError(`PALERMO_DOCUMENT_STORE must be database or files, got "${store}"`);
  const mb = env.PALERMO_DOCUMENT_MAX_MB?.trim() || '20';
  if (!/^\d+$/.test(mb) || Number(mb) < 1 || Number(mb) > 1024) throw new ConfigError(`PALERMO_DOCUMENT_MAX_MB must be a whole number of megabytes, 1–1024, got "${mb}"`);
  return { store, maxBytes: Number(mb) * 1024 * 1024 };
}
