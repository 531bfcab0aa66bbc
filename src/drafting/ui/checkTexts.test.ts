import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, runChecks } from '../checks/index.ts';
import type { DirectoryFacts } from '../checks/types.ts';
import { assistanceForm, draftContentSchema, emptyDraftContent, type DraftContent } from '../draft.schema.ts';
import { chinaFacts, completeDraft } from '../test-fixtures.ts';
import { CHECK_VARIANTS, checkText, checkTextKey, type CheckTextLabels } from './checkText.ts';
import type { CheckReport, CheckResult } from '../../web/api/types.ts';

/**
 * The checks' messages and fixes exist in the six UN languages for every id the checks code can produce,
 * and the right text is picked for each finding: rendered in English with codes left as codes, the UI's
 * text says what the API's English says.
 */
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const CHECKS_DIR = path.resolve(import.meta.dirname, '../checks');
const locale = (l: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `locales/${l}.json`), 'utf8')) as Record<string, unknown>;
const LOCALES = Object.fromEntries(LANGS.map((l) => [l, locale(l)]));

/** Ids as the checks' source writes them (finding('…', …)): a check missing from the exported lists still counts. */
function idsInSource(): string[] {
  const ids = new Set<string>();
  for (const f of fs.readdirSync(CHECKS_DIR)) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
    for (const m of fs.readFileSync(path.join(CHECKS_DIR, f), 'utf8').matchAll(/finding\(\s*['"]([a-z-]+\.[a-z0-9-]+)['"]/g)) ids.add(m[1]!);
  }
  return [...ids];
}
const ALL_IDS = [...new Set([...CHECK_IDS, ...idsInSource()])].sort();

function textAt(lang: string, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), LOCALES[lang]);
}
/** Every {message, fix} key: one per id, one per variant. */
const TEXT_KEYS = ALL_IDS.flatMap((id) => [`checkTexts.${id}`, ...(CHECK_VARIANTS[id] ?? []).map((v) => `checkTexts.${id}.variants.${v}`)]);
const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('check texts in six languages', () => {
  it('the ids come from the checks code (the exported lists and the findings in the source agree)', () => {
    expect(ALL_IDS.length).toBeGreaterThanOrEqual(60);
    expect(idsInSource().filter((id) => !CHECK_IDS.includes(id))).toEqual([]);
  });

  for (const lang of LANGS) {
    it(`${lang}: a message and a fix for every check id and variant, with the English placeholders`, () => {
      const missing = TEXT_KEYS.flatMap((k) => ['message', 'fix'].filter((p) => typeof textAt(lang, `${k}.${p}`) !== 'string' || (textAt(lang, `${k}.${p}`) as string).trim() === '').map((p) => `${k}.${p}`));
      expect(missing).toEqual([]);
      for (const k of TEXT_KEYS) {
        for (const p of ['message', 'fix']) expect(placeholders(textAt(lang, `${k}.${p}`)), `${lang} ${k}.${p}`).toEqual(placeholders(textAt('en', `${k}.${p}`)));
      }
    });
  }

  it('no text for an id the checks no longer produce', () => {
    const families = LOCALES.en!.checkTexts as Record<string, Record<string, unknown>>;
    const inLocale = Object.entries(families).flatMap(([fam, ids]) => Object.keys(ids).map((id) => `${fam}.${id}`));
    expect(inLocale.filter((id) => !ALL_IDS.includes(id))).toEqual([]);
    expect(Object.keys(CHECK_VARIANTS).filter((id) => !ALL_IDS.includes(id))).toEqual([]);
  });

  it('real translations: no language repeats the English of a check', () => {
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const copies = TEXT_KEYS.flatMap((k) => ['message', 'fix'].map((p) => `${k}.${p}`)).filter((k) => textAt(lang, k) === textAt('en', k));
      expect(copies, lang).toEqual([]);
    }
  });
});

// ---- picking and filling the texts, against what the checks really produce ----

