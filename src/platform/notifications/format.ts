import { RTL_LANGUAGES, type Language } from '../i18n/languages.ts';

/**
 * Numbers, dates, plurals and embedded names as one language writes them, for message templates (the
 * server's counterpart of `web/format.ts`).
 */
export interface Formatter {
  lang: Language;
  number(n: number): string;
  /** An ISO date or timestamp as the language writes it (the text itself if it is not a date). */
  date(iso: string | Date | null | undefined): string;
  /** The plural category of `n` in this language (one, two, few, many, other…). */
  plural(n: number): Intl.LDMLPluralRule;
  /**
   * A name or reference set into a sentence ("FRA-2026-0001", a search's name): between Unicode directional
   * isolates where directions may mix (an Arabic message, or a right-to-left name), so it keeps its own order
   * and does not pull neighbouring numbers or punctuation into it.
   */
  ref(text: string): string;
}

const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
export const isolate = (text: string): string => `\u2068${text}\u2069`;

const cache = new Map<Language, Formatter>();

export function formatterFor(lang: Language): Formatter {
  const hit = cache.get(lang);
  if (hit) return hit;
  const num = new Intl.NumberFormat(lang);
  const dates = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const plurals = new Intl.PluralRules(lang);
  const rtl = RTL_LANGUAGES.has(lang);
  const f: Formatter = {
    lang,
    number: (n) => num.format(n),
    date: (v) => {
      if (!v) return '';
      const d = v instanceof Date ? v : new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
      return Number.isNaN(d.getTime()) ? String(v) : dates.format(d);
    },
    plural: (n) => plurals.select(n),
    ref: (text) => (rtl || RTL_CHARS.test(text) ? isolate(text) : text),
  };
  cache.set(lang, f);
  return f;
}
