import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from './api/types.ts';
import type { UiManifest } from './manifest.ts';
import { localesFrom } from './manifest.ts';

/**
 * The platform's texts, one file per language fetched when the UI is shown in it: the six languages' texts of
 * every module together were 850 KB of the first visit's script, of which a reader uses one sixth.
 */
const PLATFORM_LOCALES = localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' }));

/** The six official UN languages, in the UN's order, each named in itself. */
export const LANGUAGES: readonly { code: Lang; name: string }[] = [
  { code: 'ar', name: 'العربية' },
  { code: 'zh', name: '中文' },
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'ru', name: 'Русский' },
  { code: 'es', name: 'Español' },
];

type LocaleModules = readonly Pick<UiManifest, 'name' | 'locales'>[];

/**
 * Each module may keep its own strings in src/<module>/ui/locales/<lang>.json, handed over in its UI manifest;
 * they are merged under the module's name (t('directory.…')), so a module's texts live beside its pages. Loads
 * one language's texts, the platform's and every module's at once, into i18next (once per language).
 */
async function loadLanguage(lang: Lang, modules: LocaleModules): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  const [base, ...own] = await Promise.all([PLATFORM_LOCALES[lang]!(), ...modules.map((m) => m.locales?.[lang]?.() ?? Promise.resolve(null))]);
  const merged: Record<string, unknown> = { ...base };
  modules.forEach((m, i) => {
    if (own[i]) merged[m.name] = own[i];
  });
  i18n.addResourceBundle(lang, 'translation', merged, true, true);
}

let loadedModules: LocaleModules = [];

export const STORAGE_KEY = 'palermo.lang';

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && LANGUAGES.some((l) => l.code === v);
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** ?lang= in the address, else the saved choice, else the browser's first UN language, else English. */
export function initialLanguage(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  const saved = stored();
  if (isLang(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = i18n.dir(lang) === 'rtl' || lang === 'ar' ? 'rtl' : 'ltr';
}

/** Switch the UI language: the texts, <html lang/dir>, and the saved choice. */
export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  // the new language's texts first, so that the page never shows keys while they arrive
  await loadLanguage(lang, loadedModules);
  await i18n.changeLanguage(lang);
}

/** i18next with the reader's language's texts loaded (the other languages load when chosen). */
export async function initI18n(modules: LocaleModules = []): Promise<typeof i18n> {
  const lng = initialLanguage();
  loadedModules = modules;
  i18n.on('languageChanged', (l) => {
    if (isLang(l)) applyToDocument(l);
  });
  await i18n.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng,
    // Every text exists in the six languages (src/web/locales.test.ts), so no other language is loaded as a fallback.
    fallbackLng: false,
    supportedLngs: LANGUAGES.map((l) => l.code),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  await loadLanguage(lng, modules);
  await i18n.changeLanguage(lng);
  applyToDocument(lng);
  if (lng !== stored() && new URLSearchParams(window.location.search).has('lang')) void setLanguage(lng);
  return i18n;
}

/** The current UI language (one of the six), for API calls and Intl. */
export function useLang(): Lang {
  const { i18n: inst } = useTranslation();
  const l = inst.resolvedLanguage ?? inst.language;
  return isLang(l) ? l : 'en';
}

// Start fetching the reader's texts (one file per language, with every module's) as soon as this module runs,
// while the rest of the UI's code is still being evaluated; initI18n then finds them loaded or on their way.
if (typeof window !== 'undefined') void PLATFORM_LOCALES[initialLanguage()]?.();
