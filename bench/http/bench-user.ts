/** The account bench/http/server.ts creates and bench/http/run.ts logs in with (a throwaway data directory's). */
export const BENCH_USER = { username: 'bench-officer', password: 'bench-password-not-secret' };
