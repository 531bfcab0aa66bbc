/**
 * All benchmarks (npm run bench -- <options>): today the search benchmark; its options pass through
 * (see bench/search/run.ts).
 */
await import('./search/run.ts');
