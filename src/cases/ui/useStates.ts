import { useCallback, useMemo } from 'react';
import { api, ok } from '../../web/api/client.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';

/** The States in the UI language (GET /api/v1/states), with a name look-up by ISO3 code. */
export function useStates() {
  const lang = useLang();
  const states = useApi((signal) => ok(api.GET('/api/v1/states', { params: { query: { lang } }, signal })), [lang]);
  const list = useMemo(() => states.data?.items ?? [], [states.data]);
  const stateName = useCallback((iso3: string | null | undefined) => (iso3 ? (list.find((s) => s.iso3 === iso3)?.name ?? iso3) : ''), [list]);
  return { list, stateName, status: states.status };
}
