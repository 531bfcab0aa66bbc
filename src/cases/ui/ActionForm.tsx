import { useId, useState, type FormEvent } from 'react';
import { EXCLUDED_GROUNDS, type RefusalGround } from '../case.vocabulary.ts';
import { ApiError, type ApiIssue } from '../../web/api/client.ts';
import { errorText } from '../../web/components/errors.ts';
import { bodyOf, type FieldSpec, type Values } from './actionFields.ts';
import type { CaseAction, CaseEvent } from './caseTypes.ts';
import { useCaseLabels } from './labels.ts';

/**
 * One action's small form. Sends the event; a refusal comes back with the fields it names marked (the
 * server's own words under them, in English, kept apart from the translated sentence). Refusing on a ground the
 * Convention excludes (fiscal matters 18(22), bank secrecy 18(8)) shows the warning and asks to confirm first.
 */
export function ActionForm(props: {
  action: CaseAction;
  fields: FieldSpec[];
  initial: Values;
  version: number;
  submitLabel: string;
  onSubmit: (body: CaseEvent) => Promise<void>;
  onCancel: () => void;
}) {
  const { action, fields, version } = props;
  const L = useCaseLabels();
  const { t } = L;
  const idBase = useId();
  const [values, setValues] = useState<Values>(props.initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [detail, setDetail] = useState('');
  const set = (name: string, v: Values[string]) => setValues((x) => ({ ...x, [name]: v }));
  const excluded = action === 'refuse' && EXCLUDED_GROUNDS.includes(values.ground as RefusalGround);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setIssues([]);
    try {
      await props.onSubmit(bodyOf(action, values, version));
    } catch (err) {
      if (err instanceof ApiError) {
        setIssues(err.issues);
        setDetail(err.status > 0 ? err.message : '');
        setError(err.status === 422 ? t('cases.form.refused') : errorText(t, err));
      } else setError(t('error.unexpected'));
      setBusy(false);
    }
  };
  const issuesOf = (name: string) => issues.filter((i) => i.path === `body.${name}` || i.path.startsWith(`body.${name}.`) || i.path === name);
  const unplaced = issues.filter((i) => !fields.some((f) => issuesOf(f.name).includes(i)));

  return (
    <form className="case-action-form" onSubmit={submit} data-testid={`form-${action}`} noValidate>
      {fields.map((f) => {
        const id = `${idBase}-${f.name}`;
        const mine = issuesOf(f.name);
        const described = [f.kind !== 'checks' && f.hint ? `${id}-hint` : '', mine.length ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
        if (f.kind === 'check') {
          return (
            <div key={f.name} className="field field-check">
              <input id={id} type="checkbox" checked={values[f.name] === true} onChange={(e) => set(f.name, e.target.checked)} data-testid={`field-${f.name}`} />
              <label htmlFor={id}>{f.label}</label>
            </div>
          );
        }
        if (f.kind === 'checks') {
          const chosen = Array.isArray(values[f.name]) ? (values[f.name] as string[]) : [];
          return (
            <fieldset key={f.name} className="field">
              <legend>{f.label}</legend>
              {f.options.map((o) => (
                <div key={o.value} className="field-check">
                  <input
                    id={`${id}-${o.value}`}
                    type="checkbox"
                    checked={chosen.includes(o.value)}
                    onChange={(e) => set(f.name, e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))}
                  />
                  <label htmlFor={`${id}-${o.value}`} dir="auto">
                    {o.label}
                  </label>
                </div>
              ))}
            </fieldset>
          );
        }
        const common = {
          id,
          required: f.required,
          'aria-invalid': mine.length > 0 || undefined,
          'aria-describedby': described,
          'data-testid': `field-${f.name}`,
        };
        return (
          <div key={f.name} className="field">
            <label htmlFor={id}>
              {f.label}
              {f.required && <span className="required-mark" aria-hidden="true"> *</span>}
            </label>
            {f.kind === 'textarea' && <textarea {...common} dir="auto" rows={3} maxLength={10000} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)} />}
            {f.kind === 'text' && <input {...common} type="text" dir="auto" maxLength={300} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)} />}
            {f.kind === 'date' && <input {...common} type="date" value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)} />}
            {f.kind === 'select' && (
              <select {...common} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)}>
                {!f.required || !values[f.name] ? <option value="">{t('cases.form.choose')}</option> : null}
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
            {f.hint && (
              <span id={`${id}-hint`} className="hint">
                {f.hint}
              </span>
            )}
            {mine.length > 0 && (
              <span id={`${id}-err`} className="field-error" lang="en" dir="ltr">
                {mine.map((i) => i.message).join(' · ')}
              </span>
            )}
          </div>
        );
      })}
      {excluded && (
        <div className="notice notice-warn" role="alert" data-testid="excluded-ground-warning">
          <p>{t(values.ground === 'fiscal-matters' ? 'cases.form.fiscalWarning' : 'cases.form.bankSecrecyWarning')}</p>
          <div className="field-check">
            <input id={`${idBase}-confirm`} type="checkbox" checked={values.confirmExcludedGround === true} onChange={(e) => set('confirmExcludedGround', e.target.checked)} data-testid="confirm-excluded" />
            <label htmlFor={`${idBase}-confirm`}>{t('cases.form.confirmExcluded')}</label>
          </div>
        </div>
      )}
      {error && (
        <div className="alert" role="alert" data-testid="action-error">
          <p>{error}</p>
          {detail && (
            <p className="small" lang="en" dir="ltr">
              {detail}
            </p>
          )}
          {unplaced.length > 0 && (
            <ul className="small" lang="en" dir="ltr">
              {unplaced.map((i) => (
                <li key={i.path + i.message}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="button-row">
        <button type="submit" disabled={busy || (excluded && values.confirmExcludedGround !== true)} data-testid="action-submit">
          {props.submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t('cases.form.cancel')}
        </button>
      </div>
    </form>
  );
}
