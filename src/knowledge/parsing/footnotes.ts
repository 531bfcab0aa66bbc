/**
 * Footnote markers. In extracted text a footnote reference is a bare number glued to the text ("决议。1",
 * "议程1项目", "resolution 8/2.1 The", "Convention2 and", Arabic "(3)"). For each footnote, in order, the
 * marker is searched between the previous footnote's marker and the place where the footnote's text stood
 * (the bottom of the page of its marker); the most marker-like candidate nearest to the footnote is taken out
 * of the text and recorded.
 */
import type { RawFootnote } from './clean.ts';
import { findSymbols } from '../extraction/symbols.ts';
import type { UnLang } from './types.ts';

export interface Elem {
  id: string;
  /** Index of the element's first content line. */
  start: number;
  raw: string;
}

export interface MarkerHit {
  footnote: RawFootnote;
  elem: Elem;
  /** Offset in the element's raw text (after removal). */
  offset: number;
}

interface Cand {
  index: number;
  length: number;
  cls: number;
}

const ZH_CLOSE = /[。；，、：”’》）)」』.;,:]/u;
const ZH_NOT_BEFORE = /[第约近逾共计至和或及每前后余达第]/u;
const ZH_MEASURE = /[次号条款项年月日届个名点时章节段%％倍亿万千百多余位份类种国]/u;
const HAN = /\p{Script=Han}/u;

function candidates(raw: string, n: string, lang: UnLang): Cand[] {
  const out: Cand[] = [];
  let i = raw.indexOf(n);
  while (i >= 0) {
    const before = raw[i - 1] ?? '';
    const after = raw[i + n.length] ?? '';
    const isolated = !/\d/.test(before) && !/\d/.test(after);
    if (isolated && i > 0) {
      if (before === '(' && after === ')' && i > 1) out.push({ index: i - 1, length: n.length + 2, cls: lang === 'ar' ? 3 : 1 });
      else if (lang === 'zh') {
        const measure = ZH_MEASURE.test(after) && raw.slice(i + n.length, i + n.length + 2) !== '项目';
        if (ZH_CLOSE.test(before) && !measure && !/[.．]/.test(after)) out.push({ index: i, length: n.length, cls: 3 });
        else if (HAN.test(before) && !ZH_NOT_BEFORE.test(before) && !measure && (after === '' || HAN.test(after) || /[\s，。；、（(]/u.test(after)))
          out.push({ index: i, length: n.length, cls: 2 });
      } else {
        const endOk = after === '' || /[\s,;:.)\]]/u.test(after);
        const tokenStart = raw.lastIndexOf(' ', i) + 1;
        const tokenEnd = raw.indexOf(' ', i);
        const token = raw.slice(tokenStart, tokenEnd < 0 ? raw.length : tokenEnd);
        const inSymbol = findSymbols(token).some((s) => tokenStart + s.index <= i && i < tokenStart + s.index + s.length);
        if (!inSymbol && endOk) {
          if (/[.,;:]/.test(before) && /[\p{L}\d)”"’»]/u.test(raw[i - 2] ?? '') && (after === '' || /\s/.test(after)))
            out.push({ index: i, length: n.length, cls: 3 });
          else if (/[)”"’»]/u.test(before)) out.push({ index: i, length: n.length, cls: 3 });
          else if (/\p{L}{3}$/u.test(raw.slice(Math.max(0, i - 3), i))) out.push({ index: i, length: n.length, cls: 2 });
        }
      }
    }
    i = raw.indexOf(n, i + 1);
  }
  return out;
}

/** Finds and removes the markers of numbered footnotes; returns where each was. */
export function linkFootnotes(elems: Elem[], footnotes: RawFootnote[], lang: UnLang): MarkerHit[] {
  const hits: MarkerHit[] = [];
  let curEl = 0;
  let curOff = 0;
  for (const fn of footnotes) {
    if (fn.number === null) continue;
    const n = String(fn.number);
    let best: { el: number; c: Cand } | null = null;
    for (let e = curEl; e < elems.length; e++) {
      const el = elems[e]!;
      if (el.start >= fn.at) break;
      for (const c of candidates(el.raw, n, lang)) {
        if (e === curEl && c.index < curOff) continue;
        if (!best || c.cls >= best.c.cls) best = { el: e, c };
      }
    }
    if (!best) continue;
    const el = elems[best.el]!;
    el.raw = el.raw.slice(0, best.c.index) + el.raw.slice(best.c.index + best.c.length);
    hits.push({ footnote: fn, elem: el, offset: best.c.index });
    curEl = best.el;
    curOff = best.c.index;
  }
  return hits;
}
