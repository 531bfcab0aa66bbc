/**
 * The rate limits' table of defaults and their wording, apart from the plugin that applies them (rate-limits.ts,
 * which explains them): the configuration and the accounts service read these in every command, which need not
 * load @fastify/rate-limit.
 */
export type LimitGroup = 'login' | 'search' | 'export' | 'feed' | 'import' | 'documents' | 'routing';

export interface RateLimits {
  /** Requests per minute to each route of the group: by account when logged in, else by address. */
  perMinute: Record<LimitGroup, { anonymous: number; user: number }>;
  /** Refusals (403/404) on audited routes, per account or address, before further requests there get 429. */
  deniedReads: { max: number; windowMinutes: number };
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perMinute: {
    // By address even for a logged-in person: the login is where guessing happens (see auth/login-throttle.ts).
    login: { anonymous: 60, user: 60 },
    search: { anonymous: 120, user: 240 },
    export: { anonymous: 20, user: 60 },
    feed: { anonymous: 60, user: 120 },
    import: { anonymous: 60, user: 60 },
    documents: { anonymous: 60, user: 60 },
    routing: { anonymous: 120, user: 240 },
  },
  deniedReads: { max: 120, windowMinutes: 10 },
};

/** "1 second", "45 seconds", "10 minutes": how long to wait, for a person to read. */
export const waitText = (seconds: number) =>
  seconds === 1 ? '1 second' : seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
