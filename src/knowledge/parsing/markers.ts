/**
 * What a line starts with: chapter, section, paragraph number, sub-paragraph letter, annex heading, keyword
 * heading. Context-free: the structure builder decides, from the numbering sequence, which reading is right.
 */
import { KEYWORD_HEADINGS } from './lexicon.ts';
import { fold } from './text.ts';
import type { UnLang } from './types.ts';

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "三" → 3, "十二" → 12, "二十一" → 21. */
export function chineseNumber(s: string): number | null {
  if (!s || !/^[一二三四五六七八九十]+$/.test(s)) return null;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN_DIGIT[s] ?? null : null;
  const tens = i === 0 ? 1 : CN_DIGIT[s.slice(0, i)] ?? null;
  const unitsStr = s.slice(i + 1);
  const units = unitsStr ? CN_DIGIT[unitsStr] ?? null : 0;
  if (tens === null || units === null || s.indexOf('十', i + 1) >= 0) return null;
  return tens * 10 + units;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
/** Valid roman numeral (I … CXXX) → value. */
export function romanNumber(raw: string): number | null {
  const s = raw.toUpperCase().replace(/І/g, 'I').replace(/Х/g, 'X');
  if (!/^(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || !s) return null;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

const AR_CHAPTER: [string, number][] = [
  ['حادي عشر', 11], ['ثاني عشر', 12], ['ثالث عشر', 13], ['رابع عشر', 14], ['خامس عشر', 15], ['سادس عشر', 16],
  ['اولا', 1], ['ثانيا', 2], ['ثالثا', 3], ['رابعا', 4], ['خامسا', 5], ['سادسا', 6], ['سابعا', 7], ['ثامنا', 8], ['تاسعا', 9], ['عاشرا', 10],
];
/** Arabic names of the latin capitals used for sections (ألف = A, باء = B …), folded. */
const AR_SECTION = ['الف', 'باء', 'جيم', 'دال', 'هاء', 'واو', 'زاي', 'حاء', 'طاء', 'ياء', 'كاف', 'لام', 'ميم', 'نون', 'سين', 'عين', 'فاء', 'صاد', 'قاف', 'راء', 'شين', 'تاء', 'ثاء', 'خاء', 'ذال', 'ضاد'];
/** Arabic sub-paragraph letters in abjad order, mapped to a, b, c … */
const AR_SUB = ['ا', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض'];
/** Cyrillic letters in the order Russian lists use them (й, ъ, ы, ь skipped). */
const CYR_ORDER = 'абвгдежзиклмнопрстуфхцчшщэюя';
const CYR_HOMOGLYPH: Record<string, string> = { а: 'a', в: 'b', с: 'c', е: 'e', н: 'h', к: 'k', м: 'm', о: 'o', р: 'p', т: 't', х: 'x', у: 'y', і: 'i' };
const AR_ANNEX: Record<string, number> = { الاول: 1, الثاني: 2, الثالث: 3, الرابع: 4, الخامس: 5, السادس: 6, السابع: 7, الثامن: 8, التاسع: 9, العاشر: 10 };

const letterAt = (i: number) => String.fromCharCode(97 + i);

export interface ChapterMarker {
  num: number;
  label: string;
  title: string;
}

export function chapterMarker(line: string, lang: UnLang): ChapterMarker | null {
  if (lang === 'zh') {
    const m = /^([一二三四五六七八九十]{1,3})\s*([.．、])\s*(\S.*)$/u.exec(line);
    if (m) {
      const n = chineseNumber(m[1]!);
      if (n !== null) return { num: n, label: m[1]! + m[2]!, title: m[3]!.trim() };
    }
  }
  if (lang === 'ar') {
    const m = /^([^\s\-–—:.]+(?:\s+عشر)?)\s*([-–—:])\s*(\S.*)$/u.exec(line);
    if (m) {
      const key = fold(m[1]!);
      const hit = AR_CHAPTER.find(([w]) => w === key);
      if (hit) return { num: hit[1], label: `${m[1]!}${m[2]!}`, title: m[3]!.trim() };
    }
  }
  const m = /^([IVXLІХ]{1,7})\s*[.．]\s+(\S.*)$/u.exec(line);
  if (m) {
    const n = romanNumber(m[1]!);
    const title = m[2]!;
    if (n !== null && !/^[a-zа-я]/u.test(title)) return { num: n, label: `${m[1]!}.`, title: title.trim() };
  }
  return null;
}

export interface SectionMarker {
  /** Candidate latin capitals (a Cyrillic "В" may be B or, in Cyrillic order, C). */
  letters: string[];
  label: string;
  title: string;
}

export function sectionMarker(line: string, lang: UnLang): SectionMarker | null {
  if (lang === 'ar') {
    const m = /^([^\s\-–—:.]+)\s*([-–—:])\s*(\S.*)$/u.exec(line);
    if (m) {
      const i = AR_SECTION.indexOf(fold(m[1]!));
      if (i >= 0) return { letters: [String.fromCharCode(65 + i)], label: `${m[1]!}${m[2]!}`, title: m[3]!.trim() };
    }
  }
  const re = lang === 'zh' ? /^([A-ZА-Я])\s*[.．]\s*(\S.*)$/u : /^([A-ZА-Я])\s*[.．]\s+(\S.*)$/u;
  const m = re.exec(line);
  if (!m) return null;
  const title = m[2]!;
  if (/^[a-zа-я]/u.test(title) || /^\d/.test(title)) return null;
  const ch = m[1]!;
  let letters: string[];
  if (/[A-Z]/.test(ch)) letters = [ch];
  else {
    const lower = ch.toLowerCase();
    letters = [];
    const h = CYR_HOMOGLYPH[lower];
    if (h) letters.push(h.toUpperCase());
    const o = CYR_ORDER.indexOf(lower);
    if (o >= 0 && !letters.includes(letterAt(o).toUpperCase())) letters.push(letterAt(o).toUpperCase());
  }
  if (!letters.length) return null;
  return { letters, label: `${ch}.`, title: title.trim() };
}

export interface ParaMarker {
  num: number;
  label: string;
  /** Text after the number (may be empty when the number stands alone on its line). */
  text: string;
}

export function paraMarker(line: string, lang: UnLang): ParaMarker | null {
  const re =
    lang === 'zh'
      ? /^(\d{1,3})\s*([.．])(?:\s+|(?=[^\d\s.]))(.*)$|^(\d{1,3})\s*([.．])$/u
      : lang === 'ar'
        ? /^(\d{1,3})\s*([-–.])(?:\s+(.*))?$/u
        : /^(\d{1,3})\s*([.．])(?:\s+(.*))?$/u;
  const m = re.exec(line);
  if (!m) return null;
  const num = Number(m[1] ?? m[4]);
  if (!num) return null;
  return { num, label: `${m[1] ?? m[4]}${m[2] ?? m[5]}`, text: (m[3] ?? '').trim() };
}

export interface SubMarker {
  /** Candidate lowercase latin letters ("(i)" may be the letter i or the roman numeral 1). */
  letters: string[];
  /** Roman value when the label reads as a lowercase roman numeral. */
  roman: number | null;
  label: string;
  text: string;
}

export function subMarker(line: string, lang: UnLang): SubMarker | null {
  const s = line.replace(/^[-–•·▪]\s+/u, '');
  let label: string;
  let body: string;
  let raw: string;
  const m = /^([(（])\s*([a-z]{1,5}|[а-яё]|هـ|[أإآابجدهوزحطيكلمنسعفصقرشتثخذضظغ])\s*([)）])\s*(.*)$/u.exec(s);
  if (m) {
    raw = m[2]!;
    label = `${m[1]!}${raw}${m[3]!}`;
    body = m[4]!;
  } else {
    const r = /^([a-zа-яё])\)\s+(.*)$/u.exec(s);
    if (!r) return null;
    raw = r[1]!;
    label = `${raw})`;
    body = r[2]!;
  }
  const letters: string[] = [];
  let roman: number | null = null;
  if (/^[a-z]+$/.test(raw)) {
    roman = /^[ivxl]+$/.test(raw) ? romanNumber(raw) : null;
    if (raw.length === 1) letters.push(raw);
    else if (roman === null) return null;
  } else if (/^[а-яё]$/u.test(raw)) {
    const h = CYR_HOMOGLYPH[raw];
    if (h) letters.push(h);
    const o = CYR_ORDER.indexOf(raw);
    if (o >= 0 && !letters.includes(letterAt(o))) letters.push(letterAt(o));
  } else {
    const k = fold(raw === 'هـ' ? 'ه' : raw);
    const i = AR_SUB.indexOf(k);
    if (i < 0) return null;
    letters.push(letterAt(i));
  }
  if (lang !== 'ar' && /[\u0600-\u06FF]/u.test(raw)) return null;
  // "(a)项", "(a) of article 18": a reference at the start of a wrapped line, not a sub-paragraph.
  if (/^[项目段款条]/u.test(body) || /^(?:of|and|or|to|in|de|del|du|des|et|y|и|или)\s/u.test(body)) return null;
  return { letters, roman, label, text: body.trim() };
}

export interface AnnexMarker {
  num: number | null;
  label: string;
}

export function annexMarker(line: string, lang: UnLang): AnnexMarker | null {
  if (line.length > 30) return null;
  const t = line.trim().replace(/\s*\*+$/, '');
  if (lang === 'zh' || /^附件/.test(t)) {
    const m = /^附件\s*([一二三四五六七八九十]+)?$/u.exec(t);
    if (m) return { num: m[1] ? chineseNumber(m[1]) : null, label: t };
  }
  const f = fold(t);
  const m = /^(?:annex|annexe|anexo|приложение)(?:\s+([ivxlcіх]+|\d{1,2}))?$/u.exec(f);
  if (m) return { num: m[1] ? (/^\d+$/.test(m[1]) ? Number(m[1]) : romanNumber(m[1])) : null, label: t };
  const a = /^المرفق(?:\s+(\S+))?$/u.exec(f);
  if (a) {
    const n = a[1] ? AR_ANNEX[a[1]] ?? (/^\d+$/.test(a[1]) ? Number(a[1]) : null) : null;
    if (!a[1] || n !== null) return { num: n, label: t };
  }
  return null;
}

export type KeywordHeading = keyof typeof KEYWORD_HEADINGS;

const keywordCache = new Map<string, KeywordHeading | null>();

export function keywordHeading(line: string): KeywordHeading | null {
  if (line.length > 48) return null;
  const hit = keywordCache.get(line);
  if (hit !== undefined) return hit;
  if (keywordCache.size > 20_000) keywordCache.clear();
  let r: KeywordHeading | null = null;
  const f = fold(line).replace(/[\s:：*]+$/u, '');
  if (f.length <= 40) for (const [k, re] of Object.entries(KEYWORD_HEADINGS) as [KeywordHeading, RegExp][]) if (re.test(f)) r = k;
  keywordCache.set(line, r);
  return r;
}

const anyCache = new Map<string, boolean>();

/** Any marker at all: used to stop wrapped headings, footnotes and lists from swallowing the next line. */
export function hasAnyMarker(line: string, lang: UnLang): boolean {
  const key = lang + line;
  const hit = anyCache.get(key);
  if (hit !== undefined) return hit;
  if (anyCache.size > 20_000) anyCache.clear();
  const r = computeAnyMarker(line, lang);
  anyCache.set(key, r);
  return r;
}

function computeAnyMarker(line: string, lang: UnLang): boolean {
  return Boolean(
    paraMarker(line, lang) || subMarker(line, lang) || chapterMarker(line, lang) || sectionMarker(line, lang) || annexMarker(line, lang) || keywordHeading(line),
  );
}
