import { useCallback, useMemo } from 'react';
import { api, ok } from '../../web/api/client.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';
import type { RequestKind } from '../../reference/measures.ts';
import type { WizardInfo } from './WizardContext.tsx';

/** The States list in the UI language, with a name look-up. */
export function useStates() {
  const lang = useLang();
  const states = useApi((signal) => ok(api.GET('/api/v1/states', { params: { query: { lang } }, signal })), [lang]);
  const list = useMemo(() => states.data?.items ?? [], [states.data]);
  const stateName = useCallback((iso3: string | null | undefined) => (iso3 ? (list.find((s) => s.iso3 === iso3)?.name ?? iso3) : ''), [list]);
  return { list, stateName };
}

/** The directory's answer for the pair of States and the kind of request (null before a requested State). */
export function useRoute(from: string, to: string | null, kind: RequestKind): WizardInfo['route'] {
  const lang = useLang();
  const route = useApi((signal) => (to ? ok(api.GET('/api/v1/directory/route', { params: { query: { from, to, kind, lang } }, signal })) : Promise.resolve(null)), [from, to, kind, lang]);
  // an answer for the State chosen before is no answer for this one
  if (!to) return null;
  if (route.status === 'error') return route;
  if (route.data && route.data.query.to === to) return { status: route.status, data: route.data, reload: route.reload };
  return { status: 'loading', reload: route.reload };
}
