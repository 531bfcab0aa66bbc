/**
 * Dates and date ranges as the parser needs them (meeting dates, the date under "Distr."), in the six
 * languages. Kept small and local; the reference extractor has the general date matcher.
 */
import { MONTHS, PLACES } from './lexicon.ts';
import { fold } from './text.ts';
import type { UnLang } from './types.ts';

export interface DateHit {
  start: string;
  end: string;
  /** Offset and length in the folded text. */
  index: number;
  length: number;
  range: boolean;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const monthAlt = (lang: Exclude<UnLang, 'zh'>) =>
  Object.keys(MONTHS[lang])
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');

const SEP = '\\s*(?:-|–|—|to|au|al|a|по|الى|حتى|and|y|et|и|و)\\s*';
const D = '(\\d{1,2})(?:er|st|nd|rd|th|\\.)?';

const RANGE_RES: Partial<Record<UnLang, RegExp>> = {};
const SINGLE_RES: Partial<Record<UnLang, RegExp>> = {};
for (const lang of ['en', 'fr', 'es', 'ru', 'ar'] as const) {
  const M = `(${monthAlt(lang)})`;
  const Y = '(\\d{4})';
  const DE = lang === 'es' ? '(?:de\\s+)?' : '';
  RANGE_RES[lang] = new RegExp(
    `(?<!\\d)${D}(?:\\s+${DE}${M})?(?:\\s+${DE}${Y})?${SEP}${D}\\s+${DE}${M}(?:,?\\s+${DE}${Y})?(?!\\p{L})`,
    'gu',
  );
  SINGLE_RES[lang] = new RegExp(`(?<!\\d)${D}\\s+${DE}${M},?\\s+${DE}${Y}(?!\\d)`, 'gu');
}

const ZH_RE =
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(?:[（(][^）)]{1,8}[）)])?\s*(?:至|到|—|–|-|和)\s*(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日)?/g;

/**
 * All dates and date ranges in a text, in order. `yearHint` supplies the year of a range written without one
 * ("from 17 to 19 October").
 */
export function findDates(text: string, lang: UnLang, yearHint?: number): DateHit[] {
  const out: DateHit[] = [];
  if (lang === 'zh') {
    for (const m of text.matchAll(ZH_RE)) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const start = iso(y, mo, Number(m[3]));
      if (!start) continue;
      const end = m[6] ? iso(m[4] ? Number(m[4]) : y, m[5] ? Number(m[5]) : mo, Number(m[6])) : start;
      if (!end) continue;
      out.push({ start, end, index: m.index, length: m[0].length, range: Boolean(m[6]) });
    }
    return out;
  }
  const f = fold(text);
  const months = MONTHS[lang];
  const taken: [number, number][] = [];
  for (const m of f.matchAll(RANGE_RES[lang]!)) {
    const [, d1, m1, y1, d2, m2, y2] = m;
    const endMonth = months[m2!]!;
    const year = y2 ? Number(y2) : y1 ? Number(y1) : yearHint;
    if (!year) continue;
    const startMonth = m1 ? months[m1]! : endMonth;
    const startYear = y1 ? Number(y1) : startMonth > endMonth ? year - 1 : year;
    const start = iso(startYear, startMonth, Number(d1));
    const end = iso(year, endMonth, Number(d2));
    if (!start || !end || start > end) continue;
    out.push({ start, end, index: m.index, length: m[0].length, range: true });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of f.matchAll(SINGLE_RES[lang]!)) {
    if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const d = iso(Number(m[3]), months[m[2]!]!, Number(m[1]));
    if (d) out.push({ start: d, end: d, index: m.index, length: m[0].length, range: false });
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}

/** A date written in English, French or Spanish (the page-1 "Distr." block of every language version). */
export function parseHeaderDate(line: string): string | null {
  for (const lang of ['en', 'fr', 'es'] as const) {
    const hit = findDates(line, lang).find((h) => !h.range);
    if (hit) return hit.start;
  }
  return null;
}

export interface PlaceHit {
  place: string;
  placeEn: string;
  index: number;
}

/** Known meeting places in a (folded) text, nearest first to `near` when given. */
export function findPlaces(text: string, lang: UnLang): PlaceHit[] {
  const f = lang === 'zh' ? text : fold(text);
  const out: PlaceHit[] = [];
  for (const p of PLACES) {
    for (const form of p.forms) {
      let i = f.indexOf(form);
      while (i >= 0) {
        const before = f[i - 1] ?? ' ';
        const after = f[i + form.length] ?? ' ';
        if (lang === 'zh' || (!/\p{L}/u.test(before) && !/\p{L}/u.test(after))) {
          out.push({ place: p.names[lang] ?? p.en, placeEn: p.en, index: i });
        }
        i = f.indexOf(form, i + form.length);
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
