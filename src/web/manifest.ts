import { lazy, type ComponentType, type ExoticComponent, type FunctionComponent } from 'react';
import type { Lang, SessionUser } from './api/types.ts';

/**
 * What a module contributes to the web UI. The shell (src/platform/ui) and the reference pages know modules only
 * through this shape; src/app/web.tsx lists the manifests, so a new module touches src/app and its own folder.
 */
export interface UiManifest {
  /** The module's folder name; its locale files are merged under this key (t('directory.…')). */
  name: string;
  /** Pages under the shell, by path relative to the site root ("search", "directory/*"); lazy, so each loads when first visited. */
  routes?: readonly UiRoute[];
  /** Links in the main navigation and the footer. */
  nav?: readonly NavEntry[];
  /** The cards of the home page's "sections" list. */
  homeCards?: readonly HomeCard[];
  /** Sections the module adds to pages it does not own. */
  slots?: SlotFills;
  /** The module's texts per language (from `./locales/*.json`, see localesFrom). */
  locales?: LocaleBundles;
}

export interface UiRoute {
  path: string;
  page: ComponentType;
}

/** Who is looking: the logged-in user, or null for the public. */
export type Viewer = SessionUser | null;

export interface NavEntry {
  /** The link's text, an i18n key. */
  label: string;
  to: string;
  /** Position among all modules' entries (lower first); the home link is always first. */
  order: number;
  /** Where the link goes: the main navigation (default) or the footer. */
  place?: 'main' | 'footer';
  /** Who sees the link; everybody when absent. This hides a link, it protects nothing: the API checks every call. */
  visible?: (viewer: Viewer) => boolean;
  testId?: string;
  /** A link that renders itself (e.g. with a count of unread messages) instead of label and `to`. */
  component?: ComponentType;
}

export interface HomeCard {
  to: string;
  /** i18n keys of the card's title and text. */
  title: string;
  text: string;
  order: number;
}

/** The page slots modules may fill, with the props each filling component receives. */
export interface SlotProps {
  /** The home page, above the list of sections (a search box). */
  'home.top': Record<string, never>;
  /** The home page, below the list of sections (what is new). */
  'home.bottom': Record<string, never>;
  /** A State's profile page (reference), after its party status. */
  'state.sections': { iso3: string; name: string };
  /** An article's page (reference), after its facts. */
  'article.sections': { instrument: string; article: number };
  /** The inbox (platform), below the notices (the knowledge portal's saved searches). */
  'inbox.sections': Record<string, never>;
}
export type SlotName = keyof SlotProps;

export interface SlotFill<K extends SlotName> {
  /** A function or lazy component (a class component would have to take exactly the slot's props). */
  component: FunctionComponent<SlotProps[K]> | ExoticComponent<SlotProps[K]>;
  /** Position among all modules' fills of this slot (lower first). */
  order: number;
}
export type SlotFills = { [K in SlotName]?: readonly SlotFill<K>[] };

export type LocaleBundles = Partial<Record<Lang, () => Promise<Record<string, unknown>>>>;

/**
 * A page loaded on first use: `lazyPage(() => import('./SearchPage.tsx'), 'SearchPage')`. Pages keep their named
 * exports; this picks the component out of the loaded file.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): ExoticComponent<PropsOf<M[K]>> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<PropsOf<M[K]>> }));
}
type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

/**
 * The loaders of `import.meta.glob('./locales/*.json', { import: 'default' })`, by language: each language's texts
 * are a file of their own, fetched only when the UI is shown in that language (i18n.ts).
 */
export function localesFrom(files: Record<string, () => Promise<Record<string, unknown>>>): LocaleBundles {
  const out: LocaleBundles = {};
  for (const [file, bundle] of Object.entries(files)) {
    const lang = /([a-z]{2})\.json$/.exec(file)?.[1];
    if (lang) out[lang as Lang] = bundle;
  }
  return out;
}
