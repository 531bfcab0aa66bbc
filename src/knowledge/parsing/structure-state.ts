/**
 * The state of the one-pass structure builder: the blocks built so far (the future `Structure`) and what is
 * open at the current line (region, chapter, section, annex, paragraph, agenda item, documents list, heading),
 * with the numbering expected next; and the small operations on it that every stage of the pass uses.
 */
import type { Preprocessed, SourceLine } from './clean.ts';
import { newText, type AgendaItemB, type AgendaSubB, type AnnexB, type ChapterB, type DocListB, type DocRowB, type ListB, type ParaB, type SectionB, type Structure, type SubB, type TextB } from './structure-blocks.ts';
import { endsSentence } from './text.ts';
import type { UnLang } from './types.ts';

export interface BuildState extends Structure {
  pre: Preprocessed;
  lang: UnLang;
  usedIds: Set<string>;
  region: 'front' | 'agenda' | 'body';
  annotations: boolean;
  chapter: ChapterB | null;
  section: SectionB | null;
  annex: AnnexB | null;
  annexTitleOpen: boolean;
  para: ParaB | null;
  sub: SubB | null;
  listItem: ListB | null;
  textBlock: TextB | null;
  docList: DocListB | null;
  docRow: DocRowB | null;
  item: AgendaItemB | null;
  itemSub: AgendaSubB | null;
  /** An open heading that may go on over the next line; `expect` is its known title (agenda items), compacted. */
  heading: { t: TextB; last: SourceLine; expect?: string; acc?: string } | null;
  expectedPara: number;
  chapterSeq: number;
  sectionSeq: number;
  lastWasHeading: boolean;
}

export function newState(pre: Preprocessed): BuildState {
  return {
    pre,
    lang: pre.lang,
    front: [],
    frontIdx: [],
    preamble: [],
    chapters: [],
    looseSections: [],
    paragraphs: [],
    annexes: [],
    docLists: [],
    agendaItems: [],
    isAgenda: false,
    warnings: [],
    usedIds: new Set<string>(),
    region: 'front',
    annotations: false,
    chapter: null,
    section: null,
    annex: null,
    annexTitleOpen: false,
    para: null,
    sub: null,
    listItem: null,
    textBlock: null,
    docList: null,
    docRow: null,
    item: null,
    itemSub: null,
    heading: null,
    expectedPara: 1,
    chapterSeq: 0,
    sectionSeq: 0,
    lastWasHeading: false,
  };
}

/** The blocks built, without the builder's working state. */
export function result(st: BuildState): Structure {
  const { front, frontIdx, preamble, chapters, looseSections, paragraphs, annexes, docLists, agendaItems, isAgenda, warnings } = st;
  return { front, frontIdx, preamble, chapters, looseSections, paragraphs, annexes, docLists, agendaItems, isAgenda, warnings };
}

export function uniqueId(st: BuildState, id: string): string {
  let u = id;
  for (let n = 2; st.usedIds.has(u); n++) u = `${id}_${n}`;
  st.usedIds.add(u);
  return u;
}

/** Id prefix of the blocks of the open annex. */
export const prefix = (st: BuildState): string => (st.annex ? `${st.annex.id}__` : '');

export function closePara(st: BuildState): void {
  st.para = null;
  st.sub = null;
  st.listItem = null;
}

export function closeText(st: BuildState): void {
  st.textBlock = null;
  st.docList = null;
  st.docRow = null;
}

export function closeAll(st: BuildState): void {
  closePara(st);
  closeText(st);
}

/** Where unnumbered text goes: the open agenda item's annotation, section, chapter, annex, or the preamble. */
export function textTarget(st: BuildState): TextB[] {
  if (st.annotations && st.itemSub) return st.itemSub.annotation;
  if (st.annotations && st.item) return st.item.annotation;
  if (st.section) return st.section.blocks;
  if (st.chapter) return st.chapter.blocks;
  if (st.annex) return st.annex.blocks;
  return st.preamble;
}

export function startPara(st: BuildState, num: number, text: string, k: number): void {
  closeAll(st);
  const p: ParaB = {
    id: uniqueId(st, `${prefix(st)}para_${num}`),
    number: num,
    intro: newText(text, k),
    subs: [],
    list: [],
    chapter: st.chapter,
    section: st.section,
    annex: st.annex,
    agendaItem: st.annotations && st.item ? st.item.number : null,
    start: k,
    end: k,
  };
  st.paragraphs.push(p);
  (st.section ?? st.chapter ?? st.annex)?.paragraphs.push(p);
  if (st.annotations && st.item) (st.itemSub ?? st.item).paragraphs.push(p);
  st.para = p;
  st.expectedPara = num + 1;
}

/** The previous line closed something: no line, the end of a sentence, a heading, or a colon. */
export function lastWasHeadingOrEnd(st: BuildState, prev: SourceLine | undefined): boolean {
  return !prev || endsSentence(prev.text) || st.lastWasHeading || /[:：]$/.test(prev.text);
}
