import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../web/api/client.ts';
import type { Lang } from '../../web/api/types.ts';
import type { SearchFacet } from './searchParams.ts';
import { useFormat, useLanguageName } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';
import { byCode, useInstruments } from '../../reference/ui/useInstruments.ts';

/** Names of States, regional groups and review clusters in the UI language, fetched once per language and shared. */

type NameMap = Map<string, string>;
const caches = { states: new Map<Lang, Promise<NameMap>>(), groups: new Map<Lang, Promise<NameMap>>(), clusters: new Map<Lang, Promise<NameMap>>() };

function cached(kind: keyof typeof caches, lang: Lang, load: () => Promise<NameMap>): Promise<NameMap> {
  const cache = caches[kind];
  let p = cache.get(lang);
  if (!p) {
    p = load();
    p.catch(() => cache.delete(lang));
    cache.set(lang, p);
  }
  return p;
}

const EMPTY: NameMap = new Map();

export function useStateNames(): NameMap {
  const lang = useLang();
  const r = useApi(() => cached('states', lang, () => ok(api.GET('/api/v1/states', { params: { query: { lang } } })).then((s) => new Map(s.items.map((x) => [x.iso3, x.name])))), [lang]);
  return r.data ?? EMPTY;
}

function useGroupNames(): NameMap {
  const lang = useLang();
  const r = useApi(() => cached('groups', lang, () => ok(api.GET('/api/v1/regional-groups', { params: { query: { lang } } })).then((r) => r.items).then((g) => new Map(g.map((x) => [x.code, x.name])))), [lang]);
  return r.data ?? EMPTY;
}

function useClusterNames(): NameMap {
  const lang = useLang();
  const r = useApi(() => cached('clusters', lang, () => ok(api.GET('/api/v1/clusters', { params: { query: { lang } } })).then((r) => r.items).then((c) => new Map(c.map((x) => [x.code, x.name])))), [lang]);
  return r.data ?? EMPTY;
}

/** Writing direction of a record's language, for its title and text. */
export function dirOf(lang: string | null | undefined): 'rtl' | 'ltr' {
  return lang && /^(ar|fa|he|ur|ps|dv|yi)(-|$)/.test(lang) ? 'rtl' : 'ltr';
}

/** A year as digits of the UI language, without a thousands separator ("2016", "٢٠١٦"). */
export function useYearFormat(): (y: number | string) => string {
  const lang = useLang();
  return useMemo(() => {
    const nf = new Intl.NumberFormat(lang, { useGrouping: false });
    return (y: number | string) => (/^\d+$/.test(String(y)) ? nf.format(Number(y)) : String(y));
  }, [lang]);
}

/** "UNTOC:18" / "UNTOC:18:13" as "Organized Crime Convention, art. 18 (para. 13)". */
export function useArticleLabel(): (ref: string) => string {
  const { t } = useTranslation();
  const f = useFormat();
  const instruments = byCode(useInstruments().data);
  return (ref: string) => {
    const [code = '', article, paragraph] = ref.split(':');
    const instrument = instruments.get(code)?.shortName ?? code;
    if (!article) return instrument;
    return paragraph
      ? t('knowledge.ref.articleParagraph', { instrument, article: f.number(Number(article)), paragraph: f.number(Number(paragraph)) })
      : t('knowledge.ref.article', { instrument, article: f.number(Number(article)) });
  };
}

/** The label of any facet value, in the UI language. */
export function useFacetLabel(): (facet: SearchFacet, value: string) => string {
  const { t } = useTranslation();
  const states = useStateNames();
  const groups = useGroupNames();
  const clusters = useClusterNames();
  const instruments = byCode(useInstruments().data);
  const languageName = useLanguageName();
  const article = useArticleLabel();
  const year = useYearFormat();
  return (facet, value) => {
    switch (facet) {
      case 'type':
        return t(`knowledge.types.${value}`, { defaultValue: value });
      case 'state':
        return states.get(value) ?? value;
      case 'group':
        return groups.get(value) ?? value;
      case 'instrument':
        return instruments.get(value)?.shortName ?? value;
      case 'article':
        return article(value);
      case 'cluster':
        return clusters.get(value) ?? value;
      case 'crime':
        return t(`knowledge.crimes.${value}`, { defaultValue: value });
      case 'year':
        return year(value);
      case 'lang':
        return languageName(value);
      case 'access':
        return t(`knowledge.access.${value}`, { defaultValue: value });
    }
  };
}
