import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../platform/config.ts';
import type { AppContext } from '../platform/http/context.ts';
import { caseDocumentRoutes } from './documents.routes.ts';
import { DEFAULT_DEADLINES, DeadlineConfigError, deadlineConfig, loadDeadlineConfig, periodsFor, resetDeadlineConfig } from './deadlines.config.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'palermo-deadlines-'));
function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}
const load = (content: string) => loadDeadlineConfig({ PALERMO_CASE_DEADLINES: file(`f${Math.random()}.json`, content) });

describe('case deadlines configuration (PALERMO_CASE_DEADLINES)', () => {
  afterEach(() => {
    delete process.env.PALERMO_CASE_DEADLINES;
    resetDeadlineConfig();
  });

  it('defaults: acknowledge 7, answer a query 14, decide 30, execute 90, supply information 30 days', () => {
    expect(loadDeadlineConfig({})).toEqual({ acknowledgeDays: 7, answerQueryDays: 14, decideDays: 30, executeDays: 90, supplyInfoDays: 30, treaties: {} });
  });

  it('a file overrides the periods it names and adds treaties’ own periods', () => {
    const config = load(JSON.stringify({ decideDays: 20, treaties: { 'Medellín Treaty': { executeDays: 60 } } }));
    expect(config).toMatchObject({ acknowledgeDays: 7, decideDays: 20, executeDays: 90 });
    expect(periodsFor(config, 'treaty', 'MEDELLÍN TREATY')).toEqual({ ...DEFAULT_DEADLINES, treaties: undefined, decideDays: 20, executeDays: 60 });
    expect(periodsFor(config, 'convention', 'Medellín Treaty').executeDays).toBe(90);
  });

  it.each([
    ['not JSON', '{ decideDays: 20', /is not JSON/],
    ['a period of zero days', '{"decideDays": 0}', /decideDays: .*>=\s*1/],
    ['a fractional period', '{"executeDays": 1.5}', /executeDays/],
    ['a period as text', '{"acknowledgeDays": "7"}', /acknowledgeDays/],
    ['a misspelt period', '{"decideDayz": 20}', /decideDayz|Unrecognized key/],
    ['a misspelt period of a treaty', '{"treaties": {"X": {"execute": 60}}}', /treaties\.X/],
    ['an array', '[]', /\(file\)/],
    ['a treaty listed twice', '{"treaties": {"X T": {"executeDays": 60}, "x  t": {"executeDays": 50}}}', /listed twice/],
  ])('a bad file is a clear start-up error: %s', (_name, content, message) => {
    expect(() => load(content)).toThrow(DeadlineConfigError);
    expect(() => load(content)).toThrow(message);
  });

  it('a missing file names the file', () => {
    expect(() => loadDeadlineConfig({ PALERMO_CASE_DEADLINES: path.join(dir, 'none.json') })).toThrow(/cannot read .*none\.json \(ENOENT\)/);
  });

  it('the process reads the file once, at the first call', () => {
    process.env.PALERMO_CASE_DEADLINES = file('once.json', '{"answerQueryDays": 10}');
    expect(deadlineConfig().answerQueryDays).toBe(10);
    writeFileSync(process.env.PALERMO_CASE_DEADLINES, '{"answerQueryDays": 3}');
    expect(deadlineConfig().answerQueryDays).toBe(10);
    resetDeadlineConfig();
    expect(deadlineConfig().answerQueryDays).toBe(3);
  });

  it('the case tracker refuses to start on a bad file: its routes read the configuration when the app is built', () => {
    process.env.PALERMO_CASE_DEADLINES = file('bad.json', '{"executeDays": -5}');
    expect(() => caseDocumentRoutes({} as AppContext)).toThrow(ConfigError);
    resetDeadlineConfig();
    expect(() => caseDocumentRoutes({} as AppContext)).toThrow(/PALERMO_CASE_DEADLINES \(.*bad\.json\): invalid case deadlines — executeDays/);
    delete process.env.PALERMO_CASE_DEADLINES;
    resetDeadlineConfig();
    expect(typeof caseDocumentRoutes({} as AppContext)).toBe('function');
  });
});