const i18n = i18next.createInstance();
await i18n.init({
  resources: Object.fromEntries(LANGS.map((l) => [l, { translation: { drafting: LOCALES[l] } }])),
  lng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Codes as codes and lists as the checks join them, so the English must read exactly as the API's. */
const plain = (lang: string): CheckTextLabels => ({
  language: (c) => c,
  measure: (c) => c,
  channel: (c) => c,
  kind: (c) => c,
  legalBasis: (code) => i18n.getFixedT(lang)(`drafting.route.basisCode.${code}`),
  list: (items) => items.join(', '),
  noneRecorded: lang === 'en' ? 'none recorded' : i18n.getFixedT(lang)('drafting.checks.noneRecorded'),
});

function render(r: CheckResult, lang: string, content: DraftContent, report: CheckReport) {
  const t = i18n.getFixedT(lang);
  return checkText(r, (k, v) => t(k, v), (k) => i18n.exists(k, { lng: lang }), plain(lang), { content, report });
}

const form = (input: Record<string, unknown>) => assistanceForm.parse(input);
const e = (measure: string, ev: Record<string, unknown>) => form({ measure, description: 'Provide the data.', electronicEvidence: { provider: { name: 'Example Mail Ltd' }, ...ev } });
const TODAY = '2026-01-15';

interface Scenario {
  name: string;
  content: DraftContent;
  requestingState?: string;
  facts: DirectoryFacts | null;
}

function scenarios(): Scenario[] {
  const many = completeDraft();
  many.language = 'fr';
  many.channel = 'email';
  many.purpose += ' The FIU report is attached.';
  many.dualCriminality.statement = '';
  many.assistance.push(
    e('e-evidence-subscriber', { identifiers: [{ type: 'ip-address', value: '203.0.113.7' }] }),
    e('e-evidence-traffic', { identifiers: [{ type: 'email', value: 'a@example.org' }], dateRange: { from: '2024-03-31T00:00', to: '2024-03-01T00:00', timeZone: 'UTC' } }),
    e('e-evidence-content', { identifiers: [{ type: 'email', value: '' }] }),
    e('e-evidence-content', { identifiers: [] }),
    form({ measure: 'freezing', description: 'Freeze.' }),
    form({ measure: 'freezing', description: 'Freeze.', property: [{ description: '', location: '' }] }),
    form({ measure: 'confiscation', description: 'Confiscate.', property: [{ description: 'Flat', location: 'Shanghai' }] }),
    form({ measure: 'confiscation', description: 'Enforce.', property: [{ description: 'Flat', location: 'Shanghai' }], order: { basis: 'enforce-existing-order' } }),
    form({ measure: 'search-and-seizure', description: 'Search.' }),
  );
  const facts = chinaFacts(
    { 'bank-records': { dualCriminality: 'coercive-only', languages: ['zh'], available: 'no', alternatives: 'Ask the central bank.' }, freezing: { available: 'no' }, 'search-and-seizure': null },
    { legalBasis: { convention: false, code: 'not-both-parties', explanation: 'GBR is not a party.' } },
  );
  const unknowns = completeDraft();
  unknowns.assistance.push(form({ measure: 'search-and-seizure', description: 'Search.', places: 'Flat 3', itemsSought: 'Phones' }));
  unknowns.dualCriminality.statement = '';
  return [
    { name: 'an empty draft', content: emptyDraftContent(), facts: null },
    { name: 'a draft addressed to its own State', content: draftContentSchema.parse({ ...completeDraft(), requested: { state: 'GBR' } }), facts: null },
    { name: 'a draft with many problems', content: many, facts },
    { name: 'a directory that knows little', content: unknowns, facts: chinaFacts({ 'bank-records': { dualCriminality: 'coercive-only' }, 'search-and-seizure': null }, { languages: null, channels: null, authority: null, legalBasis: { convention: null, code: 'status-unknown', explanation: '?' } }) },
    { name: 'no answer from the directory', content: completeDraft(), facts: { general: null, measures: {} } },
  ];
}

/** Reworded on purpose (the API's "a extradition request"), or built from the UI's own legal-basis texts. */
const REWORDED = new Set(['elements.assistance-kind', 'legal-basis.convention-not-available', 'legal-basis.convention-unknown']);

describe('check texts picked and filled for real findings', () => {
  const runs = scenarios().map((s) => {
    const results = runChecks({ content: s.content, requestingState: s.requestingState ?? 'GBR', today: TODAY, directory: s.facts }) as CheckResult[];
    const report: CheckReport = { ok: false, errors: 0, warnings: 0, results, directory: (s.facts?.general ? { measures: s.facts.measures } : null) as CheckReport['directory'] };
    return { ...s, results, report };
  });

  it('every variant of a text is reached by some finding', () => {
    const used = new Set(runs.flatMap((s) => s.results.map((r) => checkTextKey(r, { content: s.content, report: s.report }))));
    const variants = Object.entries(CHECK_VARIANTS).flatMap(([id, vs]) => [`drafting.checkTexts.${id}`, ...vs.map((v) => `drafting.checkTexts.${id}.variants.${v}`)]);
    expect(variants.filter((k) => !used.has(k))).toEqual([]);
  });

  for (const s of scenarios()) {
    it(`${s.name}: the English texts say what the API says`, () => {
      const run = runs.find((x) => x.name === s.name)!;
      expect(run.results.length).toBeGreaterThan(0);
      for (const r of run.results) {
        const x = render(r, 'en', run.content, run.report);
        expect(x.translated, r.id).toBe(true);
        if (REWORDED.has(r.id)) continue;
        expect({ id: r.id, message: x.message, fix: x.fix }).toEqual({ id: r.id, message: r.message, fix: r.fix });
      }
    });
  }

  it('in every language each finding is translated and fully filled in', () => {
    for (const run of runs) {
      for (const r of run.results) {
        for (const lang of LANGS) {
          const x = render(r, lang, run.content, run.report);
          expect(x.translated, `${lang} ${r.id}`).toBe(true);
          expect(`${x.message} ${x.fix}`, `${lang} ${r.id}`).not.toMatch(/\{\{|drafting\.checkTexts/);
        }
      }
    }
  });

  it('the legal-basis findings explain with the directory’s reason in the reader’s language', () => {
    const run = runs.find((x) => x.name === 'a draft with many problems')!;
    const r = run.results.find((x) => x.id === 'legal-basis.convention-not-available')!;
    expect(render(r, 'fr', run.content, run.report).message).toContain(i18n.getFixedT('fr')('drafting.route.basisCode.not-both-parties'));
    const u = runs.find((x) => x.name === 'a directory that knows little')!;
    const ru = u.results.find((x) => x.id === 'legal-basis.convention-unknown')!;
    expect(render(ru, 'zh', u.content, u.report).message).toContain(i18n.getFixedT('zh')('drafting.route.basisCode.status-unknown'));
  });

  it('an id without texts falls back to the API’s English, marked as such', () => {
    const r: CheckResult = { id: 'elements.something-new', family: 'elements', severity: 'error', path: '$.purpose', step: 'facts', message: 'New.', fix: 'Fix it.' };
    expect(render(r, 'fr', emptyDraftContent(), { ok: false, errors: 1, warnings: 0, results: [r], directory: null })).toEqual({ translated: false, message: 'New.', fix: 'Fix it.' });
  });
});
