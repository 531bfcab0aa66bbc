/**
 * Second stage: from content lines to structure. One pass over the lines with the numbering sequences as
 * context (next chapter, next section letter, next paragraph number, next sub-paragraph letter, next agenda
 * item), so that a "1." inside a paragraph (an agenda quoted in a report) is not taken for paragraph 1 and an
 * agenda item heading in the annotations is not taken for a paragraph. The pass keeps its state in one object
 * (`structure-state.ts`); headings that wrap and provisional agendas have stages of their own
 * (`structure-headings.ts`, `structure-agenda.ts`).
 */
import { startsNewTextBlock } from './block-breaks.ts';
import type { Preprocessed } from './clean.ts';
import { findSymbols } from '../extraction/symbols.ts';
import { AGENDA_TITLE, isTableHeader } from './lexicon.ts';
import { annexMarker, chapterMarker, hasAnyMarker, keywordHeading, paraMarker, sectionMarker, subMarker } from './markers.ts';
import { newText, push, type AnnexB, type ParaB, type Structure, type SubB } from './structure-blocks.ts';
import { endsDocEntry, nextLetter, placeSub } from './structure-rules.ts';
import { agendaStart, annotationHeading, readAgendaLine } from './structure-agenda.ts';
import { headingGoesOn } from './structure-headings.ts';
import { closeAll, lastWasHeadingOrEnd, newState, prefix, result, startPara, textTarget, uniqueId } from './structure-state.ts';
import { endsSentence, fold } from './text.ts';

