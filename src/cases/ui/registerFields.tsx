import { createContext, useContext, type ReactNode } from 'react';
import type { ApiIssue } from '../../web/api/client.ts';
import type { RegisterState } from './registerForm.ts';
import { issueField } from './registerForm.ts';

/** The register form's state, its setter and the API's issues, for the field components below. */
export interface RegisterCtx {
  s: RegisterState;
  set: <K extends keyof RegisterState>(key: K, value: RegisterState[K]) => void;
  issues: ApiIssue[];
}
export const RegisterContext = createContext<RegisterCtx | null>(null);
export function useRegister(): RegisterCtx {
  const c = useContext(RegisterContext);
  if (!c) throw new Error('useRegister outside the register form');
  return c;
}

/** The id of a field's input, and of the API's message under it. */
export const fid = (name: string) => `reg-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** The API's messages for this field (and its sub-fields: "persons" catches "persons.0.name"). */
export function useIssues(name: string): string[] {
  const { issues } = useRegister();
  return issues.filter((i) => issueField(i.path) === name || issueField(i.path).startsWith(`${name}.`)).map((i) => i.message);
}

/** A label, the control, a hint and the API's complaint about it (kept in English: it is the server's text). */
export function Field({ name, label, required, hint, children }: { name: string; label: string; required?: boolean; hint?: string; children: ReactNode }) {
  const errors = useIssues(name);
  return (
    <div className={errors.length ? 'field has-error' : 'field'} data-field={name}>
      <label htmlFor={fid(name)}>
        {label}
        {required && <span className="required-mark" aria-hidden="true"> *</span>}
      </label>
      {children}
      {hint && (
        <span className="hint" id={`${fid(name)}-hint`}>
          {hint}
        </span>
      )}
      {errors.length > 0 && (
        <span className="field-error" id={`${fid(name)}-err`} lang="en" dir="ltr" data-testid={`error-${name}`}>
          {errors.join(' · ')}
        </span>
      )}
    </div>
  );
}

/** The aria attributes tying a control to its hint and error. */
export function useDescribed(name: string, hint?: boolean) {
  const errors = useIssues(name);
  const ids = [hint ? `${fid(name)}-hint` : '', errors.length ? `${fid(name)}-err` : ''].filter(Boolean).join(' ');
  return { id: fid(name), 'aria-invalid': errors.length > 0 || undefined, 'aria-describedby': ids || undefined };
}

type StringKeys = { [K in keyof RegisterState]: RegisterState[K] extends string ? K : never }[keyof RegisterState];
type BoolKeys = { [K in keyof RegisterState]: RegisterState[K] extends boolean ? K : never }[keyof RegisterState];

export function TextField({ name, label, required, hint, type = 'text', multiline, ltr }: { name: StringKeys; label: string; required?: boolean; hint?: string; type?: 'text' | 'date' | 'number'; multiline?: boolean; ltr?: boolean }) {
  const { s, set } = useRegister();
  const aria = useDescribed(name, !!hint);
  return (
    <Field name={name} label={label} required={required} hint={hint}>
      {multiline ? (
        <textarea {...aria} rows={4} dir="auto" value={s[name]} onChange={(e) => set(name, e.target.value as never)} />
      ) : (
        <input {...aria} type={type} dir={ltr ? 'ltr' : type === 'text' ? 'auto' : undefined} value={s[name]} onChange={(e) => set(name, e.target.value as never)} {...(type === 'number' && { min: 0, inputMode: 'numeric' as const })} />
      )}
    </Field>
  );
}

export function CheckField({ name, label }: { name: BoolKeys; label: string }) {
  const { s, set } = useRegister();
  return (
    <div className="field field-check">
      <input id={fid(name)} type="checkbox" checked={s[name]} onChange={(e) => set(name, e.target.checked as never)} />
      <label htmlFor={fid(name)}>{label}</label>
    </div>
  );
}

export function SelectField({ name, label, options, required, hint }: { name: StringKeys; label: string; options: { value: string; label: string }[]; required?: boolean; hint?: string }) {
  const { s, set } = useRegister();
  const aria = useDescribed(name, !!hint);
  return (
    <Field name={name} label={label} required={required} hint={hint}>
      <select {...aria} value={s[name]} onChange={(e) => set(name, e.target.value as never)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A group of check boxes over a code list (crime types, forms of assistance). */
export function CodeChecks({ name, legend, codes, label }: { name: 'crimeTypes' | 'measures'; legend: string; codes: readonly string[]; label: (c: string) => string }) {
  const { s, set } = useRegister();
  const chosen = s[name] as string[];
  const errors = useIssues(name);
  return (
    <fieldset className="code-checks" data-field={name}>
      <legend>{legend}</legend>
      <div className="code-checks-grid">
        {codes.map((c) => (
          <div key={c} className="field-check">
            <input id={fid(`${name}-${c}`)} type="checkbox" checked={chosen.includes(c)} onChange={(e) => set(name, (e.target.checked ? [...chosen, c] : chosen.filter((x) => x !== c)) as never)} />
            <label htmlFor={fid(`${name}-${c}`)}>{label(c)}</label>
          </div>
        ))}
      </div>
      {errors.length > 0 && (
        <span className="field-error" lang="en" dir="ltr">
          {errors.join(' · ')}
        </span>
      )}
    </fieldset>
  );
}
