/** Drop-down fields of the draft: a choice from a list, and yes / no / not stated. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Path } from '../paths.ts';
import { FieldIssues, FieldLabel, useDescription, type Described, type Option } from './field-parts.tsx';
import { useField } from './form-context.tsx';

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
      <FieldLabel id={d.id} label={label} hint={hint} required={required} />
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

/** Yes / no / not stated, for the schema's nullable booleans. */
export function TriStateField({ path, label, hint }: { path: Path; label: ReactNode; hint?: ReactNode }) {
  const { t } = useTranslation();
  const [value, set, form] = useField<boolean | null>(path);
  const d = useDescription({ hint, path });
  return (
    <div className="field">
      <FieldLabel id={d.id} label={label} hint={hint} />
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
