/**
 * The structure of a UN Conference of the Parties (UNTOC) or working-group document, as parsed from the plain
 * text of its PDF by `parseUnDocument`. Ids follow Akoma Ntoso habits: `chp_2`, `chp_2__sec_a`, `para_12`,
 * `para_12__subpara_a`, `annex_1`, `annex_1__para_3`, `item_5__sub_a`, `fn_1`, `rec__para_6`. A sub-paragraph
 * letter in an id is always a lowercase latin letter, whatever the script of the label ("(ب)", "б)" → `b`), so
 * that the same id names the same provision in the six language versions of a document.
 */

export type UnLang = 'zh' | 'en' | 'fr' | 'es' | 'ru' | 'ar';
export const UN_LANGS: readonly UnLang[] = ['zh', 'en', 'fr', 'es', 'ru', 'ar'];

export type Addressee = 'states' | 'secretariat' | 'conference' | 'working-group' | 'other';

export type DocumentType = 'report' | 'agenda' | 'background-paper' | 'note' | 'other';

export type BodyKey =
  | 'conference'
  | 'technical-assistance'
  | 'international-cooperation'
  | 'trafficking-in-persons'
  | 'smuggling-of-migrants'
  | 'firearms'
  | 'other-working-group';

export interface IssuingBody {
  /** "COP", "WG.2", "WG.3" … (from the symbol when there is one). */
  code: string | null;
  key: BodyKey;
  /** English name of the body. */
  name: string;
}

export interface Meeting {
  /** ISO date of the first day. */
  start: string | null;
  /** ISO date of the last day (same as start for a one-day meeting). */
  end: string | null;
  /** Place as written in the document's language, in the nominative where we know it ("Vienna", "维也纳", "Вена"). */
  place: string | null;
  /** The same place in English when known ("Vienna"). */
  placeEn: string | null;
  /** The text the dates were read from. */
  text: string;
}

export interface Session {
  number: number;
  /** "meeting" for a working-group meeting (第九次会议, ninth meeting), "session" for a COP session (第八届会议). */
  kind: 'meeting' | 'session';
  /** As written ("第九次会议", "ninth meeting"). */
  text: string;
}

export interface Section {
  id: string;
  /** Latin capital letter ("A"), whatever the script of the label ("ألف", "В"). */
  letter: string;
  /** As written ("A.", "ألف-", "В."). */
  label: string;
  title: string;
  /** Ids of the numbered paragraphs under this section. */
  paragraphIds: string[];
  /** Unnumbered text blocks under the heading (agenda annotations, notes). */
  blocks: string[];
}

export interface Chapter {
  id: string;
  number: number;
  /** As written ("一.", "II.", "ثانياً-"). */
  label: string;
  title: string;
  /** Set when the chapter is inside an annex. */
  annexId: string | null;
  sections: Section[];
  /** Ids of the numbered paragraphs directly under the chapter (not in a section). */
  paragraphIds: string[];
  blocks: string[];
}

export interface Subparagraph {
  /** `para_12__subpara_a`. */
  id: string;
  /** Lowercase latin letter. */
  letter: string;
  /** As written ("(a)", "（a）", "(أ)", "а)"). */
  label: string;
  text: string;
}

/** A line of a numbered list embedded in a paragraph (e.g. the agenda adopted, quoted in a report). */
export interface ListItem {
  number: string;
  text: string;
  subItems: { letter: string; label: string; text: string }[];
}

export interface FootnoteRef {
  /** The footnote's id (`fn_1`). */
  footnoteId: string;
  /** Where the marker was: a paragraph, sub-paragraph, heading, agenda item … id, or "title". */
  elementId: string;
  /** Offset of the (removed) marker in that element's text. */
  offset: number;
}

export interface Paragraph {
  /** `para_12`, or `annex_1__para_3` for a paragraph of an annex. */
  id: string;
  number: number;
  /**
   * Full text, joined across broken lines, footnote markers removed. Sub-paragraphs (and embedded lists) follow
   * the introductory text, one per line, each with its label.
   */
  text: string;
  /** The text before the first sub-paragraph (the whole text when there is none). */
  intro: string;
  subparagraphs: Subparagraph[];
  list: ListItem[];
  chapterId: string | null;
  sectionId: string | null;
  annexId: string | null;
  /** Agenda item number whose annotation this paragraph is part of (agendas only). */
  agendaItem: string | null;
  footnoteRefs: FootnoteRef[];
}

export interface Footnote {
  /** `fn_1`, `fn_star`, `fn_star2` … */
  id: string;
  /** As printed: "1", "*", "**". */
  label: string;
  number: number | null;
  text: string;
  /** Where it is referenced (may be empty when the marker could not be found). */
  refs: FootnoteRef[];
}

