/**
 * Where a block of text (paragraph, heading, list entry) ends and the next begins, judged from two successive
 * content lines: shared by the structure parser, the front-matter reader and `cleanPdfText`.
 */
import type { Preprocessed, SourceLine } from './clean.ts';
import { findSymbols } from '../extraction/symbols.ts';
import { annexMarker, chapterMarker, hasAnyMarker, keywordHeading, paraMarker, sectionMarker, subMarker } from './markers.ts';
import { standaloneSymbol } from './page-furniture.ts';
import { endsSentence, fold, hasUnclosed } from './text.ts';
import type { UnLang } from './types.ts';

/** A line that plainly goes on on the next one (ends with a hyphen, a "/", a connector word, an open bracket). */
export function looksContinued(t: string): boolean {
  if (/[/-]$/.test(t) || hasUnclosed(t)) return true;
  const last = fold(t).split(' ').pop() ?? '';
  return /^(?:of|and|the|in|on|to|for|from|with|by|a|an|de|des|du|la|le|les|et|à|en|aux|au|pour|sur|del|el|los|las|y|para|por|con|и|в|по|о|на|с|к|для|от|في|من|على|الى|و|عن)$/u.test(last);
}

/**
 * Between two lines of unnumbered text: does the second start a new paragraph? Yes after a blank line (when
 * blank lines mean something), after the end of a sentence, or after a short line, unless the text plainly
 * goes on (lowercase start, hyphen, connector word, open bracket).
 */
export function startsNewTextBlock(prev: SourceLine, line: SourceLine, pre: Preprocessed): boolean {
  const lower = /^[a-zà-ÿа-яё]/u.test(line.text);
  if (pre.blankMeaningful && line.blankBefore) return true;
  if (endsSentence(prev.text) && !lower) return true;
  return prev.width < pre.fullWidth * 0.7 && !lower && !looksContinued(prev.text);
}

/** A heading line that seems to go on on the next line. */
export function looksWrapped(line: SourceLine, next: SourceLine | undefined, pre: Preprocessed): boolean {
  if (!next) return false;
  const t = line.text;
  const n = next.text;
  if (hasAnyMarker(n, pre.lang)) return false;
  if (/\/$/.test(t) || /\p{L}-$/u.test(t)) return true;
  if (/^[a-zà-ÿа-яё]/u.test(n)) return true;
  if (pre.lang !== 'zh' && pre.lang !== 'ar' && /^[A-ZÀ-ÞА-ЯЁ]/u.test(n) && /[.;:]$/.test(t)) return false;
  const lastWord = fold(t).split(' ').pop() ?? '';
  if (
    /^(?:of|and|the|in|on|to|for|from|with|by|against|a|an|its|de|des|du|la|le|les|et|à|en|aux|au|pour|sur|contre|d'|l'|del|el|los|las|y|para|por|con|sobre|и|в|по|о|об|на|с|к|для|от|против|في|من|على|الى|و|عن)$/u.test(lastWord)
  )
    return true;
  if (hasUnclosed(t)) return true;
  if (endsSentence(t) || /[:：]$/.test(t)) return false;
  return line.width >= pre.fullWidth * 0.8;
}

/** The line begins a block of its own: a marker, a keyword heading or a document symbol. */
export function lineStartsBlock(line: SourceLine, lang: UnLang): boolean {
  const t = line.text;
  return Boolean(
    paraMarker(t, lang) || subMarker(t, lang) || chapterMarker(t, lang) || sectionMarker(t, lang) || annexMarker(t, lang) || keywordHeading(t) || standaloneSymbol(t) || findSymbols(t)[0]?.index === 0,
  );
}

export function isHeadingLine(line: SourceLine, lang: UnLang): boolean {
  const t = line.text;
  return Boolean(chapterMarker(t, lang) || sectionMarker(t, lang) || annexMarker(t, lang) || keywordHeading(t));
}
