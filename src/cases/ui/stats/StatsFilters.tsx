import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../web/format.ts';
import { DIMENSIONS, FILTER_CODES, FILTER_DIMENSION, FILTERS, type Dimension, type FilterName, type Filters } from './dimensions.ts';
import type { ReferenceNames } from './labels.ts';
import { useValueLabel } from './labels.ts';

interface Props {
  filters: Filters;
  by: Dimension[];
  names: ReferenceNames;
  onApply: (filters: Filters, by: Dimension[]) => void;
}

/**
 * The filters (period, direction, kind, counterpart State, regional group, form of assistance, legal basis, crime
 * type, outcome) and the grouping (one or two dimensions). Applied together with one button, so the figures are
 * not recomputed at every keystroke of a date.
 */
export function StatsFilters({ filters, by, names, onApply }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useValueLabel(names);
  const [draft, setDraft] = useState<Filters>(filters);
  const [by1, setBy1] = useState<Dimension>(by[0] ?? 'kind');
  const [by2, setBy2] = useState<Dimension | ''>(by[1] ?? '');
  const set = (name: FilterName, value: string) => setDraft((d) => ({ ...d, [name]: value || undefined }));

  const options = (name: FilterName): { code: string; label: string }[] => {
    if (name === 'counterpart') return names.states.map((s) => ({ code: s.code, label: s.name })).sort((a, b) => f.compare(a.label, b.label));
    if (name === 'regionalGroup') return names.groups.map((g) => ({ code: g.code, label: g.name }));
    const dim = FILTER_DIMENSION[name as keyof typeof FILTER_DIMENSION];
    const list = (FILTER_CODES[name] ?? []).map((code) => ({ code, label: label(dim, code) }));
    // long vocabularies read best in alphabetical order; short ones keep the vocabulary's own order
    return list.length > 8 ? list.sort((a, b) => f.compare(a.label, b.label)) : list;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft, by2 && by2 !== by1 ? [by1, by2] : [by1]);
  };
  const clear = () => {
    setDraft({});
    setBy1('kind');
    setBy2('');
    onApply({}, ['kind']);
  };

  return (
    <form className="filters stats-filters" onSubmit={submit} aria-labelledby="stats-filters-title" data-testid="stats-filters">
      <h2 id="stats-filters-title" className="visually-hidden">
        {t('caseStats.filters.title')}
      </h2>
      {FILTERS.map((name) =>
        name === 'from' || name === 'to' ? (
          <div className="field" key={name}>
            <label htmlFor={`stats-${name}`}>{t(`caseStats.filters.${name}`)}</label>
            <input id={`stats-${name}`} type="date" value={draft[name] ?? ''} onChange={(e) => set(name, e.target.value)} data-testid={`filter-${name}`} />
          </div>
        ) : (
          <div className="field" key={name}>
            <label htmlFor={`stats-${name}`}>{t(`caseStats.filters.${name}`)}</label>
            <select id={`stats-${name}`} value={draft[name] ?? ''} onChange={(e) => set(name, e.target.value)} data-testid={`filter-${name}`}>
              <option value="">{t('caseStats.filters.any')}</option>
              {options(name).map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ),
      )}
      <div className="field">
        <label htmlFor="stats-by1">{t('caseStats.filters.by')}</label>
        <select id="stats-by1" value={by1} onChange={(e) => setBy1(e.target.value as Dimension)} data-testid="group-by-1">
          {DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {t(`caseStats.dimensions.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="stats-by2">{t('caseStats.filters.thenBy')}</label>
        <select id="stats-by2" value={by2} onChange={(e) => setBy2(e.target.value as Dimension | '')} data-testid="group-by-2">
          <option value="">{t('caseStats.filters.noSecond')}</option>
          {DIMENSIONS.filter((d) => d !== by1).map((d) => (
            <option key={d} value={d}>
              {t(`caseStats.dimensions.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters-actions button-row">
        <button type="submit" data-testid="stats-apply">
          {t('caseStats.filters.apply')}
        </button>
        <button type="button" className="button-secondary" onClick={clear}>
          {t('caseStats.filters.clear')}
        </button>
      </div>
    </form>
  );
}
