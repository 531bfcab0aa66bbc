/**
 * Second stage: from content lines to structure. One pass over the lines with the numbering sequences as
 * context (next chapter, next section letter, next paragraph number, next sub-paragraph letter, next agenda
 * item), so that a "1." inside a paragraph (an agenda quoted in a report) is not taken for paragraph 1 and an
 * agenda item heading in the annotations is not taken for a paragraph.
 */
import { looksWrapped, startsNewTextBlock } from './block-breaks.ts';
import type { Preprocessed, SourceLine } from './clean.ts';
import { AGENDA_ITEM_REF, AGENDA_TITLE, isTableHeader } from './lexicon.ts';
import { annexMarker, chapterMarker, hasAnyMarker, keywordHeading, paraMarker, sectionMarker, subMarker, type SubMarker } from './markers.ts';
import { findSymbols } from '../extraction/symbols.ts';
import { compact, endsSentence, fold } from './text.ts';

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

const newText = (line: string, k: number): TextB => ({ lines: line ? [line] : [], start: k, end: k });
const push = (t: TextB, line: string, k: number) => {
  if (line) t.lines.push(line);
  t.end = k;
};

function titleMatches(lineText: string, title: string): boolean {
  const a = compact(lineText.replace(/[*]+/g, ''));
  const b = compact(title);
  if (!a || !b) return false;
  const n = Math.min(a.length, b.length, 14);
  if (n < 2) return false;
  return a.slice(0, n) === b.slice(0, n) && a.length <= b.length * 1.4 + 12;
}

function nextLetter(l: string | undefined): string {
  return l ? String.fromCharCode(l.charCodeAt(0) + 1) : 'a';
}

/** Line ends a documents-list entry: ends with a symbol or a closing parenthesis. */
function endsDocEntry(text: string): boolean {
  const t = text.trim();
  if (/[)）]$/.test(t)) return true;
  const syms = findSymbols(t);
  const last = syms[syms.length - 1];
  return Boolean(last && last.index + last.length >= t.replace(/[.;。；]$/, '').length);
}

