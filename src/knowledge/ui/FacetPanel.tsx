import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFacet } from './searchParams.ts';
import { useFormat } from '../../web/format.ts';

const SHOWN = 6;

interface Props {
  facet: SearchFacet;
  title: string;
  counts: Record<string, number>;
  selected: (value: string) => boolean;
  /** Values chosen in the search but absent from the counts (shown with 0, so they can be unticked). */
  extra: string[];
  label: (value: string) => string;
  onToggle: (value: string, checked: boolean) => void;
  help?: string;
  busy: boolean;
}

/** One filter: its values as checkboxes with their counts, most frequent first (years newest first), the first few and "Show all". */
export function FacetPanel({ facet, title, counts, selected, extra, label, onToggle, help, busy }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  // "art. 6" before "art. 18"
  const collator = useMemo(() => new Intl.Collator(f.lang, { numeric: true, sensitivity: 'base' }), [f.lang]);
  const [open, setOpen] = useState(false);
  // a ticked box shows ticked at once, while the address (and then the search) catches up
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const chosen = extra.join('\n');
  useEffect(() => setPending({}), [chosen]);
  const isChecked = (v: string) => pending[v] ?? selected(v);
  const uid = useId();
  const values = [...new Set([...Object.keys(counts), ...extra])]
    .map((v) => ({ value: v, count: counts[v] ?? 0, label: label(v) }))
    .sort(facet === 'year' ? (a, b) => b.value.localeCompare(a.value) : (a, b) => b.count - a.count || collator.compare(a.label, b.label));
  if (values.length === 0) return null;
  const visible = open ? values : values.filter((v, i) => i < SHOWN || isChecked(v.value));
  const hidden = values.length - visible.length;
  const listId = `${uid}-list`;
  return (
    <fieldset className="facet" data-testid="facet" data-facet-name={facet} aria-busy={busy}>
      <legend>{title}</legend>
      {help && <p className="facet-help">{help}</p>}
      <ul id={listId}>
        {visible.map((v) => {
          const id = `${uid}-${v.value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
          return (
            <li key={v.value}>
              <input type="checkbox" id={id} data-facet={facet} value={v.value} checked={isChecked(v.value)}
                onChange={(e) => {
                  const checked = e.target.checked;
                  setPending((p) => ({ ...p, [v.value]: checked }));
                  onToggle(v.value, checked);
                }}
              />
              <label htmlFor={id}>
                <span className="facet-label">{v.label}</span>
                <span className="facet-count">
                  <span className="visually-hidden">{t('common.colon')}</span>
                  {f.number(v.count)}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {(hidden > 0 || open) && values.length > SHOWN && (
        <button type="button" className="link-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
          {open ? t('knowledge.search.showFewer') : t('knowledge.search.showAll', { count: values.length })}
        </button>
      )}
    </fieldset>
  );
}
