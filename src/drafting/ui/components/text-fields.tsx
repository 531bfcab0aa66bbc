/** Free-text fields of the draft: one-line inputs (text, numbers, dates, e-mail…) and text areas. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldIssues, FieldLabel, useDescription, type Described } from './field-parts.tsx';
import { useField } from './form-context.tsx';

/** Texts are '' when empty (the draft schema's default); dates, codes and numbers are null. */
const textValue = (v: string, nullable?: boolean): string | null => (v === '' && nullable ? null : v);

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
      <FieldLabel id={d.id} label={label} hint={hint} required={required} />
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
      <FieldLabel id={d.id} label={label} hint={hint} required={required} />
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
