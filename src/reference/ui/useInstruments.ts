import { api, type Instrument, type Lang } from '../../web/api.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';

const cache = new Map<Lang, Promise<Instrument[]>>();

function load(lang: Lang): Promise<Instrument[]> {
  let p = cache.get(lang);
  if (!p) {
    p = api.instruments(lang);
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
