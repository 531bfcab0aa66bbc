import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every text of the UI exists in the six UN languages: the platform's locale files and each module's
 * (src/<module>/ui/locales). A key missing in one language would show English, or the raw key, to its readers.
 */
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const SRC = path.resolve(import.meta.dirname, '..');
// i18next picks a plural form by language: Chinese has only "other", Arabic six forms; compare the stems.
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix.replace(PLURAL, '')];
}

function empties(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => empties(v, `${prefix}.${k}`));
  return typeof value === 'string' && value.trim() === '' ? [prefix] : [];
}

/** Every `locales` folder under a module's `ui/` (a module with several UI parts has one per part, e.g. review/ui/desk/locales). */
function localeFolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => {
    const sub = path.join(dir, e.name);
    return e.name === 'locales' ? [sub] : localeFolders(sub);
  });
}
const folders = [path.join(SRC, 'web/locales'), ...fs.readdirSync(SRC).flatMap((m) => localeFolders(path.join(SRC, m, 'ui')))];

describe('UI texts in six languages', () => {
  for (const dir of folders) {
    it(`${path.relative(SRC, dir)}: the same texts in every language, none empty`, () => {
      const read = (l: string) => JSON.parse(fs.readFileSync(path.join(dir, `${l}.json`), 'utf8')) as unknown;
      const english = new Set(keys(read('en')));
      for (const l of LANGS) {
        const own = new Set(keys(read(l)));
        expect([...english].filter((k) => !own.has(k)), `missing in ${l}`).toEqual([]);
        expect([...own].filter((k) => !english.has(k)), `only in ${l}`).toEqual([]);
        expect(empties(read(l)), `empty in ${l}`).toEqual([]);
      }
    });
  }
});
