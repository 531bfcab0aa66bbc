import { AlignmentType, OnOffElement, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type Document, type IRunOptions } from 'docx';
import { RTL_LANGUAGES, type Language } from '../i18n/languages.ts';
import { directionOf, ISOLATE, languageOf, latinTag, TAG } from './runs.ts';

/**
 * How a document in each UN language is set: fonts in all four slots (ASCII, high ANSI, East Asian,
 * complex script), language tags, and right-to-left for Arabic (bidi paragraphs, rtl runs, tables laid
 * out right to left, an rtl section). Every run carries its fonts and language itself, so that Word and
 * LibreOffice pick Chinese and Arabic glyphs and shaping even without our styles.
 */
export interface LanguageSetting {
  lang: Language;
  rtl: boolean;
  font: { ascii: string; hAnsi: string; eastAsia: string; cs: string };
  tags: { value: string; eastAsia: string; bidirectional: string };
}

const LATIN = 'Times New Roman';
const CHINESE = 'SimSun';
const ARABIC = 'Simplified Arabic';

export function settingFor(lang: Language): LanguageSetting {
  return {
    lang,
    rtl: RTL_LANGUAGES.has(lang),
    font: { ascii: LATIN, hAnsi: LATIN, eastAsia: CHINESE, cs: lang === 'ar' ? ARABIC : LATIN },
    tags: { value: TAG[lang], eastAsia: TAG.zh, bidirectional: TAG.ar },
  };
}

/** Whose words a value is: the drafter's (tagged in the language they declared) or our translated labels. */
export type Source = 'drafter' | 'labels';

/**
 * A value we compose from our words and the drafter's ("Deadline: 2026-03-14", "from … to …"): strings
 * are ours, laid out in the document's direction; `{ value }` items are the drafter's, each isolated as
 * in Writer.value. One run for the whole would let an Arabic label turn the date into 14-03-2026.
 */
export type Mixed = Array<string | { value: string }>;
export const v = (value: string) => ({ value });

/**
 * Builds paragraphs and tables in one language's setting. Every paragraph takes the document's direction
 * (an Arabic request is laid out right to left throughout, as its reader expects); inside it, labels are
 * runs in the document's direction and each value is a run of its own with the direction and language of
 * its own text, wrapped in directional isolates when that direction is not the paragraph's.
 */
export class Writer {
  readonly children: Array<Paragraph | Table> = [];
  /** `declared`: the language the drafter says the request is written in (DraftContent.language). */
  constructor(
    readonly s: LanguageSetting,
    readonly declared: Language | null = null,
  ) {}

  private textRun(text: string, rtl: boolean, latin: string, opts: Partial<IRunOptions>): TextRun {
    return new TextRun({
      text,
      font: this.s.font,
      language: { ...this.s.tags, value: languageOf(text, latin) },
      rightToLeft: rtl,
      ...(opts.bold && { boldComplexScript: true }),
      ...(opts.size && { sizeComplexScript: opts.size }),
      ...opts,
    });
  }

  /**
   * Our own words (titles, headings, labels), in the document's language. In a right-to-left document a
   * run is marked rtl when it holds right-to-left script; a reference number stays a left-to-right run.
   */
  run(text: string, opts: Partial<IRunOptions> = {}): TextRun {
    return this.textRun(text, this.s.rtl && directionOf(text) === 'rtl', latinTag(this.s.lang), opts);
  }

  /**
   * A value: one run, exactly the text given, rtl from its own first strong character (none, as in an
   * account number, a phone or a date: left to right). When that direction is not the paragraph's, the
   * run sits between an isolate-opening and an isolate-closing run (LRI/RLI … PDI): Word also reads w:rtl,
   * but LibreOffice, PDF converters and copy-paste follow only the Unicode bidi algorithm, which without
   * the isolates reads "6217 0000 1234 5678" in an Arabic line as four numbers in a right-to-left row.
   * The marks are in runs of their own so that the drafter's run holds nothing but what they typed.
   */
  value(text: string, from: Source = 'drafter', opts: Partial<IRunOptions> = {}): TextRun[] {
    const dir = directionOf(text) ?? 'ltr';
    const latin = from === 'drafter' ? latinTag(this.declared, this.s.lang) : latinTag(this.s.lang);
    const run = this.textRun(text, dir === 'rtl', latin, opts);
    if ((dir === 'rtl') === this.s.rtl) return [run];
    const mark = (ch: string) => this.textRun(ch, dir === 'rtl', latin, opts);
    return [mark(ISOLATE[dir]), run, mark(ISOLATE.end)];
  }

  /** The runs of a composed value. */
  mixed(parts: Mixed, opts: Partial<IRunOptions> = {}): TextRun[] {
    return parts.flatMap((p) => (typeof p === 'string' ? (p === '' ? [] : [this.run(p, opts)]) : this.value(p.value, 'drafter', opts)));
  }

  private valueRuns(value: string | Mixed, from: Source): TextRun[] {
    return typeof value === 'string' ? (value === '' ? [] : this.value(value, from)) : this.mixed(value);
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
  /** A heading; `own` is the drafter's part of it (an offence's or a person's name), `suffix` ours again. */
  heading(text: string, level: 1 | 2 = 1, own?: string, suffix?: string) {
    const opts = { bold: true, size: level === 1 ? 26 : 23 };
    const runs = [this.run(text, opts), ...(own ? this.value(own, 'drafter', opts) : []), ...(suffix ? [this.run(suffix, opts)] : [])];
    this.children.push(this.paragraph(runs, { heading: level }));
  }
  note(text: string) {
    this.children.push(this.paragraph([this.run(text, { italics: true, color: '9C0006' })], { center: true }));
  }

  /** "Label: value" on one line, skipped when there is no value. */
  field(label: string | Mixed, value: string | Mixed | null | undefined, from: Source = 'drafter') {
    if (value === null || value === undefined || value.length === 0) return;
    const bold = { bold: true };
    const key = typeof label === 'string' ? [this.run(`${label}: `, bold)] : [...this.mixed(label, bold), this.run(': ', bold)];
    this.children.push(this.paragraph([...key, ...this.valueRuns(value, from)], { spacingAfter: 60 }));
  }

  /** The user's own words: one paragraph per line, each line one run, exactly as written. */
  freeText(text: string, label?: string) {
    if (text.trim() === '') return;
    if (label) this.children.push(this.paragraph([this.run(label, { bold: true })], { spacingAfter: 40 }));
    for (const line of text.replace(/\r\n?/g, '\n').split('\n')) this.children.push(this.paragraph(line === '' ? [] : this.value(line)));
  }

  /** Label and value rows; a row's third element says whose words the value is (the drafter's unless said). */
  table(rows: ReadonlyArray<readonly [string | Mixed, string | Mixed] | readonly [string | Mixed, string | Mixed, Source]>) {
    const cell = (runs: TextRun[], label: boolean) =>
      new TableCell({ children: [this.paragraph(runs)], width: { size: label ? 35 : 65, type: WidthType.PERCENTAGE } });
    this.children.push(
      new Table({
        visuallyRightToLeft: this.s.rtl,
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map(([k, val, from]) => new TableRow({ children: [cell(typeof k === 'string' ? [this.run(k, { bold: true })] : this.mixed(k, { bold: true }), true), cell(this.valueRuns(val, from ?? 'drafter'), false)] })),
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
