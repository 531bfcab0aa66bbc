/**
 * The judgements the structure pass makes about numbering: does a heading's text match an agenda item's title,
 * which sub-paragraph letter comes next, where does an entry of a documents list end.
 */
import { findSymbols } from '../extraction/symbols.ts';
import type { ParaB, SubB } from './structure-blocks.ts';
import type { SubMarker } from './markers.ts';
import { compact } from './text.ts';

export function titleMatches(lineText: string, title: string): boolean {
  const a = compact(lineText.replace(/[*]+/g, ''));
  const b = compact(title);
  if (!a || !b) return false;
  const n = Math.min(a.length, b.length, 14);
  if (n < 2) return false;
  return a.slice(0, n) === b.slice(0, n) && a.length <= b.length * 1.4 + 12;
}

export function nextLetter(l: string | undefined): string {
  return l ? String.fromCharCode(l.charCodeAt(0) + 1) : 'a';
}

/** Line ends a documents-list entry: ends with a symbol or a closing parenthesis. */
export function endsDocEntry(text: string): boolean {
  const t = text.trim();
  if (/[)）]$/.test(t)) return true;
  const syms = findSymbols(t);
  const last = syms[syms.length - 1];
  return Boolean(last && last.index + last.length >= t.replace(/[.;。；]$/, '').length);
}

/** Places a sub-paragraph marker in its paragraph: the next letter, or one letter further (with a warning). */
export function placeSub(p: ParaB, sm: SubMarker, k: number, warnings: string[]): SubB | null {
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