export function buildStructure(pre: Preprocessed): Structure {
  const { lang, lines } = pre;
  const st = newState(pre);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const t = line.text;
    const prevLine = lines[k - 1];

    if (st.heading && headingGoesOn(st, line, k)) continue;

    const am = annexMarker(t, lang);
    if (am && st.region !== 'front') {
      closeAll(st);
      st.region = 'body';
      st.annotations = false;
      st.item = null;
      st.itemSub = null;
      const a: AnnexB = { id: `annex_${st.annexes.length + 1}`, label: t.replace(/\s*\*+$/, ''), number: am.num ?? st.annexes.length + 1, title: newText('', k), blocks: [], paragraphs: [], start: k };
      st.annexes.push(a);
      st.annex = a;
      st.annexTitleOpen = true;
      st.chapter = null;
      st.section = null;
      st.expectedPara = 1;
      st.chapterSeq = 0;
      st.sectionSeq = 0;
      st.lastWasHeading = true;
      continue;
    }
    if (st.annex && st.annexTitleOpen) {
      const f = fold(t);
      const stop =
        hasAnyMarker(t, lang) || isTableHeader(f) || findSymbols(t)[0]?.index === 0 || st.annex.title.lines.length >= 3 || endsSentence(t) ||
        (st.annex.title.lines.length > 0 && pre.blankMeaningful && line.blankBefore);
      if (!stop) {
        push(st.annex.title, t, k);
        continue;
      }
      st.annexTitleOpen = false;
    }

    // --- Front matter: up to the first structural line.
    if (st.region === 'front') {
      if (agendaStart(st, t)) {
        st.region = 'agenda';
        st.isAgenda = true;
        if (keywordHeading(t) === 'provisional-agenda') continue;
      } else {
        const cm = chapterMarker(t, lang);
        const pm = paraMarker(t, lang);
        const sm = sectionMarker(t, lang);
        const kw = keywordHeading(t);
        // The first chapter or paragraph ends the front matter (an extract may start at "II." or "20.").
        const structural = (cm && cm.num <= 10) || (pm && pm.num <= 3) || (pm && st.front.length > 0 && pm.text.length > 0 && !AGENDA_TITLE.test(fold(t))) || (sm && sm.letters.includes('A')) || kw === 'annotations' || st.front.length >= 14 || am;
        if (!structural) {
          st.front.push(line);
          st.frontIdx.push(k);
          continue;
        }
        st.region = 'body';
        if (am) {
          k--;
          continue;
        }
      }
    }

    // --- The list of items of a provisional agenda.
    if (st.region === 'agenda' && readAgendaLine(st, line, k)) continue;

    // --- Body.
    // A row of a documents table in an annex goes on (even over a line that reads like a heading: "аннотации").
    if (st.annex && !st.para && st.docRow && !findSymbols(t).some((f) => f.index === 0) && !paraMarker(t, lang) && !chapterMarker(t, lang) && !sectionMarker(t, lang) && !endsSentence(st.docRow.lines[st.docRow.lines.length - 1] ?? '')) {
      push(st.docRow, t, k);
      continue;
    }
    const kw = keywordHeading(t);
    if (kw === 'annotations') {
      closeAll(st);
      st.annotations = st.agendaItems.length > 0;
      st.lastWasHeading = true;
      continue;
    }
    if (kw === 'provisional-agenda' && st.agendaItems.length === 0) {
      closeAll(st);
      st.region = 'agenda';
      st.isAgenda = true;
      continue;
    }
    if (kw === 'documentation') {
      closeAll(st);
      st.docList = { id: `doclist_${st.docLists.length + 1}`, source: 'annotation', heading: t.replace(/[:：]\s*$/, ''), agendaItem: st.item?.number ?? null, annex: st.annex, rows: [] };
      st.docLists.push(st.docList);
      st.item?.docLists.push(st.docList);
      st.lastWasHeading = true;
      continue;
    }

    const cm = chapterMarker(t, lang);
    const sm = sectionMarker(t, lang);
    const expectedSection = String.fromCharCode(65 + st.sectionSeq);
    const sectionFits = sm && (sm.letters.includes(expectedSection) || (st.sectionSeq > 0 && sm.letters.includes(String.fromCharCode(66 + st.sectionSeq)) && lastWasHeadingOrEnd(st, prevLine)));
    const chapterFits = cm && (cm.num === st.chapterSeq + 1 || (st.chapterSeq === 0 && !st.para) || (cm.num === st.chapterSeq + 2 && lastWasHeadingOrEnd(st, prevLine)));
    if (chapterFits && !(sectionFits && cm.num !== st.chapterSeq + 1)) {
      closeAll(st);
      if (cm.num !== st.chapterSeq + 1) st.warnings.push(`chapter numbering jumps to ${cm.label}`);
      st.chapterSeq = cm.num;
      st.sectionSeq = 0;
      st.section = null;
      st.chapter = {
        id: uniqueId(st, `${prefix(st)}chp_${cm.num}`),
        number: cm.num,
        label: cm.label,
        title: newText(cm.title, k),
        annex: st.annex,
        sections: [],
        paragraphs: [],
        blocks: [],
      };
      st.chapters.push(st.chapter);
      st.heading = { t: st.chapter.title, last: line };
      if (st.annotations) {
        st.annotations = false;
        st.item = null;
        st.itemSub = null;
      }
      st.lastWasHeading = true;
      continue;
    }
    if (sm && sectionFits) {
      closeAll(st);
      const letter = sm.letters.includes(expectedSection) ? expectedSection : String.fromCharCode(66 + st.sectionSeq);
      if (letter !== expectedSection) st.warnings.push(`section lettering jumps to ${letter}`);
      st.sectionSeq = letter.charCodeAt(0) - 64;
      st.section = {
        id: uniqueId(st, `${st.chapter ? st.chapter.id : prefix(st) + 'sec'}__sec_${letter.toLowerCase()}`.replace('sec__sec_', 'sec_')),
        letter,
        label: sm.label,
        title: newText(sm.title, k),
        paragraphs: [],
        blocks: [],
      };
      st.chapter?.sections.push(st.section);
      if (!st.chapter) st.looseSections.push(st.section);
      st.heading = { t: st.section.title, last: line };
      st.lastWasHeading = true;
      continue;
    }

    const pm = paraMarker(t, lang);
    const sbm = subMarker(t, lang);

    // Agenda item and sub-item headings in the annotations.
    if (st.annotations && st.agendaItems.length && annotationHeading(st, line, k, pm, sbm)) continue;

    if (pm) {
      const p = st.para as ParaB | null;
      const lastList = p?.list[p.list.length - 1];
      const listNext = p && (lastList ? Number(lastList.number) + 1 === pm.num : pm.num === 1 && pm.num !== st.expectedPara);
      const listy = line.width < pre.fullWidth * 0.75 && pm.text.length > 0;
      if (p && listNext && (pm.num !== st.expectedPara || (lastList && listy))) {
        st.listItem = { number: String(pm.num), lines: pm.text ? [pm.text] : [], start: k, end: k, subs: [] };
        p.list.push(st.listItem);
        st.sub = null;
        p.end = k;
        st.lastWasHeading = false;
        continue;
      }
      const gapOk = pm.num > st.expectedPara && pm.num <= st.expectedPara + 2 && (lastWasHeadingOrEnd(st, prevLine) || st.lastWasHeading);
      const firstOfScope = st.annex ? st.annex.paragraphs.length === 0 : st.paragraphs.length === 0;
      if (pm.num === st.expectedPara || gapOk || (firstOfScope && (pm.num === 1 || !st.annotations))) {
        if (pm.num !== st.expectedPara && gapOk) st.warnings.push(`paragraph numbering jumps from ${st.expectedPara - 1} to ${pm.num}`);
        startPara(st, pm.num, pm.text, k);
        st.lastWasHeading = false;
        continue;
      }
    }

    if (sbm) {
      const p = st.para as ParaB | null;
      if (p && st.listItem) {
        const expected = nextLetter(st.listItem.subs[st.listItem.subs.length - 1]?.letter);
        if (sbm.letters.includes(expected)) {
          const s: SubB = { letter: expected, label: sbm.label, lines: sbm.text ? [sbm.text] : [], start: k, end: k };
          st.listItem.subs.push(s);
          st.listItem.end = k;
          p.end = k;
          continue;
        }
      } else if (p) {
        const placed = placeSub(p, sbm, k, st.warnings);
        if (placed) {
          st.sub = placed;
          p.end = k;
          st.lastWasHeading = false;
          continue;
        }
        if (st.sub && sbm.roman !== null) {
          // (i), (ii) … inside a lettered sub-paragraph: kept in its text, on its own line.
          push(st.sub, '\n' + t, k);
          p.end = k;
          continue;
        }
      }
    }

    // Rows of a documents table in an annex.
    if (st.annex && !st.para) {
      const f = fold(t);
      const startsWithSymbol = findSymbols(t)[0]?.index === 0;
      if (isTableHeader(f) && !startsWithSymbol) {
        st.docRow = null;
        continue;
      }
      if (startsWithSymbol) {
        if (!st.docList || st.docList.annex !== st.annex || st.docList.source !== 'annex') {
          st.docList = { id: `doclist_${st.docLists.length + 1}`, source: 'annex', heading: null, agendaItem: null, annex: st.annex, rows: [] };
          st.docLists.push(st.docList);
        }
        st.docRow = { lines: [t], start: k, end: k, table: true };
        st.docList.rows.push(st.docRow);
        continue;
      }
      if (st.docRow && !hasAnyMarker(t, lang)) {
        push(st.docRow, t, k);
        continue;
      }
    }

    // Entries of a "Documentation" li
    if (st.docList && st.docList.source === 'annotation' && !pm) {
      const last = st.docList.rows[st.docList.rows.length - 1];
      if (last && !endsDocEntry(last.lines.join(' '))) push(last, t, k);
      else st.docList.rows.push({ lines: [t], start: k, end: k, table: false });
      continue;
    }

    // Continuation of the open paragraph.
    const p = st.para as ParaB | null;
    if (p) {
      if (st.listItem) {
        const ls = st.listItem.subs[st.listItem.subs.length - 1];
        push(ls ?? st.listItem, t, k);
      } else if (st.sub) push(st.sub, t, k);
      else push(p.intro, t, k);
      p.end = k;
      continue;
    }

    // Unnumbered text.
    const startNew =
      !st.textBlock ||
      st.lastWasHeading ||
      (prevLine !== undefined && startsNewTextBlock(prevLine, line, pre)) ||
      (prevLine !== undefined && /[:：]$/.test(prevLine.text.trim()) && Boolean(sbm));
    if (startNew) {
      st.textBlock = newText(t, k);
      textTarget(st).push(st.textBlock);
    } else push(st.textBlock!, t, k);
    st.lastWasHeading = false;
  }

  return result(st);
}
