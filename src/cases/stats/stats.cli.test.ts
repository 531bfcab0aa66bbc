import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { palermo } from '../../../test/support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { loadFixture } from './stats.fixtures.ts';

/** `palermo cases stats`, the real command, on the hand-built set (figures as in stats.routes.test.ts). */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadFixture(t.db);
});
afterAll(() => t.drop());

const run = (...args: string[]) => palermo(['cases', 'stats', ...args], { DATABASE_URL: t.url });

describe('palermo cases stats', () => {
  it('--json: the same figures as the API', () => {
    const r = run('--state', 'fra', '--by', 'kind', '--json');
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.state).toBe('FRA');
    expect(s.total).toMatchObject({ count: 9, closed: 8, totalDays: { median: 31, p90: 72, n: 8 } });
    expect(s.groups.map((g: { keys: { kind: string }; count: number }) => [g.keys.kind, g.count])).toEqual([['extradition', 2], ['mla', 7]]);
  });

  it('a readable table with the total and the Convention’s share; filters by flag', () => {
    const r = run('--state', 'FRA', '--by', 'legal-basis', '--direction', 'incoming', '--from', '2025-01-01', '--to', '2025-12-31');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Case statistics of FRA (from=2025-01-01 to=2025-12-31 direction=incoming)');
    expect(lines[1]).toMatch(/^legal-basis\s+cases\s+closed\s+Convention\s+outside\s+days median\s+days p90$/);
    expect(lines.slice(2, 6).map((l) => l.trim().split(/\s+/))).toEqual([
      ['convention', '5', '4', '5', '0', '28.5', '79.6'], // closed: F 15, B 25, A 32, I 100 (E open)
      ['reciprocity', '1', '1', '0', '1', '20', '20'], // D, by post
      ['treaty', '2', '2', '0', '1', '57', '59.4'], // C 54 by e-mail, H 60
      ['total', '8', '7', '5', '2', '32', '76'],
    ]);
    expect(r.stdout).toContain('The Convention was the legal basis of 62.5 % of the cases; 2 handled outside the system.');
  });

  // each run starts node and tsx: seconds apiece on a loaded machine, hence the longer timeout
  it('bad flags are a usage error (exit 2) naming the flag; nothing printed on standard output', () => {
    const cases: Array<[string[], string]> = [
      [['--by', 'kind'], '--state'], [['--state', 'FRA', '--by', 'colour'], '--by'], [['--state', 'FRA', '--from', '2025-02-30'], '--from'],
      [['--state', 'FRA', '--legal-basis', 'custom'], '--legal-basis'], [['--state', 'ZZZ'], '--state'],
    ];
    for (const [args, flag] of cases) {
      const r = run(...args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(flag);
    }
  }, 300_000);

  it('--csv: the same CSV as the API’s export', () => {
    const r = run('--state', 'FRA', '--by', 'kind', '--csv');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.replace(/^\uFEFF/, '').split('\r\n')[2]!.split(',').slice(0, 8).join(',')).toBe('mla,,7,6,5,1,31,57');
  });
});
