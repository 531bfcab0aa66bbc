/**
 * Provisional agendas: where the list of items starts, the items and sub-items of the list, and their headings
 * met again in the annotations (recognised by number and title, so that "2. Preventive measures…" is agenda
 * item 2 and "2. In its resolution…" a paragraph).
 */
import type { SourceLine } from './clean.ts';
import { AGENDA_ITEM_REF, AGENDA_TITLE } from './lexicon.ts';
import { chapterMarker, keywordHeading, paraMarker, subMarker, type ParaMarker, type SubMarker } from './markers.ts';
import { flat, newText, push, type AgendaItemB } from './structure-blocks.ts';
import { nextLetter, titleMatches } from './structure-rules.ts';
import { closeAll, type BuildState } from './structure-state.ts';
import { compact, fold } from './text.ts';

/** The line starts the list of items of a provisional agenda. */
export function agendaStart(st: BuildState, t: string): boolean {
  if (keywordHeading(t) === 'provisional-agenda') return true;
  const pm = paraMarker(t, st.lang);
  return Boolean(pm && pm.num === 1 && st.front.some((l) => AGENDA_TITLE.test(fold(l.text)) && !AGENDA_ITEM_REF.test(fold(l.text))));
}

/** A line of the list of items (the region "agenda"); false when it ends the list and is to be read as body. */
export function readAgendaLine(st: BuildState, line: SourceLine, k: number): boolean {
  const { lang } = st;
  const t = line.text;
  const pm = paraMarker(t, lang);
  const sm = subMarker(t, lang);
  const kw = keywordHeading(t);
  if (pm && pm.num === st.agendaItems.length + 1 && pm.text) {
    st.item = { id: `item_${pm.num}`, number: String(pm.num), title: newText(pm.text, k), subs: [], annotation: [], paragraphs: [], docLists: [] };
    st.agendaItems.push(st.item);
    st.itemSub = null;
    return true;
  }
  if (sm && st.item && sm.text) {
    const expected = nextLetter(st.item.subs[st.item.subs.length - 1]?.letter);
    if (sm.letters.includes(expected)) {
      st.itemSub = { id: `${st.item.id}__sub_${expected}`, letter: expected, label: sm.label, title: newText(sm.text, k), annotation: [], paragraphs: [] };
      st.item.subs.push(st.itemSub);
      return true;
    }
  }
  if (kw === 'annotations') {
    st.region = 'body';
    st.annotations = true;
    st.item = null;
    st.itemSub = null;
    return true;
  }
  if (pm || chapterMarker(t, lang) || kw) {
    st.region = 'body';
    st.annotations = true;
    st.item = null;
    st.itemSub = null;
  } else if (st.item) {
    push((st.itemSub ?? st.item).title, t, k);
    return true;
  }
  return false;
}

/** The heading of an agenda item or sub-item in the annotations, which opens it. */
export function annotationHeading(st: BuildState, line: SourceLine, k: number, pm: ParaMarker | null, sbm: SubMarker | null): boolean {
  if (pm && pm.text) {
    const from: number = st.item ? st.agendaItems.indexOf(st.item as AgendaItemB) : -1;
    const target: AgendaItemB | undefined = st.agendaItems.find((it, i) => i > from && it.number === String(pm.num) && titleMatches(pm.text, flat(it.title)));
    if (target) {
      closeAll(st);
      st.item = target;
      st.itemSub = null;
      st.heading = { t: newText('', k), last: line, expect: compact(flat(target.title)), acc: compact(pm.text) };
      st.lastWasHeading = true;
      return true;
    }
  }
  if (sbm && st.item && sbm.text) {
    const target = st.item.subs.find((s) => sbm.letters.includes(s.letter) && titleMatches(sbm.text, flat(s.title)));
    if (target && target !== st.itemSub) {
      closeAll(st);
      st.itemSub = target;
      st.heading = { t: newText('', k), last: line, expect: compact(flat(target.title)), acc: compact(sbm.text) };
      st.lastWasHeading = true;
      return true;
    }
  }
  return false;
}
