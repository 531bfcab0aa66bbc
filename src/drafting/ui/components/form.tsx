import { createContext, useContext, useId, useRef, type InputHTMLAttributes, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, getAt, normalPath, type Path } from '../paths.ts';

/** A problem with one field: a failed check (error or warning) or the API's validation of the draft. */
export interface FieldIssue {
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface DraftForm {
  content: unknown;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
  issues: readonly FieldIssue[];
}

const FormContext = createContext<DraftForm | null>(null);

export function DraftFormProvider({ value, children }: { value: DraftForm; children: ReactNode }) {
  return <FormContext.Provider value={value}>{children}</FormContext.Provider>;
}

export function useDraftForm(): DraftForm {
  const f = useContext(FormContext);
  if (!f) throw new Error('useDraftForm outside DraftFormProvider');
  return f;
}

/** The value at `path`, and a setter for it. */
export function useField<T = unknown>(path: Path): [T | undefined, (v: unknown) => void, DraftForm] {
  const form = useDraftForm();
  return [getAt(form.content, path) as T | undefined, (v) => form.set(path, v), form];
}

/** Texts are '' when empty (the draft schema's default); dates, codes and numbers are null. */
const textValue = (v: string, nullable?: boolean): string | null => (v === '' && nullable ? null : v);

interface Described {
  hint?: ReactNode;
  path: Path;
}

/** The ids of a field's hint and issues, for aria-describedby, and the issues themselves. */
function useDescription({ hint, path }: Described) {
  const form = useDraftForm();
  const id = fieldId(path);
  const own = normalPath(path);
  const issues = form.issues.filter((i) => normalPath(i.path) === own);
  const ids = [hint ? `${id}-hint` : null, issues.length ? `${id}-issues` : null].filter(Boolean).join(' ');
  return { id, issues, describedBy: ids || undefined, invalid: issues.some((i) => i.severity === 'error') };
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <span id={`${id}-hint`} className="field-hint">
      {hint}
    </span>
  ) : null;
}

/** The checks about a field, next to it: what is wrong and how to fix it. */
export function FieldIssues({ id, issues }: { id: string; issues: readonly FieldIssue[] }) {
  const { t } = useTranslation();
  if (!issues.length) return null;
  return (
    <ul id={`${id}-issues`} className="field-issues">
      {issues.map((i, n) => (
        <li key={n} className={i.severity === 'error' ? 'field-error' : 'field-warning'} data-severity={i.severity}>
          <span className="visually-hidden">{t(i.severity === 'error' ? 'drafting.checks.error' : 'drafting.checks.warning')}: </span>
          {i.message}
        </li>
      ))}
    </ul>
  );
}

function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="required-mark">
      <span aria-hidden="true"> *</span>
      <span className="visually-hidden"> ({t('drafting.form.required')})</span>
    </span>
  );
}

interface TextFieldProps extends Described {
  label: ReactNode;
  type?: 'text' | 'email' | 'number' | 'date' | 'datetime-local' | 'tel' | 'url';
  required?: boolean;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  autoComplete?: string;
  /** Text in a script of its own (identifiers, e-mail addresses) stays left-to-right in Arabic. */
  dir?: 'ltr' | 'rtl' | 'auto';
  maxLength?: number;
  className?: string;
  /** Store numbers as numbers (type="number"); empty is null. */
  numeric?: boolean;
  /** Empty is null rather than '' (dates, date-times). */
  nullable?: boolean;
}

export function TextField({ path, label, hint, type = 'text', required, inputMode, autoComplete, dir, maxLength, className, numeric, nullable }: TextFieldProps) {
  const [value, set, form] = useField<string | number>(path);
  const d = useDescription({ hint, path });
  return (
    <div className={'field' + (className ? ' ' + className : '')}>
      <label htmlFor={d.id}>
        {label}
        {required && <RequiredMark />}
      </label>
      <Hint id={d.id} hint={hint} />
      <input
        id={d.id}
        type={type}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => {
          const v = e.target.value;
          if (numeric) set(v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : v);
          else set(textValue(v, nullable || type === 'date' || type === 'datetime-local'));
        }}
        readOnly={form.readOnly}
        aria-invalid={d.invalid || undefined}
        aria-describedby={d.describedBy}
        aria-required={required || undefined}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        dir={dir}
        maxLength={maxLength}
        data-path={path}
      />
      <FieldIssues id={d.id} issues={d.issues} />
    </div>
  );
}

interface TextAreaProps extends Described {
  label: ReactNode;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  /** Show the number of characters typed (long facts are a clarity warning). */
  counter?: boolean;
}

export function TextArea({ path, label, hint, required, rows = 4, maxLength, counter }: TextAreaProps) {
  const { t } = useTranslation();
  const [value, set, form] = useField<string>(path);
  const d = useDescription({ hint, path });
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="field">
      <label htmlFor={d.id}>
        {label}
        {required && <RequiredMark />}
      </label>
      <Hint id={d.id} hint={hint} />
      <textarea
        id={d.id}
        rows={rows}
        value={text}
        onChange={(e) => set(e.target.value)}
        readOnly={form.readOnly}
        aria-invalid={d.invalid || undefined}
        aria-describedby={d.describedBy}
        aria-required={required || undefined}
        maxLength={maxLength}
        dir="auto"
        data-path={path}
      />
      {counter && <span className="field-counter small muted">{t('drafting.form.characters', { count: text.length })}</span>}
      <FieldIssues id={d.id} issues={d.issues} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: ReactNode;
}

