import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../web/api/client.ts';
import { ErrorMessage } from '../../web/components/LoadState.tsx';
import { CHANNELS } from '../../reference/measures.ts';
import { CATEGORIES, FUNCTIONS, NOTIFICATION_TYPES, SUBTYPES } from '../vocabulary.ts';

/**
 * One form for the three kinds of State entries a focal point keeps (authorities, per-measure records,
 * notifications), driven by a list of fields. An empty list or "not known" sends null: the directory
 * never turns "not filled in" into "none".
 */
type Kind = 'text' | 'textarea' | 'lines' | 'persons' | 'codes' | 'bool' | 'number' | 'date' | { select: readonly string[]; labels: string } | { checks: readonly string[]; labels: string; nullIfEmpty: boolean };
export type FieldSpec = [name: string, kind: Kind];

export const AUTHORITY_FIELDS: FieldSpec[] = [
  ['category', { select: CATEGORIES, labels: 'categories' }],
  ['subtype', { select: SUBTYPES, labels: 'subtypes' }],
  ['name', 'text'],
  ['nameLang', 'text'],
  ['functions', { checks: FUNCTIONS, labels: 'functions', nullIfEmpty: false }],
  ['languages', 'codes'],
  ['channels', { checks: CHANNELS, labels: 'channels', nullIfEmpty: true }],
  ['postalAddress', 'textarea'],
  ['phone', 'text'],
  ['fax', 'text'],
  ['email', 'text'],
  ['website', 'text'],
  ['officeHours', 'text'],
  ['timeZone', 'text'],
  ['encryptionRequired', 'bool'],
  ['eSignatureRequired', 'bool'],
  ['directTransmission', 'bool'],
  ['interpolForUrgent', 'bool'],
  ['interpolScope', 'textarea'],
  ['available24x7', 'bool'],
  ['contactPersons', 'persons'],
  ['requirements', 'lines'],
  ['canDo', 'textarea'],
  ['cannotDo', 'textarea'],
];

export const MEASURE_FIELDS: FieldSpec[] = [
  ['available', { select: ['yes', 'no', 'partly'], labels: 'availability' }],
  ['legalFramework', 'textarea'],
  ['receivingAuthority', 'text'],
  ['languages', 'codes'],
  ['usualExecutionDays', 'number'],
  ['specialRequirements', 'textarea'],
  ['alternatives', 'textarea'],
  ['dualCriminality', { select: ['required', 'not-required', 'coercive-only'], labels: 'dual' }],
];

export const EXPERT_FIELDS: FieldSpec[] = [
  ['name', 'text'],
  ['title', 'text'],
  ['organisation', 'text'],
  ['expertise', 'lines'],
  ['languages', 'codes'],
  ['email', 'text'],
  ['phone', 'text'],
];

export const NOTIFICATION_FIELDS: FieldSpec[] = [
  ['type', { select: NOTIFICATION_TYPES, labels: 'notificationTypes' }],
  ['madeOn', 'date'],
  ['text', 'textarea'],
  ['extraditionBasis', { select: ['yes', 'no'], labels: 'basis' }],
  ['languages', 'codes'],
  ['provision', 'text'],
];

type Values = Record<string, unknown>;
interface Person {
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  languages?: string[];
}

function toInput(kind: Kind, v: unknown): string | string[] {
  if (typeof kind === 'object' && 'checks' in kind) return (v as string[] | null) ?? [];
  if (v === null || v === undefined) return '';
  if (kind === 'codes') return (v as string[]).join(', ');
  if (kind === 'lines') return (v as string[]).join('\n');
  if (kind === 'persons') {
    return (v as Person[]).map((p) => [p.name, p.title ?? '', p.email ?? '', p.phone ?? '', (p.languages ?? []).join(', ')].join(' | ')).join('\n');
  }
  if (kind === 'bool') return v ? 'yes' : 'no';
  return String(v);
}

