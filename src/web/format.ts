import { useMemo } from 'react';
import { useLang } from './i18n.ts';

/**
 * A value set into a translated sentence (a name, a reference, a digest) between Unicode directional isolates
 * (FSI … PDI): in an Arabic sentence a Latin name or "FRA-2026-0001" keeps its own order and does not pull
 * the neighbouring date or punctuation into it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** Number and date formatting for the current UI language (Intl). */
export function useFormat() {
  const lang = useLang();
  return useMemo(() => {
    const num = new Intl.NumberFormat(lang);
    const date = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    const collator = new Intl.Collator(lang, { sensitivity: 'base' });
    return {
      lang,
      number: (n: number) => num.format(n),
      /** An ISO date (YYYY-MM-DD) as the language writes it; the raw text if it is not a date. */
      date: (iso: string | null | undefined): string | null => {
        if (!iso) return null;
        const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
        return Number.isNaN(d.getTime()) ? iso : date.format(d);
      },
      compare: (a: string, b: string) => collator.compare(a, b),
    };
  }, [lang]);
}

/** A language's name in the UI language ("Chinese", "中文", "китайский"); the code itself when Intl does not know it. */
export function useLanguageName(): (code: string) => string {
  const lang = useLang();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([lang], { type: 'language' });
    } catch {
      names = null;
    }
    return (code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [lang]);
}
