/**
 * Editors of the draft's lists: lists of like items (offences, persons…) each in its own fieldset, and lists of
 * plain values with one input each; both with Add and Remove, and focus kept where the user expects it.
 */
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Path } from '../paths.ts';
import { FieldIssues, Hint, useDescription } from './field-parts.tsx';
import { useField } from './form-context.tsx';

interface ListEditorProps<T> {
  path: Path;
  legend: ReactNode;
  hint?: ReactNode;
  /** The heading of item i (e.g. "Person 2"). */
  itemLabel: (i: number, item: T) => string;
  addLabel: string;
  removeLabel: (i: number, item: T) => string;
  newItem: () => T;
  render: (itemPath: Path, i: number, item: T) => ReactNode;
  /** Issues about the list as a whole (e.g. "at least one offence"). */
  min?: number;
}

/**
 * A list of like items (offences, persons, forms of assistance): each in its own fieldset, with Add and
 * Remove; focus goes to the new item, or to the Add button when an item goes.
 */
export function ListEditor<T>({ path, legend, hint, itemLabel, addLabel, removeLabel, newItem, render }: ListEditorProps<T>) {
  const [value, set, form] = useField<T[]>(path);
  const d = useDescription({ hint, path });
  const items = Array.isArray(value) ? value : [];
  const addRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const { t } = useTranslation();

  const add = () => {
    set([...items, newItem()]);
    // after React has rendered the new item, move to its first field
    requestAnimationFrame(() => {
      const last = listRef.current?.lastElementChild;
      const first = last?.querySelector<HTMLElement>('input, select, textarea');
      first?.focus();
    });
  };
  const remove = (i: number) => {
    set(items.filter((_, n) => n !== i));
    requestAnimationFrame(() => addRef.current?.focus());
  };

  return (
    <section className="list-editor" aria-labelledby={`${d.id}-legend`} id={d.id} tabIndex={-1} data-path={path}>
      <h3 id={`${d.id}-legend`}>{legend}</h3>
      <Hint id={d.id} hint={hint} />
      <FieldIssues id={d.id} issues={d.issues} />
      {items.length === 0 && <p className="muted small">{t('drafting.form.noneYet')}</p>}
      <ol className="list-items" ref={listRef}>
        {items.map((item, i) => (
          <li key={i} className="list-item">
            <fieldset className="group">
              <legend>{itemLabel(i, item)}</legend>
              {render(`${path}.${i}`, i, item)}
              {!form.readOnly && (
                <p className="list-item-actions">
                  <button type="button" className="button-secondary button-small button-danger" onClick={() => remove(i)}>
                    {removeLabel(i, item)}
                  </button>
                </p>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {!form.readOnly && (
        <button type="button" className="button-secondary" ref={addRef} onClick={add}>
          {addLabel}
        </button>
      )}
    </section>
  );
}

/** A list of plain values (nationalities, questions, dates): one input each, with Add and Remove. */
export function ValueList({
  path,
  legend,
  hint,
  itemLabel,
  addLabel,
  empty,
  render,
}: {
  path: Path;
  legend: ReactNode;
  hint?: ReactNode;
  itemLabel: (i: number) => string;
  addLabel: string;
  /** The value a new entry starts with. */
  empty: unknown;
  render: (itemPath: Path, label: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const [value, set, form] = useField<unknown[]>(path);
  const d = useDescription({ hint, path });
  const items = Array.isArray(value) ? value : [];
  const listRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <fieldset className="group value-list" id={d.id} tabIndex={-1} aria-describedby={d.describedBy} data-path={path}>
      <legend>{legend}</legend>
      <Hint id={d.id} hint={hint} />
      <FieldIssues id={d.id} issues={d.issues} />
      <div ref={listRef}>
        {items.map((_, i) => (
          <div className="value-row" key={i}>
            {render(`${path}.${i}`, itemLabel(i))}
            {!form.readOnly && (
              <button
                type="button"
                className="button-secondary button-small button-danger"
                aria-label={t('drafting.form.removeNamed', { name: itemLabel(i) })}
                onClick={() => {
                  set(items.filter((__, n) => n !== i));
                  requestAnimationFrame(() => addRef.current?.focus());
                }}
              >
                {t('drafting.form.remove')}
              </button>
            )}
          </div>
        ))}
      </div>
      {!form.readOnly && (
        <button
          type="button"
          className="button-secondary button-small"
          ref={addRef}
          onClick={() => {
            set([...items, empty]);
            requestAnimationFrame(() => {
              const rows = listRef.current?.querySelectorAll('.value-row');
              rows?.[rows.length - 1]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
            });
          }}
        >
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}