export interface DocumentListItem {
  /** The first symbol of the entry (null for e.g. conference room papers without symbol). */
  symbol: string | null;
  symbols: string[];
  title: string;
  /** Agenda item of the entry, normalized ("1(b)", "2"), when the list gives one. */
  agendaItem: string | null;
}

export interface DocumentList {
  id: string;
  /** Where the list is: under "Documentation" of an agenda item, in an annex table, or as sub-paragraphs of a paragraph. */
  source: 'annotation' | 'annex' | 'paragraph';
  heading: string | null;
  /** Agenda item the list belongs to (annotations). */
  agendaItem: string | null;
  annexId: string | null;
  paragraphId: string | null;
  items: DocumentListItem[];
}

export interface AgendaSubItem {
  id: string;
  letter: string;
  label: string;
  title: string;
  /** Unnumbered annotation text blocks under the sub-item. */
  annotation: string[];
  paragraphIds: string[];
}

export interface AgendaItem {
  /** `item_5`. */
  id: string;
  number: string;
  title: string;
  subItems: AgendaSubItem[];
  /** Unnumbered annotation text blocks directly under the item. */
  annotation: string[];
  /** Numbered paragraphs of the annotation under this item (and its sub-items). */
  paragraphIds: string[];
  documents: DocumentListItem[];
  /** The agenda list itself ("provisional") or an agenda quoted in a report ("adopted"). */
  source: 'provisional' | 'adopted';
}

export interface Annex {
  /** `annex_1`. */
  id: string;
  /** As written ("附件", "Annex II", "المرفق الأول"). */
  label: string;
  number: number;
  title: string;
  /** Text of the annex after its title (one block per line). */
  content: string;
  blocks: string[];
  paragraphIds: string[];
}

export interface Recommendation {
  /** `rec__para_6`, `rec__para_12__subpara_a`. */
  id: string;
  /** 1-based order in the document. */
  number: number;
  /** The paragraph or sub-paragraph id the recommendation is (`para_6`, `para_12__subpara_a`). */
  paragraph: string;
  paragraphNumber: number;
  subparagraph: string | null;
  text: string;
  /** For a sub-paragraph, the introductory text of its paragraph ("The Working Group recommended that:"). */
  intro: string | null;
  addressees: Addressee[];
  /** Heading of the section it is under, with its label ("A. …"), or null. */
  section: string | null;
  sectionId: string | null;
  chapterId: string | null;
}

export interface ParsedDocument {
  lang: UnLang;
  /** The document's own symbol(s) (page 1 symbol block, page headers). */
  symbols: string[];
  /** Other documents' symbols cited in the text, in order of first appearance. */
  citedSymbols: string[];
  type: DocumentType;
  title: string | null;
  subtitle: string | null;
  /** ISO date: the document's date when printed, else the first day of the meeting. */
  date: string | null;
  /** ISO date printed under "Distr." on page 1. */
  documentDate: string | null;
  distribution: 'general' | 'limited' | 'restricted' | null;
  originalLanguage: UnLang | null;
  meeting: Meeting | null;
  session: Session | null;
  body: IssuingBody | null;
  /** "Item 2 of the provisional agenda" line of background papers, as written. */
  agendaItemReference: string | null;
  chapters: Chapter[];
  /** Sections outside any chapter (documents without chapters). */
  sections: Section[];
  paragraphs: Paragraph[];
  footnotes: Footnote[];
  annexes: Annex[];
  documentLists: DocumentList[];
  agendaItems: AgendaItem[];
  recommendations: Recommendation[];
  /** Unnumbered text before the first heading or paragraph that is not title matter. */
  preamble: string[];
  /** Things the parser noticed and could not settle (gaps in numbering, unmatched footnote markers …). */
  warnings: string[];
}

export interface ParseOptions {
  lang?: UnLang;
}

/** One stored text record (see `toTextUnits`). */
export interface TextUnit {
  /** Stable within the document: `para_6`, `para_12__subpara_a`, `rec__para_6`, `fn_1`, `item_2`, `annex_1` … */
  id: string;
  kind: 'title' | 'paragraph' | 'subparagraph' | 'recommendation' | 'footnote' | 'agenda-item' | 'annotation' | 'annex';
  text: string;
  /** The paragraph (or sub-paragraph) id the unit belongs to / is. */
  paragraphId: string | null;
  chapterId: string | null;
  sectionId: string | null;
  annexId: string | null;
  addressees?: Addressee[];
  /** For a recommendation that is a sub-paragraph: the introductory text of its paragraph. */
  context?: string;
}
