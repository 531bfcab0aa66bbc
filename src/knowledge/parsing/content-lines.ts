/**
 * The content lines of a cleaned document, with the footnotes (after a "_____" line, to the end of their page)
 * taken out of the flow, and a paragraph number alone on its line put back before its text.
 */
import type { RawFootnote, RawLine, SourceLine } from './clean.ts';
import { hasAnyMarker, paraMarker } from './markers.ts';
import { displayWidth, endsSentence, joinLines } from './text.ts';
import type { UnLang } from './types.ts';

const LONE_MARKER = /^(?:\d{1,3}\s*[.．]|\d{1,3}\s*[-–]|[(（]\s*[^\s()（）]{1,4}\s*[)）]|[a-zа-я]\)|[IVXL]{1,6}\.|[A-ZА-Я]\.|[一二三四五六七八九十]{1,3}[.．、])$/u;
const SEPARATOR = /^\s*_{5,}\s*$/;
const FOOTNOTE_START = /^(\*{1,4}|\d{1,3}|\(\d{1,3}\))(?:\s+|(?=[^\d\s.,:;)/-]))(\S.*)$/u;

/** Lines that are neither furniture nor masthead (`skip`), split into content lines and footnotes. */
export function contentLines(raw: RawLine[], skip: (i: number) => boolean, lang: UnLang): { lines: SourceLine[]; footnotes: RawFootnote[] } {
  const lines: SourceLine[] = [];
  const footnotes: RawFootnote[] = [];
  let inFn = false;
  let fnPage = -1;
  let current: { label: string; number: number | null; parts: string[]; at: number } | null = null;
  let lastNum: number | null = null;
  let sawBlank = false;
  let lastPage = 0;
  let pageHasContent = false;
  const closeFootnote = () => {
    if (current) footnotes.push({ label: current.label, number: current.number, text: joinLines(current.parts, lang), at: current.at });
    current = null;
  };
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (r.page !== lastPage) {
      lastPage = r.page;
      pageHasContent = false;
      sawBlank = false;
    }
    if (r.blank) {
      sawBlank = true;
      continue;
    }
    if (skip(i)) continue;
    const t = r.text;
    if (SEPARATOR.test(t)) {
      closeFootnote();
      inFn = true;
      fnPage = r.page;
      continue;
    }
    if (inFn) {
      if (r.page !== fnPage) {
        closeFootnote();
        inFn = false;
      } else {
        const m = FOOTNOTE_START.exec(t);
        const label = m ? m[1]!.replace(/[()]/g, '') : '';
        const num = m && /^\d+$/.test(label) ? Number(label) : null;
        const validNew =
          m !== null &&
          (num === null ? true : lastNum === null || num === lastNum + 1 || (current === null && num > lastNum)) &&
          !(num !== null && paraMarker(t, lang) && !m[2]);
        if (validNew) {
          closeFootnote();
          current = { label, number: num, parts: [m[2]!], at: lines.length };
          if (num !== null) lastNum = num;
          continue;
        }
        const cur = current as { parts: string[] } | null;
        const curText = cur ? cur.parts.join(' ') : '';
        if (cur && !endsSentence(curText) && !/[)）]$/.test(curText.trim()) && !hasAnyMarker(t, lang)) {
          cur.parts.push(t);
          continue;
        }
        closeFootnote();
        inFn = false;
      }
    }
    lines.push({ text: t, page: r.page, blankBefore: sawBlank && pageHasContent, pageStart: !pageHasContent && r.page > 0, width: displayWidth(t) });
    pageHasContent = true;
    sawBlank = false;
  }
  closeFootnote();

  // A paragraph number or letter alone on its line ("1." then the text on the next line, as some extractors give
  // it): put it in front of its text.
  for (let k = lines.length - 2; k >= 0; k--) {
    const cur = lines[k]!;
    const next = lines[k + 1]!;
    if (LONE_MARKER.test(cur.text) && next.page === cur.page && !LONE_MARKER.test(next.text) && !hasAnyMarker(next.text, lang)) {
      const text = `${cur.text} ${next.text}`;
      lines.splice(k, 2, { ...cur, text, width: displayWidth(text) });
      for (const f of footnotes) if (f.at > k) f.at--;
    }
  }
  return { lines, footnotes };
}
