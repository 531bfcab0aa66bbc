import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import { ErrorMessage } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useFormat } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';
import { filtersFromParams, hasFilters, type FilterKey } from './stateFilters.ts';
import { StateFiltersForm } from './StateFiltersForm.tsx';
import { StatesTable } from './StatesTable.tsx';
import { StatusLegend } from './StatusBadge.tsx';
import { byCode, useInstruments } from './useInstruments.ts';

/** /states: every State (and the other entities) with filters kept in the address, so a filtered list can be shared. */
export function StatesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const key = JSON.stringify(filters);
  const res = useApi((signal) => ok(api.GET('/api/v1/states', { params: { query: { ...filters, lang } }, signal })), [key, lang]);
  const groups = useApi((signal) => ok(api.GET('/api/v1/regional-groups', { params: { query: { lang } }, signal })).then((r) => r.items), [lang]);
  const instruments = useInstruments();
  const instrumentList = instruments.data ?? [];
  usePageTitle(t('states.title'));

  const onChange = useCallback(
    (k: FilterKey, value: string, replace = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(k, value);
          else next.delete(k);
          if (k === 'party' && !value) next.delete('status');
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  const sorted = useMemo(() => (res.data ? [...res.data.items].sort((a, b) => f.compare(a.name, b.name)) : []), [res.data, f]);
  const unknown = res.data?.unknownStatus;
  const partyName = filters.party ? (byCode(instrumentList).get(filters.party)?.shortName ?? filters.party) : '';

  return (
    <>
      <h1>{t('states.title')}</h1>
      <p>{t('states.intro')}</p>
      <StateFiltersForm filters={filters} groups={groups.data ?? []} instruments={instrumentList} onChange={onChange} />
      {groups.status === 'error' && <ErrorMessage error={groups.error} onRetry={groups.reload} />}
      {instruments.status === 'error' && <ErrorMessage error={instruments.error} onRetry={instruments.reload} />}

      <p className="result-count" role="status" aria-live="polite" data-testid="result-count">
        {res.status === 'loading'
          ? t('common.loading')
          : res.status === 'ok'
            ? hasFilters(filters)
              ? t('states.countFiltered', { count: res.data.total })
              : t('states.count', { count: res.data.total })
            : ''}
      </p>

      {unknown && unknown.count > 0 && filters.status !== 'unknown' && (
        <p className="notice notice-unknown" data-testid="unknown-status-note">
          {t('states.unknownNotListed', { count: unknown.count, instrument: partyName })}
        </p>
      )}

      {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.data && res.data.total === 0 && <p className="notice">{t('states.none')}</p>}
      {res.data && res.data.total > 0 && (
        <>
          <details className="help">
            <summary>{t('states.legendTitle')}</summary>
            <StatusLegend />
            <ul className="legend">
              {instrumentList.map((i) => (
                <li key={i.code}>
                  <code>{i.code}</code> {i.shortName}
                </li>
              ))}
            </ul>
          </details>
          <StatesTable states={sorted} instruments={instrumentList} busy={res.status === 'loading'} />
        </>
      )}
    </>
  );
}
