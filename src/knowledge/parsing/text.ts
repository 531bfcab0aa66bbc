/** Character-level helpers: normalization of PDF-extracted text, folding for matching, widths, line joining. */
import type { UnLang } from './types.ts';

const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

/**
 * Normalizes characters of PDF-extracted text without touching its wording: line ends, odd spaces, soft hyphens
 * and zero-width characters, latin ligatures, Arabic presentation forms (to base letters), full-width and
 * Arabic-Indic digits and full-width latin letters (to ASCII). Full-width punctuation (，：（）) is kept.
 */
export function normalizeChars(text: string): string {
  let s = text.replace(/\r\n?/g, '\n');
  s = s.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  s = s.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '');
  s = s.replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c);
  s = s.replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]+/g, (m) => m.normalize('NFKC'));
  s = s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.replace(/[\u0660-\u0669]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x0660 + 48));
  s = s.replace(/[\u06F0-\u06F9]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x06f0 + 48));
  return s;
}

const AR_DIACRITICS = /[\u064B-\u0652\u0670\u0640]/g;

/**
 * Folds a string for keyword matching: lowercase, Arabic diacritics and tatweel removed, alef variants and
 * alef maqsura normalized, ё → е, typographic quotes and dashes simplified, whitespace collapsed.
 */
export function fold(s: string): string {
  let t = s.toLowerCase();
  if (/[\u0600-\u06FF]/.test(t)) t = t.replace(AR_DIACRITICS, '').replace(/[أإآٱ]/g, 'ا');
  if (t.includes('ё')) t = t.replace(/ё/g, 'е');
  if (/[\u2010-\u2019\u02BC\u2212]/.test(t)) t = t.replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u2010-\u2015\u2212]/g, '-');
  if (/\s\s|[\t\n\r]/.test(t)) t = t.replace(/\s+/g, ' ');
  return t.trim();
}

/** Folds and drops everything but letters and digits: for comparing headings with agenda item titles. */
export function compact(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Display width of a line: CJK characters count 2, others 1. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its pair
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0xd800 && c <= 0xdbff);
    w += wide ? 2 : 1;
  }
  return w;
}

export const HAN = /\p{Script=Han}/u;
const CJK_CHAR = '\\p{Script=Han}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65\\u2018\\u2019\\u201C\\u201D\\u2014\\u2026';
const CJK_SPACE_AFTER = new RegExp(`([${CJK_CHAR}])[ \\t]+(?=[${CJK_CHAR}\\dA-Za-z(\\[])`, 'gu');
const CJK_SPACE_BEFORE = new RegExp(`([\\dA-Za-z)\\].,;:%])[ \\t]+(?=[${CJK_CHAR}])`, 'gu');

/**
 * Inline normalization of a finished text: collapse runs of spaces; in Chinese, remove the spaces that PDF
 * extraction (and Chinese typesetting) put around numbers and latin words ("2016 年 10 月" → "2016年10月",
 * "第 18 条" → "第18条"), keeping spaces between latin words.
 */
export function normalizeInline(s: string, lang: UnLang): string {
  let t = s.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
  if (lang === 'zh') {
    t = t.replace(CJK_SPACE_AFTER, '$1').replace(CJK_SPACE_BEFORE, '$1');
  } else {
    t = t.replace(/\s+([,;:.)\]»])(?=\s|$)/g, (m, p: string) => (p === ':' || p === ';' ? m : p)).replace(/([([«])\s+/g, '$1');
  }
  return t;
}

const LATIN_OR_CYR_LOWER = /^[a-zà-öø-ÿāăąćčďđēėęěğīįıķĺľłńňōőœŕřśşšţťūůűųźżžа-яё]/u;
/** Second parts of hyphenated compounds that keep their hyphen when the word is split at the end of a line. */
const KEEP_HYPHEN = /^(?:участ|член|государств|правительств|sur-|dessus|de-|à-|la-|mêmes?|ci\b|là\b)/i;

/**
 * Joins the physical lines of one logical block. Chinese: without a space (except between two latin words);
 * other languages: with a space, removing end-of-line hyphenation ("infor-" + "mation"). A line ending in "/"
 * (a document symbol broken across lines) is joined without a space in every language.
 */
export function joinLines(lines: readonly string[], lang: UnLang): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    if (raw.startsWith('\n')) {
      // A forced break (a nested "(i)" item inside a sub-paragraph).
      out += '\n' + line;
      continue;
    }
    const last = out.slice(-1);
    const first = line[0] ?? '';
    if (last === '/' || (first === '/' && /[A-Za-z0-9]$/.test(out))) {
      out += line;
    } else if (lang === 'zh') {
      out += /[A-Za-z]/.test(last) && /[A-Za-z]/.test(first) ? ' ' + line : line;
    } else if (last === '-' && /\p{L}-$/u.test(out) && LATIN_OR_CYR_LOWER.test(line)) {
      // "infor-" + "mation": remove the hyphen; keep it in compounds ("государства-" + "участники").
      out = KEEP_HYPHEN.test(line) ? out + line : out.slice(0, -1) + line;
    } else {
      out += ' ' + line;
    }
  }
  return out;
}

/** True when a line ends a sentence (so that the next unnumbered line may start a new text block). */
export function endsSentence(s: string): boolean {
  return /[。！？!?.．;；]["”’»）)]*\s*$/u.test(s.trim()) || /[。]\s*[”’」』]?\s*$/u.test(s.trim());
}

/** Count of unclosed brackets/quotes in a line (Chinese and latin), to keep wrapped headings together. */
export function hasUnclosed(s: string): boolean {
  const pairs: [string, string][] = [['《', '》'], ['（', '）'], ['(', ')'], ['“', '”'], ['「', '」']];
  for (const [o, c] of pairs) {
    const no = s.split(o).length - 1;
    const nc = s.split(c).length - 1;
    if (no > nc) return true;
  }
  return false;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
