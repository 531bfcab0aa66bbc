import { api, ok } from '../../web/api/client.ts';
import type { Instrument, Lang } from '../../web/api/types.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';

const cache = new Map<Lang, Promise<Instrument[]>>();

function load(lang: Lang): Promise<Instrument[]> {
  let p = cache.get(lang);
  if (!p) {
    p = ok(api.GET('/api/v1/instruments', { params: { query: { lang } } })).then((r) => r.items);
    p.catch(() => cache.delete(lang));
    cache.set(lang, p);
  }
  return p;
}

/** The instruments in the current language, fetched once per language and shared by the pages. */
export function useInstruments() {
  const lang = useLang();
  return useApi(() => load(lang), [lang]);
}

export function byCode(list: Instrument[] | undefined): Map<string, Instrument> {
  return new Map((list ?? []).map((i) => [i.code, i]));
}
