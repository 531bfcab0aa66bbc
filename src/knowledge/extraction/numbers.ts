/**
 * Numerals and the "shadow" text.
 *
 * Every matcher runs on a shadow of the input that has exactly the same length, so that an index into the
 * shadow is an index into the input (UTF-16 offsets are never remapped). The shadow is lower-cased (where
 * that keeps one code unit per code unit), has full-width ASCII, Arabic-Indic and Persian digits folded to
 * ASCII, odd spaces to " ", dashes to "-", curly apostrophes to "'", Arabic alef variants to bare alef and
 * Russian ё to е.
 */

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may make up a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/**
 * Value of a Chinese numeral ("十八" → 18, "三十二" → 32, "一百" → 100, "二百二十二" → 222, "一〇" → 10);
 * whitespace inside is ignored (PDF extraction breaks lines anywhere). null when not a numeral.
 */
export function parseChineseNumeral(raw: string): number | null {
  const s = raw.replace(/\s+/g, '');
  if (!s) return null;
  // Digit-by-digit form without units ("一九八八", "二〇一六").
  if (!/[十百千]/.test(s)) {
    let v = 0;
    for (const ch of s) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const u = CN_UNITS[ch];
    if (u === undefined) return null;
    total += (digit ?? 1) * u;
    digit = null;
  }
  if (digit !== null) total += digit;
  return total;
}

/** Parses ASCII, full-width or Arabic-Indic digits, or a Chinese numeral; whitespace inside is ignored. */
export function parseNumber(raw: string): number | null {
  const s = foldDigits(raw).replace(/\s+/g, '');
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseNumeral(s);
}

/** Folds full-width, Arabic-Indic (U+0660…) and Persian (U+06F0…) digits to ASCII; same length. */
export function foldDigits(s: string): string {
  return s.replace(/[\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9]/g, (c) => {
    const cp = c.charCodeAt(0);
    if (cp >= 0xff10) return String.fromCharCode(cp - 0xff10 + 48);
    if (cp >= 0x06f0) return String.fromCharCode(cp - 0x06f0 + 48);
    return String.fromCharCode(cp - 0x0660 + 48);
  });
}

function foldChar(c: string): string {
  const cp = c.charCodeAt(0);
  if (cp < 0x80) return c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  if (cp >= 0xff10 && cp <= 0xff19) return String.fromCharCode(cp - 0xff10 + 48);
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(cp - 0x0660 + 48);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(cp - 0x06f0 + 48);
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xff01 + 0x21).toLowerCase();
  switch (c) {
    case '\u00A0': case '\u2000': case '\u2001': case '\u2002': case '\u2003': case '\u2004': case '\u2005':
    case '\u2006': case '\u2007': case '\u2008': case '\u2009': case '\u200A': case '\u200B': case '\u202F':
    case '\u205F': case '\u3000': case '\uFEFF': case '\u00AD':
      return ' ';
    case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015': case '\u2212':
      return '-';
    case '\u2018': case '\u2019': case '\u02BC': case '\u2032':
      return "'";
    case '\u3001': // 、 stays: it is a list separator in Chinese
      return c;
    case 'أ': case 'إ': case 'آ': case 'ٱ':
      return 'ا';
    case 'ё': case 'Ё':
      return 'е';
    default: {
      const l = c.toLowerCase();
      return l.length === 1 ? l : c;
    }
  }
}

let TABLE: Uint16Array | null = null;
/** foldChar for every UTF-16 code unit, computed once. */
export function foldTable(): Uint16Array {
  if (TABLE) return TABLE;
  const t = new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) {
    const f = i >= 0xd800 && i <= 0xdfff ? String.fromCharCode(i) : foldChar(String.fromCharCode(i));
    t[i] = f.length === 1 ? f.charCodeAt(0) : i;
  }
  TABLE = t;
  return t;
}

/** The shadow of a text: same length, index for index; see the module comment. */
export function shadow(text: string): string {
  const t = foldTable();
  const n = text.length;
  const buf = new Uint16Array(n);
  for (let i = 0; i < n; i++) buf[i] = t[text.charCodeAt(i)]!;
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, buf.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

const ARABIC_LETTERS: Record<string, string> = {
  ا: 'a', أ: 'a', ب: 'b', ج: 'c', د: 'd', ه: 'e', هـ: 'e', و: 'f', ز: 'g', ح: 'h', ط: 'i', ي: 'j', ك: 'k', ل: 'l', م: 'm', ن: 'n',
};
const CYRILLIC_LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'c', г: 'd', д: 'e', е: 'f', ж: 'g', з: 'h', и: 'i', к: 'j', л: 'k', м: 'l', н: 'm',
  // Latin look-alikes typed in Cyrillic that are not early in the Cyrillic order.
  с: 'c',
};

/**
 * A sub-paragraph letter in any script as a lowercase latin letter: Latin as is, Arabic by abjad order
 * (أ→a, ب→b, ج→c, د→d …), Cyrillic by alphabet order (а→a, б→b, в→c …). null when not a letter.
 */
export function subparagraphLetter(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (/^[a-z]$/.test(s)) return s;
  const a = ARABIC_LETTERS[s];
  if (a) return a;
  const c = CYRILLIC_LETTERS[s];
  if (c) return c;
  return null;
}