export function buildStructure(pre: Preprocessed): Structure {
  const { lang, lines } = pre;
  const warnings: string[] = [];
  const front: SourceLine[] = [];
  const frontIdx: number[] = [];
  const preamble: TextB[] = [];
  const chapters: ChapterB[] = [];
  const paragraphs: ParaB[] = [];
  const annexes: AnnexB[] = [];
  const docLists: DocListB[] = [];
  const agendaItems: AgendaItemB[] = [];
  const looseSections: SectionB[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (id: string) => {
    let u = id;
    for (let n = 2; usedIds.has(u); n++) u = `${id}_${n}`;
    usedIds.add(u);
    return u;
  };

  let region: 'front' | 'agenda' | 'body' = 'front';
  let isAgenda = false;
  let annotations = false;
  let chapter: ChapterB | null = null;
  let section: SectionB | null = null;
  let annex: AnnexB | null = null;
  let annexTitleOpen = false;
  let para: ParaB | null = null;
  let sub: SubB | null = null;
  let listItem: ListB | null = null;
  let textBlock: TextB | null = null;
  let docList: DocListB | null = null;
  let docRow: DocRowB | null = null;
  let item: AgendaItemB | null = null;
  let itemSub: AgendaSubB | null = null;
  /** An open heading that may go on over the next line; `expect` is its known title (agenda items), compacted. */
  let heading: { t: TextB; last: SourceLine; expect?: string; acc?: string } | null = null;
  let expectedPara = 1;
  let chapterSeq = 0;
  let sectionSeq = 0;
  let lastWasHeading = false;
  const prefix = () => (annex ? `${annex.id}__` : '');

  const closePara = () => {
    para = null;
    sub = null;
    listItem = null;
  };
  const closeText = () => {
    textBlock = null;
    docList = null;
    docRow = null;
  };
  const closeAll = () => {
    closePara();
    closeText();
  };
  const textTarget = (): TextB[] => {
    if (annotations && itemSub) return itemSub.annotation;
    if (annotations && item) return item.annotation;
    if (section) return section.blocks;
    if (chapter) return chapter.blocks;
    if (annex) return annex.blocks;
    return preamble;
  };

  const startPara = (num: number, text: string, k: number) => {
    closeAll();
    const p: ParaB = {
      id: uniqueId(`${prefix()}para_${num}`),
      number: num,
      intro: newText(text, k),
      subs: [],
      list: [],
      chapter,
      section,
      annex,
      agendaItem: annotations && item ? item.number : null,
      start: k,
      end: k,
    };
    paragraphs.push(p);
    (section ?? chapter ?? annex)?.paragraphs.push(p);
    if (annotations && item) (itemSub ?? item).paragraphs.push(p);
    para = p;
    expectedPara = num + 1;
  };

  const agendaStart = (t: string): boolean => {
    if (keywordHeading(t) === 'provisional-agenda') return true;
    const pm = paraMarker(t, lang);
    return Boolean(pm && pm.num === 1 && front.some((l) => AGENDA_TITLE.test(fold(l.text)) && !AGENDA_ITEM_REF.test(fold(l.text))));
  };

  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const t = line.text;
    const prevLine = lines[k - 1];

    // A heading going on over the next line.
    if (heading) {
      let cont: boolean;
      if (heading.expect !== undefined) {
        const acc = (heading.acc ?? '') + compact(t);
        cont = !hasAnyMarker(t, lang) && acc.length > (heading.acc ?? '').length && heading.expect.startsWith(acc.slice(0, heading.expect.length));
        if (cont && acc.length > heading.expect.length + 6) cont = false;
        if (cont) heading.acc = acc;
      } else {
        // A continuation line of a heading is not a full line of body text (unless it plainly continues a
        // sentence: lowercase start), and does not end a sentence.
        cont =
          looksWrapped(heading.last, line, pre) &&
          (line.width < pre.fullWidth * 0.8 || /^[a-zà-ÿа-яё]/u.test(t)) &&
          !/[。.!?！？]$/u.test(t) &&
          heading.t.lines.length < 4;
      }
      if (cont) {
        push(heading.t, t, k);
        heading.last = line;
        continue;
      }
      heading = null;
    }

    const am = annexMarker(t, lang);
    if (am && region !== 'front') {
      closeAll();
      region = 'body';
      annotations = false;
      item = null;
      itemSub = null;
      const a: AnnexB = { id: `annex_${annexes.length + 1}`, label: t.replace(/\s*\*+$/, ''), number: am.num ?? annexes.length + 1, title: newText('', k), blocks: [], paragraphs: [], start: k };
      annexes.push(a);
      annex = a;
      annexTitleOpen = true;
      chapter = null;
      section = null;
      expectedPara = 1;
      chapterSeq = 0;
      sectionSeq = 0;
      lastWasHeading = true;
      continue;
    }
    if (annex && annexTitleOpen) {
      const f = fold(t);
      const stop =
        hasAnyMarker(t, lang) || isTableHeader(f) || findSymbols(t)[0]?.index === 0 || annex.title.lines.length >= 3 || endsSentence(t) ||
        (annex.title.lines.length > 0 && pre.blankMeaningful && line.blankBefore);
      if (!stop) {
        push(annex.title, t, k);
        continue;
      }
      annexTitleOpen = false;
    }

    // --- Front matter: up to the first structural line.
    if (region === 'front') {
      if (agendaStart(t)) {
        region = 'agenda';
        isAgenda = true;
        if (keywordHeading(t) === 'provisional-agenda') continue;
      } else {
        const cm = chapterMarker(t, lang);
        const pm = paraMarker(t, lang);
        const sm = sectionMarker(t, lang);
        const kw = keywordHeading(t);
        // The first chapter or paragraph ends the front matter (an extract may start at "II." or "20.").
        const structural = (cm && cm.num <= 10) || (pm && pm.num <= 3) || (pm && front.length > 0 && pm.text.length > 0 && !AGENDA_TITLE.test(fold(t))) || (sm && sm.letters.includes('A')) || kw === 'annotations' || front.length >= 14 || am;
        if (!structural) {
          front.push(line);
          frontIdx.push(k);
          continue;
        }
        region = 'body';
        if (am) {
          k--;
          continue;
        }
      }
    }

    // --- The list of items of a provisional agenda.
    if (region === 'agenda') {
      const pm = paraMarker(t, lang);
      const sm = subMarker(t, lang);
      const kw = keywordHeading(t);
      if (pm && pm.num === agendaItems.length + 1 && pm.text) {
        item = { id: `item_${pm.num}`, number: String(pm.num), title: newText(pm.text, k), subs: [], annotation: [], paragraphs: [], docLists: [] };
        agendaItems.push(item);
        itemSub = null;
        continue;
      }
      if (sm && item && sm.text) {
        const expected = nextLetter(item.subs[item.subs.length - 1]?.letter);
        if (sm.letters.includes(expected)) {
          itemSub = { id: `${item.id}__sub_${expected}`, letter: expected, label: sm.label, title: newText(sm.text, k), annotation: [], paragraphs: [] };
          item.subs.push(itemSub);
          continue;
        }
      }
      if (kw === 'annotations') {
        region = 'body';
        annotations = true;
        item = null;
        itemSub = null;
        continue;
      }
      if (pm || chapterMarker(t, lang) || kw) {
        region = 'body';
        annotations = true;
        item = null;
        itemSub = null;
      } else if (item) {
        push((itemSub ?? item).title, t, k);
        continue;
      }
    }

    // --- Body.
    // A row of a documents table in an annex goes on (even over a line that reads like a heading: "аннотации").
    if (annex && !para && docRow && !findSymbols(t).some((f) => f.index === 0) && !paraMarker(t, lang) && !chapterMarker(t, lang) && !sectionMarker(t, lang) && !endsSentence(docRow.lines[docRow.lines.length - 1] ?? '')) {
      push(docRow, t, k);
      continue;
    }
    const kw = keywordHeading(t);
    if (kw === 'annotations') {
      closeAll();
      annotations = agendaItems.length > 0;
      lastWasHeading = true;
      continue;
    }
    if (kw === 'provisional-agenda' && agendaItems.length === 0) {
      closeAll();
      region = 'agenda';
      isAgenda = true;
      continue;
    }
    if (kw === 'documentation') {
      closeAll();
      docList = { id: `doclist_${docLists.length + 1}`, source: 'annotation', heading: t.replace(/[:：]\s*$/, ''), agendaItem: item?.number ?? null, annex, rows: [] };
      docLists.push(docList);
      item?.docLists.push(docList);
      lastWasHeading = true;
      continue;
    }

    const cm = chapterMarker(t, lang);
    const sm = sectionMarker(t, lang);
    const expectedSection = String.fromCharCode(65 + sectionSeq);
    const sectionFits = sm && (sm.letters.includes(expectedSection) || (sectionSeq > 0 && sm.letters.includes(String.fromCharCode(66 + sectionSeq)) && lastWasHeadingOrEnd(prevLine)));
    const chapterFits = cm && (cm.num === chapterSeq + 1 || (chapterSeq === 0 && !para) || (cm.num === chapterSeq + 2 && lastWasHeadingOrEnd(prevLine)));
    if (chapterFits && !(sectionFits && cm.num !== chapterSeq + 1)) {
      closeAll();
      if (cm.num !== chapterSeq + 1) warnings.push(`chapter numbering jumps to ${cm.label}`);
      chapterSeq = cm.num;
      sectionSeq = 0;
      section = null;
      chapter = {
        id: uniqueId(`${prefix()}chp_${cm.num}`),
        number: cm.num,
        label: cm.label,
        title: newText(cm.title, k),
        annex,
        sections: [],
        paragraphs: [],
        blocks: [],
      };
      chapters.push(chapter);
      heading = { t: chapter.title, last: line };
      if (annotations) {
        annotations = false;
        item = null;
        itemSub = null;
      }
      lastWasHeading = true;
      continue;
    }
    if (sm && sectionFits) {
      closeAll();
      const letter = sm.letters.includes(expectedSection) ? expectedSection : String.fromCharCode(66 + sectionSeq);
      if (letter !== expectedSection) warnings.push(`section lettering jumps to ${letter}`);
      sectionSeq = letter.charCodeAt(0) - 64;
      section = {
        id: uniqueId(`${chapter ? chapter.id : prefix() + 'sec'}__sec_${letter.toLowerCase()}`.replace('sec__sec_', 'sec_')),
        letter,
        label: sm.label,
        title: newText(sm.title, k),
        paragraphs: [],
        blocks: [],
      };
      chapter?.sections.push(section);
      if (!chapter) looseSections.push(section);
      heading = { t: section.title, last: line };
      lastWasHeading = true;
      continue;
    }

    const pm = paraMarker(t, lang);
    const sbm = subMarker(t, lang);

    // Agenda item and sub-item headings in the annotations.
    if (annotations && agendaItems.length) {
      if (pm && pm.text) {
        const from: number = item ? agendaItems.indexOf(item as AgendaItemB) : -1;
        const target: AgendaItemB | undefined = agendaItems.find((it, i) => i > from && it.number === String(pm.num) && titleMatches(pm.text, flat(it.title)));
        if (target) {
          closeAll();
          item = target;
          itemSub = null;
          heading = { t: newText('', k), last: line, expect: compact(flat(target.title)), acc: compact(pm.text) };
          lastWasHeading = true;
          continue;
        }
      }
      if (sbm && item && sbm.text) {
        const target = item.subs.find((s) => sbm.letters.includes(s.letter) && titleMatches(sbm.text, flat(s.title)));
        if (target && target !== itemSub) {
          closeAll();
          itemSub = target;
          heading = { t: newText('', k), last: line, expect: compact(flat(target.title)), acc: compact(sbm.text) };
          lastWasHeading = true;
          continue;
        }
      }
    }

    if (pm) {
      const p = para as ParaB | null;
      const lastList = p?.list[p.list.length - 1];
      const listNext = p && (lastList ? Number(lastList.number) + 1 === pm.num : pm.num === 1 && pm.num !== expectedPara);
      const listy = line.width < pre.fullWidth * 0.75 && pm.text.length > 0;
      if (p && listNext && (pm.num !== expectedPara || (lastList && listy))) {
        listItem = { number: String(pm.num), lines: pm.text ? [pm.text] : [], start: k, end: k, subs: [] };
        p.list.push(listItem);
        sub = null;
        p.end = k;
        lastWasHeading = false;
        continue;
      }
      const gapOk = pm.num > expectedPara && pm.num <= expectedPara + 2 && (lastWasHeadingOrEnd(prevLine) || lastWasHeading);
      const firstOfScope = annex ? annex.paragraphs.length === 0 : paragraphs.length === 0;
      if (pm.num === expectedPara || gapOk || (firstOfScope && (pm.num === 1 || !annotations))) {
        if (pm.num !== expectedPara && gapOk) warnings.push(`paragraph numbering jumps from ${expectedPara - 1} to ${pm.num}`);
        startPara(pm.num, pm.text, k);
        lastWasHeading = false;
        continue;
      }
    }

    if (sbm) {
      const p = para as ParaB | null;
      if (p && listItem) {
        const expected = nextLetter(listItem.subs[listItem.subs.length - 1]?.letter);
        if (sbm.letters.includes(expected)) {
          const s: SubB = { letter: expected, label: sbm.label, lines: sbm.text ? [sbm.text] : [], start: k, end: k };
          listItem.subs.push(s);
          listItem.end = k;
          p.end = k;
          continue;
        }
      } else if (p) {
        const placed = placeSub(p, sbm, k, warnings);
        if (placed) {
          sub = placed;
          p.end = k;
          lastWasHeading = false;
          continue;
        }
        if (sub && sbm.roman !== null) {
          // (i), (ii) … inside a lettered sub-paragraph: kept in its text, on its own line.
          push(sub, '\n' + t, k);
          p.end = k;
          continue;
        }
      }
    }

    // Rows of a documents table in an annex.
    if (annex && !para) {
      const f = fold(t);
      const startsWithSymbol = findSymbols(t)[0]?.index === 0;
      if (isTableHeader(f) && !startsWithSymbol) {
        docRow = null;
        continue;
      }
      if (startsWithSymbol) {
        if (!docList || docList.annex !== annex || docList.source !== 'annex') {
          docList = { id: `doclist_${docLists.length + 1}`, source: 'annex', heading: null, agendaItem: null, annex, rows: [] };
          docLists.push(docList);
        }
        docRow = { lines: [t], start: k, end: k, table: true };
        docList.rows.push(docRow);
        continue;
      }
      if (docRow && !hasAnyMarker(t, lang)) {
        push(docRow, t, k);
        continue;
      }
    }

    // Entries of a "Documentation" list.
    if (docList && docList.source === 'annotation' && !pm) {
      const last = docList.rows[docList.rows.length - 1];
      if (last && !endsDocEntry(last.lines.join(' '))) push(last, t, k);
      else docList.rows.push({ lines: [t], start: k, end: k, table: false });
      continue;
    }

    // Continuation of the open paragraph.
    const p = para as ParaB | null;
    if (p) {
      if (listItem) {
        const ls = listItem.subs[listItem.subs.length - 1];
        push(ls ?? listItem, t, k);
      } else if (sub) push(sub, t, k);
      else push(p.intro, t, k);
      p.end = k;
      continue;
    }

    // Unnumbered text.
    const startNew =
      !textBlock ||
      lastWasHeading ||
      (prevLine !== undefined && startsNewTextBlock(prevLine, line, pre)) ||
      (prevLine !== undefined && /[:：]$/.test(prevLine.text.trim()) && Boolean(sbm));
    if (startNew) {
      textBlock = newText(t, k);
      textTarget().push(textBlock);
    } else push(textBlock!, t, k);
    lastWasHeading = false;
  }

  return { front, frontIdx, preamble, chapters, looseSections, paragraphs, annexes, docLists, agendaItems, isAgenda, warnings };

  function lastWasHeadingOrEnd(prev: SourceLine | undefined): boolean {
    return !prev || endsSentence(prev.text) || lastWasHeading || /[:：]$/.test(prev.text);
  }
}

export function flat(t: TextB): string {
  return t.lines.join(' ');
}

function placeSub(p: ParaB, sm: SubMarker, k: number, warnings: string[]): SubB | null {
  const last = p.subs[p.subs.length - 1];
  const expected = nextLetter(last?.letter);
  let letter: string | null = null;
  if (sm.letters.includes(expected)) letter = expected;
  else if (sm.roman !== null && last) return null;
  else {
    const later = sm.letters.find((l) => l > expected && l.charCodeAt(0) - expected.charCodeAt(0) <= 1);
    if (later && sm.text) {
      warnings.push(`${p.id}: sub-paragraph (${later}) follows (${last?.letter ?? '-'})`);
      letter = later;
    }
  }
  if (!letter) return null;
  const s: SubB = { letter, label: sm.label, lines: sm.text ? [sm.text] : [], start: k, end: k };
  p.subs.push(s);
  return s;
}
