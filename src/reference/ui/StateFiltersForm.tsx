import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Instrument, RegionalGroup } from '../../web/api/types.ts';
import type { StateFilters } from './stateFilters.ts';
import { LEGAL_FAMILIES } from './legalSystem.ts';
import { STATUSES, type FilterKey } from './stateFilters.ts';

interface Props {
  filters: StateFilters;
  groups: RegionalGroup[];
  instruments: Instrument[];
  onChange: (key: FilterKey, value: string, replace?: boolean) => void;
}

/** Regional group, party to an instrument (and status), legal family and name search; the page keeps them in the address. */
export function StateFiltersForm({ filters, groups, instruments, onChange }: Props) {
  const { t } = useTranslation();
  const urlQ = filters.q ?? '';
  const [q, setQ] = useState(urlQ);

  // the address changed by itself (back button, a shared link): show its search text
  useEffect(() => {
    setQ((current) => (current.trim() === urlQ ? current : urlQ));
  }, [urlQ]);

  // typing: update the address once the user pauses
  useEffect(() => {
    if (q.trim() === urlQ) return;
    const id = window.setTimeout(() => onChange('q', q.trim(), true), 350);
    return () => window.clearTimeout(id);
  }, [q, urlQ, onChange]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim() !== urlQ) onChange('q', q.trim(), true);
  };

  const active = Object.values(filters).some((v) => v !== undefined);

  return (
    <form className="filters" role="search" aria-label={t('states.filters')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="filter-q">{t('states.filterQ')}</label>
        <input id="filter-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor="filter-group">{t('states.filterGroup')}</label>
        <select id="filter-group" value={filters.group ?? ''} onChange={(e) => onChange('group', e.target.value)}>
          <option value="">{t('states.allGroups')}</option>
          {groups.map((g) => (
            <option key={g.code} value={g.code}>
              {g.name}
            </option>
          ))}
          <option value="none">{t('states.noGroup')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-party">{t('states.filterParty')}</label>
        <select id="filter-party" value={filters.party ?? ''} onChange={(e) => onChange('party', e.target.value)}>
          <option value="">{t('states.anyInstrument')}</option>
          {instruments.map((i) => (
            <option key={i.code} value={i.code}>
              {i.shortName}
            </option>
          ))}
        </select>
      </div>
      {filters.party && (
        <div className="field">
          <label htmlFor="filter-status">{t('states.filterStatus')}</label>
          <select id="filter-status" value={filters.status ?? 'party'} onChange={(e) => onChange('status', e.target.value === 'party' ? '' : e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="filter-legal">{t('states.filterLegal')}</label>
        <select id="filter-legal" value={filters.legal ?? ''} onChange={(e) => onChange('legal', e.target.value)} aria-describedby="filter-legal-help">
          <option value="">{t('states.anyLegal')}</option>
          {LEGAL_FAMILIES.map((f) => (
            <option key={f} value={f}>
              {t(`legal.family.${f}`)}
            </option>
          ))}
        </select>
        <span id="filter-legal-help" className="visually-hidden">
          {t('states.legalHelp')}
        </span>
      </div>
      <div className="filters-actions">
        {active && (
          <Link className="button button-secondary" to="/states" data-testid="clear-filters">
            {t('states.clearFilters')}
          </Link>
        )}
      </div>
    </form>
  );
}
