/** The six official UN languages, in the UN's own (alphabetical in English) order. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const RTL_LANGUAGES: ReadonlySet<Language> = new Set(['ar']);

export type Localized = Partial<Record<Language, string>>;

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The text in `lang`, else English, else any language we have: a record is never shown empty. */
export function pick(text: Localized | null | undefined, lang: Language): string | null {
  if (!text) return null;
  return text[lang] ?? text.en ?? Object.values(text).find((v) => typeof v === 'string' && v !== '') ?? null;
}
