import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../platform/i18n/languages.ts';
import { FREE_TEXT, completeDraft, documentXml, runTexts } from '../test-fixtures.ts';
import { LABELS } from './labels/index.ts';
import { renderRequestDocx, type DocumentMeta } from './request.ts';
import { renderSummaryDocx } from './summary.ts';

const META: DocumentMeta = { reference: 'GBR-2026-0001', requestingState: 'GBR', status: 'draft', date: '2026-01-15', version: 3, stateNames: { GBR: 'United Kingdom', CHN: 'China' } };
const REPORT = { ok: true, errors: 0, warnings: 2, results: [], directory: null };

const TAGS: Record<Language, string> = { ar: 'ar-SA', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };

describe('the request as DOCX, in the six UN languages', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: translated headings, fonts and language tags, ${lang === 'ar' ? 'right-to-left' : 'left-to-right'}, free text unchanged`, async () => {
      const L = LABELS[lang];
      const buf = await renderRequestDocx(completeDraft(), META, lang);
      expect(buf.subarray(0, 2).toString()).toBe('PK');
      const xml = await documentXml(buf);
      const texts = runTexts(xml);
      const all = texts.join('\n');

      for (const heading of [L.docTitle.mla, L.draftMark]) expect(texts).toContain(heading);
      for (const h of [L.headings.requesting, L.headings.legalBasis, L.headings.proceedings, L.headings.offences, L.headings.facts, L.headings.persons, L.headings.assistance, L.headings.purpose, L.headings.confidentiality, L.headings.abbreviations, L.headings.attachments]) {
        expect(all).toContain(h);
      }
      expect(all).toContain(L.measures['bank-records']);
      expect(texts).toContain(L.legalBasis.convention);

      // The drafter's words, line by line, exactly (ampersand, angle brackets, quotes, leading spaces, CJK and Arabic).
      for (const line of FREE_TEXT.facts.split('\n')) expect(texts).toContain(line);
      expect(texts).toContain(FREE_TEXT.purpose);
      expect(xml).toContain('xml:space="preserve">  Indented line');

      expect(xml).toContain('w:eastAsia="SimSun"');
      expect(xml).toMatch(/<w:rFonts [^>]*w:cs="[^"]+"/);
      expect(xml).toContain(`w:val="${TAGS[lang]}"`);
      expect(xml).toContain('w:eastAsia="zh-CN"');
      expect(xml).toContain('w:bidi="ar-SA"');

      const sectPr = /<w:sectPr>.*<\/w:sectPr>/s.exec(xml)![0];
      if (lang === 'ar') {
        expect(xml).toContain('w:cs="Simplified Arabic"');
        expect(xml).toMatch(/<w:pPr>(<w:pStyle [^>]*\/>)?<w:bidi\/>/);
        expect(xml).toContain('<w:rtl/>');
        expect(xml).toContain('<w:bidiVisual/>');
        expect(sectPr).toMatch(/<w:bidi\/><w:docGrid/);
        const rPrOf = (text: string) => new RegExp(`<w:rPr>((?:(?!</w:rPr>).)*)</w:rPr><w:t[^>]*>[^<]*${text}</w:t>`).exec(xml)![1]!;
        expect(rPrOf(L.headings.facts.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).toContain('<w:rtl/>');
        expect(rPrOf('GBR-2026-0001')).not.toContain('<w:rtl/>'); // a reference stays a left-to-right run
        // Every paragraph is right-to-left, not just some.
        expect(xml.match(/<w:p>|<w:p /g)!.length).toBe(xml.match(/<w:bidi\/>/g)!.length - 1);
      } else {
        expect(xml).not.toContain('<w:bidi/>');
        expect(xml).not.toContain('<w:rtl/>');
        expect(xml).not.toContain('<w:bidiVisual/>');
      }
    });
  }

  it('a finalised request carries no draft mark', async () => {
    const texts = runTexts(await documentXml(await renderRequestDocx(completeDraft(), { ...META, status: 'finalised' }, 'en')));
    expect(texts).not.toContain(LABELS.en.draftMark);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: the one-page summary sheet`, async () => {
      const L = LABELS[lang];
      const xml = await documentXml(await renderSummaryDocx(completeDraft(), META, lang, REPORT));
      const texts = runTexts(xml);
      expect(texts).toContain(`${L.summaryTitle} — GBR-2026-0001`);
      expect(texts).toContain(L.fields.formsOfAssistance);
      expect(texts).toContain(L.measures['bank-records']);
      expect(texts).toContain(`${L.fields.errors}: 0 — ${L.fields.warnings}: 2`);
      expect(xml.includes('<w:bidiVisual/>')).toBe(lang === 'ar');
      expect(xml).toContain('w:eastAsia="SimSun"');
    });
  }
});

describe('labels', () => {
  const leaves = (o: unknown, path = ''): Array<[string, string]> =>
    typeof o === 'string' ? [[path, o]] : Object.entries(o as object).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  const english = new Map(leaves(LABELS.en));

  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${lang}: every label exists and is translated, not copied from English`, () => {
      const mine = new Map(leaves(LABELS[lang]));
      expect([...mine.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [k, v] of mine) expect(v.trim(), k).not.toBe('');
      // Some words are the same (URL, INTERPOL; in French Date, Article, Extradition …); a copied file is not.
      const same = [...mine].filter(([k, v]) => english.get(k) === v).map(([k]) => k);
      expect(same.length / mine.size, same.join(', ')).toBeLessThan(0.1);
    });
  }
});