function fromInput(kind: Kind, v: string | string[]): unknown {
  if (typeof kind === 'object' && 'checks' in kind) return (v as string[]).length === 0 && kind.nullIfEmpty ? null : v;
  const s = (v as string).trim();
  if (kind === 'codes') return s === '' ? null : s.split(/[,;\s]+/).filter(Boolean).map((c) => c.toLowerCase());
  if (kind === 'lines') return s.split('\n').map((l) => l.trim()).filter(Boolean);
  if (kind === 'persons') {
    // One person a line: name | title | e-mail | telephone | languages
    return s.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const [name, title, email, phone, langs] = l.split('|').map((x) => x.trim());
      const p: Person = { name: name ?? '', title: title || null, email: email || null, phone: phone || null };
      const codes = (langs ?? '').split(/[,;\s]+/).filter(Boolean).map((c) => c.toLowerCase());
      if (codes.length) p.languages = codes;
      return p;
    });
  }
  if (kind === 'bool') return s === 'yes' ? true : s === 'no' ? false : null;
  if (kind === 'number') return s === '' ? null : Number(s);
  return s === '' ? null : s;
}

export function EntryForm(props: {
  fields: FieldSpec[];
  initial: Values;
  /** Editing sends only what changed; creating sends everything filled in. */
  mode: 'create' | 'edit';
  onSubmit: (body: Values) => Promise<void>;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string | string[]>>(() =>
    Object.fromEntries(props.fields.map(([name, kind]) => [name, toInput(kind, props.initial[name])])),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: Values = {};
    for (const [name, kind] of props.fields) {
      const v = fromInput(kind, values[name]!);
      const before = fromInput(kind, toInput(kind, props.initial[name]));
      if (props.mode === 'create' ? v !== null && !(Array.isArray(v) && v.length === 0) : JSON.stringify(v) !== JSON.stringify(before)) body[name] = v;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(body);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      setBusy(false);
    }
  }

  const set = (name: string, v: string | string[]) => setValues((s) => ({ ...s, [name]: v }));
  return (
    <form className="form-narrow" onSubmit={submit} data-testid="entry-form">
      {error && <ErrorMessage error={error} />}
      {props.fields.map(([name, kind]) => {
        const id = `f-${name}`;
        const label = t(`directory.fields.${name}`);
        if (typeof kind === 'object' && 'checks' in kind) {
          const checked = values[name] as string[];
          return (
            <fieldset key={name} className="field">
              <legend>{label}</legend>
              {kind.checks.map((c) => (
                <label key={c} className="field-check">
                  <input type="checkbox" checked={checked.includes(c)} onChange={(e) => set(name, e.target.checked ? [...checked, c] : checked.filter((x) => x !== c))} />{' '}
                  {t(`directory.${kind.labels}.${c}`)}
                </label>
              ))}
              {kind.nullIfEmpty && <p className="small muted">{t('directory.form.noneIsUnknown')}</p>}
            </fieldset>
          );
        }
        return (
          <div key={name} className="field">
            <label htmlFor={id}>{label}</label>
            {typeof kind === 'object' ? (
              <select id={id} value={values[name] as string} onChange={(e) => set(name, e.target.value)}>
                <option value="">{t('directory.unknown')}</option>
                {kind.select.map((o) => <option key={o} value={o}>{t(`directory.${kind.labels}.${o}`)}</option>)}
              </select>
            ) : kind === 'bool' ? (
              <select id={id} value={values[name] as string} onChange={(e) => set(name, e.target.value)}>
                <option value="">{t('directory.unknown')}</option>
                <option value="yes">{t('directory.yes')}</option>
                <option value="no">{t('directory.no')}</option>
              </select>
            ) : kind === 'textarea' || kind === 'lines' || kind === 'persons' ? (
              <textarea id={id} rows={kind === 'textarea' ? 3 : 4} dir="auto" value={values[name] as string} onChange={(e) => set(name, e.target.value)} />
            ) : (
              <input id={id} type={kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text'} dir="auto" value={values[name] as string} onChange={(e) => set(name, e.target.value)} />
            )}
            {kind === 'codes' && <p className="small muted">{t('directory.form.codesHint')}</p>}
            {kind === 'lines' && <p className="small muted">{t('directory.form.linesHint')}</p>}
            {kind === 'persons' && <p className="small muted">{t('directory.form.personsHint')}</p>}
          </div>
        );
      })}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>{props.submitLabel ?? t('directory.form.save')}</button>
        {props.onCancel && <button type="button" className="button-secondary" onClick={props.onCancel}>{t('directory.form.cancel')}</button>}
      </div>
    </form>
  );
}
