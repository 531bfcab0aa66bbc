import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../platform/i18n/languages.ts';
import { completeDraft, documentXml } from '../test-fixtures.ts';
import { BIDI, bidiDraft } from './bidi-fixture.ts';
import { LABELS } from './labels/index.ts';
import { renderRequestDocx, type DocumentMeta } from './request.ts';
import { directionOf, languageOf, latinTag } from '../../platform/docx/runs.ts';

const META: DocumentMeta = { reference: 'FRA-2026-0007', requestingState: 'FRA', status: 'draft', date: '2026-03-14', version: 1, stateNames: { FRA: 'France', CHN: 'China' } };
const LRI = '\u2066';
const RLI = '\u2067';
const PDI = '\u2069';

interface Run {
  rPr: string;
  text: string;
}

/** Each paragraph's runs (properties and text), in document order. */
function paragraphs(xml: string): Run[][] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((p) =>
    [...(p[1] ?? p[2] ?? '').matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/gs)].map((r) => ({ rPr: r[1] ?? '', text: r[2]! })),
  );
}

/** The run holding exactly `text`, with the runs just before and after it in its paragraph. */
function runOf(xml: string, text: string) {
  for (const runs of paragraphs(xml)) {
    const i = runs.findIndex((r) => r.text === text);
    if (i >= 0) return { run: runs[i]!, before: runs[i - 1]?.text, after: runs[i + 1]?.text };
  }
  throw new Error(`no run holds exactly: ${text}`);
}

const rtl = (r: Run) => r.rPr.includes('<w:rtl/>');
const lang = (r: Run) => /<w:lang w:val="([^"]+)" w:eastAsia="zh-CN" w:bidi="ar-SA"\/>/.exec(r.rPr)?.[1];

describe('DOCX: numbers and Latin text keep their order, each run tagged with its own language', () => {
  for (const doc of LANGUAGES) {
    it(`${doc}: account number, IBAN, phone, address, date and the French sentence are left-to-right runs of their own, tagged French; the Arabic sentence right-to-left, tagged Arabic`, async () => {
      const xml = await documentXml(await renderRequestDocx(bidiDraft(), META, doc));
      const docRtl = doc === 'ar';

      for (const value of [BIDI.account, BIDI.iban, BIDI.phone, BIDI.address, BIDI.date, BIDI.french]) {
        const { run, before, after } = runOf(xml, value); // its own run, exactly as typed
        expect(rtl(run), value).toBe(false);
        // Isolated (LRI … PDI) where the paragraph runs right to left, and only there.
        expect([before === LRI, after === PDI], value).toEqual([docRtl, docRtl]);
        expect(lang(run), value).toBe('fr-FR'); // the drafter declared French, whatever the document's language
      }

      const { run, before, after } = runOf(xml, BIDI.arabic);
      expect(rtl(run)).toBe(true);
      expect(lang(run)).toBe('ar-SA');
      expect([before === RLI, after === PDI]).toEqual([!docRtl, !docRtl]);

      // Isolates are runs of their own: no drafter's run carries a directional mark.
      for (const r of paragraphs(xml).flat()) if (r.text.length > 1) expect(r.text).not.toMatch(/[\u2066-\u2069]/);
    });
  }

  it('ar: the drafter’s words inside our labels and headings (attachment title, abbreviation, offence name) are isolated runs too', async () => {
    const runs = paragraphs(await documentXml(await renderRequestDocx(bidiDraft(), META, 'ar')));
    for (const text of ['Fraud Act 2006, s. 2', 'GBP', 'Fraud by false representation']) {
      const around = runs.flatMap((p) => p.flatMap((r, i) => (r.text === text ? [[p[i - 1]?.text, p[i + 1]?.text]] : [])));
      expect(around.length, text).toBeGreaterThan(0);
      for (const a of around) expect(a, text).toEqual([LRI, PDI]);
    }
  });

  it('Latin text with no declared language is tagged with the document language if that is Latin-script, else English', async () => {
    const draft = { ...completeDraft(), language: null };
    const line = 'On 12 March 2024 the suspect, Li Wei, transferred GBP 250,000 from an account in London to account No. 6222 0000 1234 held at Bank of Example (Shanghai branch).';
    const expected: Record<Language, string> = { ar: 'en-GB', zh: 'en-GB', en: 'en-GB', fr: 'fr-FR', ru: 'en-GB', es: 'es-ES' };
    for (const doc of LANGUAGES) expect(lang(runOf(await documentXml(await renderRequestDocx(draft, META, doc)), line).run), doc).toBe(expected[doc]);
  });

  it('a Chinese document tags its own Chinese labels zh-CN and the drafter’s Latin names with the declared language', async () => {
    const xml = await documentXml(await renderRequestDocx(bidiDraft(), META, 'zh'));
    expect(lang(runOf(xml, 'Bank of Example, Shanghai branch').run)).toBe('fr-FR');
    const label = paragraphs(xml).flat().find((r) => r.text === `${LABELS.zh.fields.institution}: `)!;
    expect(lang(label)).toBe('zh-CN');
  });
});

describe('direction and language from the text', () => {
  it('the first strong character decides the direction; numbers alone have none', () => {
    expect(directionOf(BIDI.account)).toBeNull();
    expect(directionOf(BIDI.phone)).toBeNull();
    expect(directionOf(BIDI.date)).toBeNull();
    expect(directionOf(BIDI.address)).toBe('ltr');
    expect(directionOf(BIDI.arabic)).toBe('rtl');
    expect(directionOf('12 שלום')).toBe('rtl');
    expect(directionOf('李伟 — لي وي')).toBe('ltr');
  });

  it('the Latin or Cyrillic letters set the language, then Chinese or Arabic ones; numbers take the Latin tag', () => {
    expect(languageOf('Le compte', 'fr-FR')).toBe('fr-FR');
    expect(languageOf('李伟 Li Wei', 'fr-FR')).toBe('fr-FR');
    expect(languageOf('Договор', 'fr-FR')).toBe('ru-RU');
    expect(languageOf('李伟', 'fr-FR')).toBe('zh-CN');
    expect(languageOf(BIDI.arabic, 'fr-FR')).toBe('ar-SA');
    expect(languageOf(BIDI.account, 'es-ES')).toBe('es-ES');
    expect(latinTag('zh', 'ru')).toBe('en-GB');
    expect(latinTag(null, 'fr')).toBe('fr-FR');
  });
});
