/**
 * The block tree the structure pass builds (chapters, sections, paragraphs and their sub-paragraphs, annexes,
 * agenda items, documents lists), each block keeping its source lines and line range; `parse.ts` turns it into
 * the public `ParsedDocument`.
 */
import type { SourceLine } from './clean.ts';

export interface TextB {
  lines: string[];
  start: number;
  end: number;
}

export interface SubB extends TextB {
  letter: string;
  label: string;
}

export interface ListB extends TextB {
  number: string;
  subs: SubB[];
}

export interface ParaB {
  id: string;
  number: number;
  intro: TextB;
  subs: SubB[];
  list: ListB[];
  chapter: ChapterB | null;
  section: SectionB | null;
  annex: AnnexB | null;
  agendaItem: string | null;
  start: number;
  end: number;
}

export interface SectionB {
  id: string;
  letter: string;
  label: string;
  title: TextB;
  paragraphs: ParaB[];
  blocks: TextB[];
}

export interface ChapterB {
  id: string;
  number: number;
  label: string;
  title: TextB;
  annex: AnnexB | null;
  sections: SectionB[];
  paragraphs: ParaB[];
  blocks: TextB[];
}

export interface DocRowB extends TextB {
  /** Annex table rows: the raw first line begins with the symbol. */
  table: boolean;
}

export interface DocListB {
  id: string;
  source: 'annotation' | 'annex';
  heading: string | null;
  agendaItem: string | null;
  annex: AnnexB | null;
  rows: DocRowB[];
}

export interface AgendaSubB {
  id: string;
  letter: string;
  label: string;
  title: TextB;
  annotation: TextB[];
  paragraphs: ParaB[];
}

export interface AgendaItemB {
  id: string;
  number: string;
  title: TextB;
  subs: AgendaSubB[];
  annotation: TextB[];
  paragraphs: ParaB[];
  docLists: DocListB[];
}

export interface AnnexB {
  id: string;
  label: string;
  number: number;
  title: TextB;
  blocks: TextB[];
  paragraphs: ParaB[];
  start: number;
}

export interface Structure {
  front: SourceLine[];
  frontIdx: number[];
  preamble: TextB[];
  chapters: ChapterB[];
  /** Sections of a document without chapters. */
  looseSections: SectionB[];
  paragraphs: ParaB[];
  annexes: AnnexB[];
  docLists: DocListB[];
  agendaItems: AgendaItemB[];
  isAgenda: boolean;
  warnings: string[];
}

export const newText = (line: string, k: number): TextB => ({ lines: line ? [line] : [], start: k, end: k });
export const push = (t: TextB, line: string, k: number) => {
  if (line) t.lines.push(line);
  t.end = k;
};

export function flat(t: TextB): string {
  return t.lines.join(' ');
}
