import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge-patch.ts';

// Moved from platform/http/input-guard.test.ts (a base layer's test may not import a module's internals); the
// input guard's own depth limit is tested there, through the drafting route.
describe('mergePatch', () => {
  it('mergePatch itself refuses depth instead of overflowing the stack', () => {
    let patch: unknown = 1;
    for (let i = 0; i < 100_000; i++) patch = { a: patch };
    expect(() => mergePatch({}, patch)).toThrow(/nested more than/);
  });
});
