import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIMENSION_CODES, DIMENSIONS, STAGES } from './dimensions.ts';

/**
 * The statistics' texts (src/cases/ui/stats/locales, which the platform's locale test does not reach: it reads
 * src/<module>/ui/locales) exist in the six UN languages, and every code a table or a filter shows has a label in
 * each: a missing one would show a raw code ("transfer-of-sentenced-persons") to its readers.
 */
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
type Tree = { [k: string]: string | Tree };
const read = (l: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'locales', `${l}.json`), 'utf8')) as Tree;
const flat = (t: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(flat(v, `${prefix}${k}.`)))));

describe('case statistics texts', () => {
  const en = flat(read('en'));
  for (const lang of LANGS) {
    it(`${lang}: the same texts as English, none empty, every code labelled`, () => {
      const own = flat(read(lang));
      expect(Object.keys(en).filter((k) => !(k in own)), 'missing').toEqual([]);
      expect(Object.keys(own).filter((k) => !(k in en)), 'extra').toEqual([]);
      expect(Object.keys(own).filter((k) => own[k]!.trim() === ''), 'empty').toEqual([]);
      for (const d of DIMENSIONS) expect(own[`dimensions.${d}`], d).toBeTruthy();
      for (const s of STAGES) expect(own[`stages.${s}`], s).toBeTruthy();
      for (const [dim, codes] of Object.entries(DIMENSION_CODES)) {
        expect(codes.filter((c) => !own[`values.${dim}.${c}`]), `values.${dim}`).toEqual([]);
      }
      // interpolations kept: a translation that dropped {{threshold}} would hide the rule it states
      for (const [k, v] of Object.entries(en)) {
        const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(names(own[k]!), k).toEqual(names(v));
      }
    });
  }

  it('the other languages are translations, not English copies', () => {
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const own = flat(read(lang));
      // a few words are the same in French or Spanish ("Extradition", "Total", "INTERPOL", a dash): never more
      const same = Object.keys(en).filter((k) => own[k] === en[k]);
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThanOrEqual(Math.ceil(Object.keys(en).length * 0.06));
    }
  });
});
