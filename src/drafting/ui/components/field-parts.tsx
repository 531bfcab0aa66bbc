/**
 * What every kind of field is made of: its id and description (hint and issues, for aria-describedby), the hint,
 * the issues next to it, the required mark, and the options of a choice.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, normalPath, type Path } from '../paths.ts';
import { useDraftForm, type FieldIssue } from './form-context.tsx';

export interface Described {
  hint?: ReactNode;
  path: Path;
}

/** The ids of a field's hint and issues, for aria-describedby, and the issues themselves. */
export function useDescription({ hint, path }: Described) {
  const form = useDraftForm();
  const id = fieldId(path);
  const own = normalPath(path);
  const issues = form.issues.filter((i) => normalPath(i.path) === own);
  const ids = [hint ? `${id}-hint` : null, issues.length ? `${id}-issues` : null].filter(Boolean).join(' ');
  return { id, issues, describedBy: ids || undefined, invalid: issues.some((i) => i.severity === 'error') };
}

export function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
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

export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="required-mark">
      <span aria-hidden="true"> *</span>
      <span className="visually-hidden"> ({t('drafting.form.required')})</span>
    </span>
  );
}

/** A field's label (with the required mark) and its hint: the head every single-control field shares. */
export function FieldLabel({ id, label, hint, required }: { id: string; label: ReactNode; hint?: ReactNode; required?: boolean }) {
  return (
    <>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      <Hint id={id} hint={hint} />
    </>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: ReactNode;
}
