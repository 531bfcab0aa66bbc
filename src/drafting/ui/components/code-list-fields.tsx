/**
 * Lists whose entries are added whole from a control of their own (codes from a select, complete date-times):
 * the chosen entries with Remove, then the control with Add, so no empty or half-typed entry is ever stored.
 */
import { useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Path } from '../paths.ts';
import { FieldIssues, Hint, useDescription, type Option } from './field-parts.tsx';
import { useField } from './form-context.tsx';

/**
 * A list of codes chosen from a fixed list (nationalities): the chosen ones with Remove, and a select with
 * Add — never an empty or half-typed entry, which the API would refuse.
 */
export function CodeListField({ path, legend, hint, options, addLabel, max }: { path: Path; legend: ReactNode; hint?: ReactNode; options: readonly Option[]; addLabel: string; max?: number }) {
  const { t } = useTranslation();
  const [value, set, form] = useField<string[]>(path);
  const d = useDescription({ hint, path });
  const chosen = Array.isArray(value) ? value : [];
  const selectRef = useRef<HTMLSelectElement>(null);
  const label = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const full = max !== undefined && chosen.length >= max;
  return (
    <fieldset className="group code-list" aria-describedby={d.describedBy} data-path={path}>
      <legend>{legend}</legend>
      <Hint id={d.id} hint={hint} />
      <FieldIssues id={d.id} issues={d.issues} />
      <ChosenList
        items={chosen.map((v) => ({ key: v, label: label(v) }))}
        readOnly={form.readOnly}
        onRemove={(i) => set(chosen.filter((_, n) => n !== i))}
        refocus={selectRef}
      />
      {!form.readOnly && !full && (
        <div className="field-inline">
          <label htmlFor={d.id} className="visually-hidden">
            {addLabel}
          </label>
          <select id={d.id} ref={selectRef} defaultValue="" aria-describedby={d.describedBy}>
            <option value="">{t('drafting.form.choose')}</option>
            {options
              .filter((o) => !chosen.includes(o.value))
              .map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
          </select>
          <AddButton control={selectRef} label={addLabel} onAdd={(v) => set([...chosen, v])} />
        </div>
      )}
    </fieldset>
  );
}

/** A list of local date-times (proposed hearing dates): added one by one once complete. */
export function DateTimeListField({ path, legend, hint, addLabel, inputLabel }: { path: Path; legend: ReactNode; hint?: ReactNode; addLabel: string; inputLabel: string }) {
  const [value, set, form] = useField<string[]>(path);
  const d = useDescription({ hint, path });
  const chosen = Array.isArray(value) ? value : [];
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <fieldset className="group code-list" aria-describedby={d.describedBy} data-path={path}>
      <legend>{legend}</legend>
      <Hint id={d.id} hint={hint} />
      <FieldIssues id={d.id} issues={d.issues} />
      <ChosenList
        items={chosen.map((v, i) => ({ key: v + i, label: v.replace('T', ' '), dir: 'ltr' as const }))}
        readOnly={form.readOnly}
        onRemove={(i) => set(chosen.filter((_, n) => n !== i))}
        refocus={inputRef}
      />
      {!form.readOnly && (
        <div className="field-inline">
          <label htmlFor={d.id}>{inputLabel}</label>
          <input id={d.id} ref={inputRef} type="datetime-local" />
          <AddButton control={inputRef} label={addLabel} onAdd={(v) => set([...chosen, v])} />
        </div>
      )}
    </fieldset>
  );
}

/** The entries of a list field, each with Remove (focus then returns to the list's own control), or "none yet". */
function ChosenList({ items, readOnly, onRemove, refocus }: {
  items: { key: string; label: string; dir?: 'ltr' }[];
  readOnly: boolean;
  onRemove: (index: number) => void;
  refocus: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted small">{t('drafting.form.noneYet')}</p>;
  return (
    <ul className="chosen-list">
      {items.map((item, i) => (
        <li key={item.key}>
          <span dir={item.dir}>{item.label}</span>
          {!readOnly && (
            <button
              type="button"
              className="link-button"
              aria-label={t('drafting.form.removeNamed', { name: item.label })}
              onClick={() => {
                onRemove(i);
                requestAnimationFrame(() => refocus.current?.focus());
              }}
            >
              {t('drafting.form.remove')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Adds the control's value once it is complete (an empty one sends focus back to it), then clears the control. */
function AddButton({ control, label, onAdd }: { control: RefObject<HTMLInputElement | HTMLSelectElement | null>; label: string; onAdd: (value: string) => void }) {
  return (
    <button
      type="button"
      className="button-secondary button-small"
      onClick={() => {
        const el = control.current;
        if (!el?.value) {
          el?.focus();
          return;
        }
        onAdd(el.value);
        el.value = '';
      }}
    >
      {label}
    </button>
  );
}
