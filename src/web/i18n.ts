import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from './api/types.ts';
import type { UiManifest } from './manifest.ts';
import ar from './locales/ar.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };

/** The six official UN languages, in the UN's order, each named in itself. */
export const LANGUAGES: readonly { code: Lang; name: string }[] = [
  { code: 'ar', name: 'العربية' },
  { code: 'zh', name: '中文' },
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'ru', name: 'Русский' },
  { code: 'es', name: 'Español' },
];

/**
 * Each module may keep its own strings in src/<module>/ui/locales/<lang>.json, handed over in its UI manifest;
 * they are merged under the module's name (t('directory.…')), so a module's texts live beside its pages.
 */
function withModules(lang: Lang, base: Record<string, unknown>, modules: readonly Pick<UiManifest, 'name' | 'locales'>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const m of modules) {
    const bundle = m.locales?.[lang];
    if (bundle) merged[m.name] = bundle;
  }
  return merged;
}

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
  await i18n.changeLanguage(lang);
}

export function initI18n(modules: readonly Pick<UiManifest, 'name' | 'locales'>[] = []): typeof i18n {
  const lng = initialLanguage();
  i18n.on('languageChanged', (l) => {
    if (isLang(l)) applyToDocument(l);
  });
  void i18n.use(initReactI18next).init({
    resources: {
      ar: { translation: withModules('ar', ar, modules) },
      zh: { translation: withModules('zh', zh, modules) },
      en: { translation: withModules('en', en, modules) },
      fr: { translation: withModules('fr', fr, modules) },
      ru: { translation: withModules('ru', ru, modules) },
      es: { translation: withModules('es', es, modules) },
    },
    lng,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES.map((l) => l.code),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
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
