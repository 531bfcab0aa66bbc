import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { measureByCode } from '../../../reference/measures.ts';
import type { AssistanceForm } from '../../draft.schema.ts';
import { MultiCheck } from '../components/choice-fields.tsx';
import { FieldIssues } from '../components/field-parts.tsx';
import { useDraftForm, useField } from '../components/form-context.tsx';
import { TextArea } from '../components/text-fields.tsx';
import type { DraftContent } from '../../draft.schema.ts';
import { articleLabel, measureGroup, useLabels } from '../labels.ts';
import { newForm } from '../newItems.ts';
import { fieldId } from '../paths.ts';
import { MeasureFields } from './MeasureFields.tsx';
import { personName } from './PersonsStep.tsx';

const GROUPS = ['general', 'electronic', 'assets', 'other'] as const;

/** Step 6: the assistance sought — one or more forms, each with its own fields — and dual criminality. */
export function AssistanceStep() {
  const { t } = useTranslation();
  const L = useLabels();
  const [value, set, form] = useField<AssistanceForm[]>('assistance');
  const c = useDraftForm().content as DraftContent;
  const forms = Array.isArray(value) ? value : [];
  const [measure, setMeasure] = useState('');
  const [missing, setMissing] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const available = L.measuresFor(c.kind);
  const issues = form.issues.filter((i) => i.path.replace(/^\$\.?/, '') === 'assistance');
  const coercive = forms.filter((f) => measureByCode(f.measure)?.coercive);
  const persons = c.persons.map((p, i) => ({ value: p.id, label: personName(p) || t('drafting.persons.item', { n: i + 1 }) }));

  const add = () => {
    if (!measure) {
      setMissing(true);
      selectRef.current?.focus();
      return;
    }
    setMissing(false);
    set([...forms, newForm(measure)]);
    setMeasure('');
    requestAnimationFrame(() => listRef.current?.lastElementChild?.querySelector<HTMLElement>('input, select, textarea')?.focus());
  };
  const remove = (i: number) => {
    set(forms.filter((_, n) => n !== i));
    requestAnimationFrame(() => selectRef.current?.focus());
  };

  return (
    <>
      <section className="list-editor" aria-labelledby="assistance-legend" id={fieldId('assistance')} tabIndex={-1}>
        <h3 id="assistance-legend">{t('drafting.assistance.legend')}</h3>
        <p className="field-hint">{t('drafting.assistance.hint')}</p>
        <FieldIssues id={fieldId('assistance')} issues={issues} />
        {forms.length === 0 && <p className="muted small">{t('drafting.assistance.none')}</p>}
        <ol className="list-items" ref={listRef}>
          {forms.map((f, i) => {
            const m = measureByCode(f.measure);
            const p = `assistance.${i}`;
            return (
              <li key={f.id} className="list-item" data-measure={f.measure} data-testid="assistance-form">
                <fieldset className="group">
                  <legend>
                    {t('drafting.assistance.item', { n: i + 1, measure: L.measure(f.measure) })}
                    {m && <span className="badge badge-outline article-badge">{t('drafting.assistance.article', { article: articleLabel(m.article) })}</span>}
                  </legend>
                  {m?.coercive && <p className="small muted">{t('drafting.assistance.coerciveNote')}</p>}
                  <TextArea path={`${p}.description`} label={t('drafting.assistance.description')} hint={t(`drafting.assistance.describe.${f.measure}`, { defaultValue: t('drafting.assistance.descriptionHint') })} required rows={3} />
                  <MeasureFields path={p} form={f} />
                  <TextArea path={`${p}.purpose`} label={t('drafting.assistance.purpose')} hint={t('drafting.assistance.purposeHint')} rows={2} />
                  {persons.length > 0 && <MultiCheck path={`${p}.personIds`} legend={t('drafting.assistance.persons')} options={persons} />}
                  {!form.readOnly && (
                    <p className="list-item-actions">
                      <button type="button" className="button-secondary button-small button-danger" onClick={() => remove(i)}>
                        {t('drafting.assistance.remove', { n: i + 1, measure: L.measure(f.measure) })}
                      </button>
                    </p>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {!form.readOnly && (
          <div className="add-form">
            <div className="field">
              <label htmlFor="add-measure">{t('drafting.assistance.choose')}</label>
              <select
                id="add-measure"
                ref={selectRef}
                value={measure}
                onChange={(e) => setMeasure(e.target.value)}
                aria-invalid={missing || undefined}
                aria-describedby={missing ? 'add-measure-missing' : undefined}
                data-testid="add-measure"
              >
                <option value="">{t('drafting.form.choose')}</option>
                {GROUPS.map((g) => {
                  const ms = available.filter((m) => measureGroup(m.code) === g);
                  return ms.length ? (
                    <optgroup key={g} label={t(`drafting.assistance.groups.${g}`)}>
                      {ms.map((m) => (
                        <option key={m.code} value={m.code}>
                          {L.measure(m.code)}
                        </option>
                      ))}
                    </optgroup>
                  ) : null;
                })}
              </select>
              {missing && (
                <span id="add-measure-missing" className="field-error" role="alert">
                  {t('drafting.assistance.chooseFirst')}
                </span>
              )}
            </div>
            <button type="button" className="button-secondary" onClick={add} data-testid="add-measure-button">
              {t('drafting.assistance.add')}
            </button>
          </div>
        )}
      </section>
      <TextArea
        path="dualCriminality.statement"
        label={t('drafting.assistance.dualCriminality')}
        hint={
          coercive.length
            ? t('drafting.assistance.dualCriminalityNeeded', { list: coercive.map((f) => L.measure(f.measure)).join(', ') })
            : t('drafting.assistance.dualCriminalityHint')
        }
        required={coercive.length > 0 || c.kind === 'extradition'}
        rows={3}
      />
    </>
  );
}
