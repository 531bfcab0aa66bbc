import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../web/api/client.ts';
import { useFormat } from '../../../web/format.ts';
import { useLang } from '../../../web/i18n.ts';
import { useApi } from '../../../web/useApi.ts';
import { DIMENSION_CODES, type Dimension } from './dimensions.ts';

/** The States and the regional groups, named in the UI language (for labels and the filters' selects). */
export function useReferenceNames() {
  const lang = useLang();
  const states = useApi((signal) => ok(api.GET('/api/v1/states', { params: { query: { lang } }, signal })), [lang]);
  const groups = useApi((signal) => ok(api.GET('/api/v1/regional-groups', { params: { query: { lang } }, signal })), [lang]);
  return useMemo(() => {
    const stateList = (states.data?.items ?? []).map((s) => ({ code: s.iso3, name: s.name, group: s.regionalGroup?.code ?? null }));
    const groupList = (groups.data?.items ?? []).map((g) => ({ code: g.code, name: g.name }));
    const stateNames = new Map(stateList.map((s) => [s.code, s.name]));
    const groupNames = new Map(groupList.map((g) => [g.code, g.name]));
    return {
      states: stateList,
      groups: groupList,
      stateName: (iso3: string) => stateNames.get(iso3) ?? iso3,
      groupName: (code: string) => groupNames.get(code) ?? code,
    };
  }, [states.data, groups.data]);
}
export type ReferenceNames = ReturnType<typeof useReferenceNames>;

/** i18n key of a coded value's label (under caseStats.values). */
const valueKey = (dim: keyof typeof DIMENSION_CODES, code: string) => `caseStats.values.${dim}.${code}`;

/**
 * The label of one value of a dimension, in the UI language: vocabulary codes from the locale files, States and
 * groups by name, months and years as the language writes them. A null value is "none" (an open case has no
 * outcome yet, a State may have no regional group).
 */
export function useValueLabel(ref: ReferenceNames) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const month = useMemo(() => new Intl.DateTimeFormat(f.lang, { year: 'numeric', month: 'short', timeZone: 'UTC' }), [f.lang]);
  return useCallback(
    (dim: Dimension, value: string | null | undefined): string => {
      if (value === null || value === undefined || value === '') return t(dim === 'outcome' ? 'caseStats.values.open' : 'caseStats.values.none');
      switch (dim) {
        case 'counterpart':
          return ref.stateName(value);
        case 'regional-group':
          return ref.groupName(value);
        case 'month': {
          const d = new Date(`${value.slice(0, 7)}-01T00:00:00Z`);
          return Number.isNaN(d.getTime()) ? value : month.format(d);
        }
        case 'year':
          return /^\d{4}$/.test(value) ? new Intl.NumberFormat(f.lang, { useGrouping: false }).format(Number(value)) : value;
        default: {
          const key = valueKey(dim, value);
          // a code this release does not know (a newer vocabulary) shows as itself rather than as a raw key
          return i18n.exists(key) ? t(key) : value;
        }
      }
    },
    [t, i18n, ref, month, f.lang],
  );
}

/** Label of a group's key(s): "MLA · Convention" for two dimensions. */
export function useGroupLabel(ref: ReferenceNames) {
  const label = useValueLabel(ref);
  return useCallback((by: readonly Dimension[], keys: Record<string, string | null>) => by.map((d) => label(d, keys[d])).join(' · '), [label]);
}
