import type { Language } from '../i18n/languages.ts';

/**
 * Direction and language of a piece of text, read from the text itself, so that an account number, an
 * IBAN or a French sentence keeps its order and its hyphenation inside an Arabic or Chinese document.
 *
 * Direction: the Unicode bidi algorithm's rule for a paragraph (P2): the first strong character decides.
 * Letters of the right-to-left scripts (bidi classes R and AL) make it right-to-left; any other letter
 * (Latin, Cyrillic, Han: class L) left-to-right; digits, punctuation and spaces are weak or neutral and do
 * not count, so a value with no letter (account number, phone, date) has no direction of its own and
 * is set left-to-right, in the order it was typed.
 */
export type Direction = 'ltr' | 'rtl';

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;
const LRM = '\u200E';
const RLM = '\u200F';

/** The direction of the first strong character, or null when there is none (numbers, punctuation). */
export function directionOf(text: string): Direction | null {
  for (const ch of text) {
    if (ch === LRM) return 'ltr';
    if (ch === RLM) return 'rtl';
    if (LETTER.test(ch)) return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
  }
  return null;
}

/**
 * Unicode directional isolates (LRI/RLI … PDI): the text between them is laid out as one block in its own
 * direction, and the paragraph around sees it as one neutral character. They are written as runs of their
 * own, never inside the drafter's run, so the drafter's text stays byte for byte as typed.
 */
export const ISOLATE = { ltr: '\u2066', rtl: '\u2067', end: '\u2069' } as const;

/** BCP 47 tags as Word writes them in w:lang. */
export const TAG: Record<Language, string> = { ar: 'ar-SA', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };
const LATIN_SCRIPT: ReadonlySet<Language> = new Set(['en', 'fr', 'es']);

/**
 * The tag for Latin letters (and for text with no letters at all): the first of `candidates` written in
 * Latin script (the drafter's declared language, then the document's), else English. A Chinese or Arabic
 * tag on Latin words makes LibreOffice and Word break and hyphenate them as if they were Chinese or Arabic.
 */
export function latinTag(...candidates: Array<Language | null | undefined>): string {
  const l = candidates.find((c): c is Language => !!c && LATIN_SCRIPT.has(c));
  return l ? TAG[l] : TAG.en;
}

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /[\p{Script=Han}\p{Script=Bopomofo}]/u;
const ARABIC = /\p{Script=Arabic}/u;

/**
 * The w:lang w:val of a run: the language of its Latin or Cyrillic letters (the ones that slot governs),
 * else of its Chinese or Arabic letters, else — numbers and punctuation only — `latin`. The East Asian and
 * complex-script slots (w:eastAsia, w:bidi) stay zh-CN and ar-SA on every run, so a run mixing scripts
 * still has each script tagged.
 */
export function languageOf(text: string, latin: string): string {
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    if (LATIN.test(ch)) return latin;
    if (CYRILLIC.test(ch)) return TAG.ru;
  }
  if (HAN.test(text)) return TAG.zh;
  if (ARABIC.test(text)) return TAG.ar;
  return latin;
}