interface SelectProps extends Described {
  label: ReactNode;
  options: readonly Option[];
  required?: boolean;
  /** The "nothing chosen" entry; leave out to have none. */
  empty?: string;
  onChosen?: (value: string | null) => void;
}

export function SelectField({ path, label, hint, options, required, empty, onChosen }: SelectProps) {
  const [value, set, form] = useField<string>(path);
  const d = useDescription({ hint, path });
  return (
    <div className="field">
      <label htmlFor={d.id}>
        {label}
        {required && <RequiredMark />}
      </label>
      <Hint id={d.id} hint={hint} />
      <select
        id={d.id}
        value={value ?? ''}
        onChange={(e) => {
          const v = e.target.value || null;
          set(v);
          onChosen?.(v);
        }}
        disabled={form.readOnly}
        aria-invalid={d.invalid || undefined}
        aria-describedby={d.describedBy}
        aria-required={required || undefined}
        data-path={path}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldIssues id={d.id} issues={d.issues} />
    </div>
  );
}

interface CheckboxProps extends Described {
  label: ReactNode;
}

export function CheckboxField({ path, label, hint }: CheckboxProps) {
  const [value, set, form] = useField<boolean>(path);
  const d = useDescription({ hint, path });
  return (
    <div className="field field-check">
      <input
        id={d.id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => set(e.target.checked)}
        disabled={form.readOnly}
        aria-describedby={d.describedBy}
        aria-invalid={d.invalid || undefined}
        data-path={path}
      />
      <label htmlFor={d.id}>{label}</label>
      <Hint id={d.id} hint={hint} />
      <FieldIssues id={d.id} issues={d.issues} />
    </div>
  );
}

interface ChoiceGroupProps extends Described {
  legend: ReactNode;
  options: readonly Option[];
  required?: boolean;
}

/**
 * Radio buttons or check boxes in a fieldset, each option with what it means; `input` gives each its own
 * type, state and change handler.
 */
function ChoiceFieldset({ path, legend, hint, options, required, input }: ChoiceGroupProps & {
  input: (o: Option) => Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'name' | 'checked' | 'onChange'>;
}) {
  const form = useDraftForm();
  const d = useDescription({ hint, path });
  return (
    <fieldset className="choice-group" id={d.id} tabIndex={-1} aria-describedby={d.describedBy} aria-invalid={d.invalid || undefined} data-path={path}>
      <legend>
        {legend}
        {required && <RequiredMark />}
      </legend>
      <Hint id={d.id} hint={hint} />
      {options.map((o) => {
        const oid = `${d.id}--${o.value}`;
        return (
          <div className="choice" key={o.value}>
            <input {...input(o)} id={oid} value={o.value} disabled={form.readOnly} aria-describedby={o.hint ? `${oid}-hint` : undefined} />
            <label htmlFor={oid}>{o.label}</label>
            {o.hint && (
              <span id={`${oid}-hint`} className="field-hint choice-hint">
                {o.hint}
              </span>
            )}
          </div>
        );
      })}
      <FieldIssues id={d.id} issues={d.issues} />
    </fieldset>
  );
}

/** One choice among a few, each with what it means (radio buttons in a fieldset). */
export function RadioGroup(props: ChoiceGroupProps) {
  const [value, set] = useField<string>(props.path);
  const name = useId();
  return <ChoiceFieldset {...props} input={(o) => ({ type: 'radio', name, checked: value === o.value, onChange: () => set(o.value) })} />;
}

/** Several choices stored as a list of codes (check boxes in a fieldset). */
export function MultiCheck(props: ChoiceGroupProps) {
  const [value, set] = useField<string[]>(props.path);
  const chosen = Array.isArray(value) ? value : [];
  return (
    <ChoiceFieldset
      {...props}
      input={(o) => ({
        type: 'checkbox',
        checked: chosen.includes(o.value),
        onChange: (e) => {
          const next = e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value);
          set(props.options.map((x) => x.value).filter((v) => next.includes(v)));
        },
      })}
    />
  );
}

/** A titled group of fields. */
export function Group({ legend, hint, children, className }: { legend: ReactNode; hint?: ReactNode; children: ReactNode; className?: string }) {
  const hintId = useId();
  return (
    <fieldset className={'group' + (className ? ' ' + className : '')} aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children}
    </fieldset>
  );
}

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

/** Yes / no / not stated, for the schema's nullable booleans. */
export function TriStateField({ path, label, hint }: { path: Path; label: ReactNode; hint?: ReactNode }) {
  const { t } = useTranslation();
  const [value, set, form] = useField<boolean | null>(path);
  const d = useDescription({ hint, path });
  return (
    <div className="field">
      <label htmlFor={d.id}>{label}</label>
      <Hint id={d.id} hint={hint} />
      <select
        id={d.id}
        value={value === true ? 'yes' : value === false ? 'no' : ''}
        onChange={(e) => set(e.target.value === 'yes' ? true : e.target.value === 'no' ? false : null)}
        disabled={form.readOnly}
        aria-invalid={d.invalid || undefined}
        aria-describedby={d.describedBy}
        data-path={path}
      >
        <option value="">{t('drafting.form.notStated')}</option>
        <option value="yes">{t('drafting.form.yes')}</option>
        <option value="no">{t('drafting.form.no')}</option>
      </select>
      <FieldIssues id={d.id} issues={d.issues} />
    </div>
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
