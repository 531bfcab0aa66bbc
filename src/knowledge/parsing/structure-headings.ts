/**
 * Headings that go on over the next line: an agenda item heading in the annotations runs as long as the lines
 * spell its known title; any other heading while the next line looks like a wrapped part of it.
 */
import { looksWrapped } from './block-breaks.ts';
import type { SourceLine } from './clean.ts';
import { hasAnyMarker } from './markers.ts';
import { push } from './structure-blocks.ts';
import type { BuildState } from './structure-state.ts';
import { compact } from './text.ts';

/** The line goes on the open heading (and is added to it); when it does not, the heading is closed. */
export function headingGoesOn(st: BuildState, line: SourceLine, k: number): boolean {
  const { pre, lang } = st;
  const t = line.text;
  if (!st.heading) return false;
  let cont: boolean;
  if (st.heading.expect !== undefined) {
    const acc = (st.heading.acc ?? '') + compact(t);
    cont = !hasAnyMarker(t, lang) && acc.length > (st.heading.acc ?? '').length && st.heading.expect.startsWith(acc.slice(0, st.heading.expect.length));
    if (cont && acc.length > st.heading.expect.length + 6) cont = false;
    if (cont) st.heading.acc = acc;
  } else {
    // A continuation line of a heading is not a full line of body text (unless it plainly continues a
    // sentence: lowercase start), and does not end a sentence.
    cont =
      looksWrapped(st.heading.last, line, pre) &&
      (line.width < pre.fullWidth * 0.8 || /^[a-zà-ÿа-яё]/u.test(t)) &&
      !/[。.!?！？]$/u.test(t) &&
      st.heading.t.lines.length < 4;
  }
  if (cont) {
    push(st.heading.t, t, k);
    st.heading.last = line;
    return true;
  }
  st.heading = null;
  return false;
}
