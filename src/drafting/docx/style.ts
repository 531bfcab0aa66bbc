import { AlignmentType, OnOffElement, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type Document, type IRunOptions } from 'docx';
import { RTL_LANGUAGES, type Language } from '../../platform/i18n/languages.ts';

/**
 * How a document in each UN language is set: fonts in all four slots (ASCII, high ANSI, East Asian,
 * complex script), language tags, and right-to-left for Arabic (bidi paragraphs, rtl runs, tables laid
 * out right to left, an rtl section). Every run carries its fonts and language itself, so that Word and
 * LibreOffice pick Chinese and Arabic glyphs and shaping even without our styles.
 */
export interface LanguageSetting {
  rtl: boolean;
  font: { ascii: string; hAnsi: string; eastAsia: string; cs: string };
  tags: { value: string; eastAsia: string; bidirectional: string };
}

const LATIN = 'Times New Roman';
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const CHINESE = 'SimSun';
const ARABIC = 'Simplified Arabic';
const TAG: Record<Language, string> = { ar: 'ar-SA', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };

export function settingFor(lang: Language): LanguageSetting {
  return {
    rtl: RTL_LANGUAGES.has(lang),
    font: { ascii: LATIN, hAnsi: LATIN, eastAsia: CHINESE, cs: lang === 'ar' ? ARABIC : LATIN },
    tags: { value: TAG[lang], eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  };
}

/** Builds paragraphs and tables in one language's setting. */
export class Writer {
  readonly children: Array<Paragraph | Table> = [];
  constructor(readonly s: LanguageSetting) {}

  /**
   * In a right-to-left document a run is marked rtl when it holds right-to-left script; a reference
   * number, a date or an English name stays a left-to-right run, so it keeps its order and Latin font.
   */
  run(text: string, opts: Partial<IRunOptions> = {}): TextRun {
    return new TextRun({
      text,
      font: this.s.font,
      language: this.s.tags,
      rightToLeft: this.s.rtl && RTL_SCRIPT.test(text),
      ...(opts.bold && { boldComplexScript: true }),
      ...(opts.size && { sizeComplexScript: opts.size }),
      ...opts,
    });
  }

  paragraph(runs: TextRun[], opts: { heading?: 'title' | 1 | 2; center?: boolean; spacingAfter?: number } = {}): Paragraph {
    const heading = opts.heading === 'title' ? 'Title' : opts.heading === 1 ? 'Heading1' : opts.heading === 2 ? 'Heading2' : undefined;
    return new Paragraph({
      bidirectional: this.s.rtl,
      alignment: opts.center ? AlignmentType.CENTER : AlignmentType.START,
      ...(heading && { style: heading }),
      ...(opts.spacingAfter !== undefined && { spacing: { after: opts.spacingAfter } }),
      children: runs,
    });
  }

  title(text: string) {
    this.children.push(this.paragraph([this.run(text, { bold: true, size: 32 })], { heading: 'title', center: true }));
  }
  heading(text: string, level: 1 | 2 = 1) {
    this.children.push(this.paragraph([this.run(text, { bold: true, size: level === 1 ? 26 : 23 })], { heading: level }));
  }
  note(text: string) {
    this.children.push(this.paragraph([this.run(text, { italics: true, color: '9C0006' })], { center: true }));
  }

  /** "Label: value" on one line, skipped when there is no value. */
  field(label: string, value: string | null | undefined) {
    if (value === null || value === undefined || value === '') return;
    this.children.push(this.paragraph([this.run(`${label}: `, { bold: true }), this.run(value)], { spacingAfter: 60 }));
  }

  /** The user's own words: one paragraph per line, each line one run, exactly as written. */
  freeText(text: string, label?: string) {
    if (text.trim() === '') return;
    if (label) this.children.push(this.paragraph([this.run(label, { bold: true })], { spacingAfter: 40 }));
    for (const line of text.replace(/\r\n?/g, '\n').split('\n')) this.children.push(this.paragraph(line === '' ? [] : [this.run(line)]));
  }

  table(rows: Array<[string, string]>) {
    const cell = (text: string, bold: boolean) =>
      new TableCell({ children: [this.paragraph([this.run(text, { bold })])], width: { size: bold ? 35 : 65, type: WidthType.PERCENTAGE } });
    this.children.push(
      new Table({
        visuallyRightToLeft: this.s.rtl,
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v, false)] })),
      }),
    );
    this.children.push(this.paragraph([]));
  }
}

export function documentStyles(s: LanguageSetting) {
  const run = { font: s.font, language: s.tags, size: 24, sizeComplexScript: 24, rightToLeft: s.rtl };
  return {
    default: {
      document: { run, paragraph: { spacing: { after: 120 } } },
      title: { run: { ...run, bold: true, size: 32 }, paragraph: { spacing: { after: 240 } } },
      heading1: { run: { ...run, bold: true, size: 26, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
      heading2: { run: { ...run, bold: true, size: 23, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 } } },
    },
  };
}

/**
 * The docx library has no option for a right-to-left section (<w:bidi/> in w:sectPr, which puts page
 * numbers, columns and the gutter on the right), so it is added to the built section here, before
 * w:docGrid as the schema orders it. The DOCX tests check it is there, so a library upgrade that moves
 * these internals fails loudly rather than silently producing a left-to-right Arabic document.
 */
export function makeSectionsRightToLeft(doc: Document): void {
  const body = (doc as unknown as { documentWrapper: { View: { Body: { sections: Array<{ root: Array<{ rootKey?: string }> }> } } } }).documentWrapper.View.Body;
  for (const section of body.sections) {
    if (section.root.some((c) => c.rootKey === 'w:bidi')) continue;
    const grid = section.root.findIndex((c) => c.rootKey === 'w:docGrid');
    section.root.splice(grid < 0 ? section.root.length : grid, 0, new OnOffElement('w:bidi', true) as unknown as { rootKey?: string });
  }
}
