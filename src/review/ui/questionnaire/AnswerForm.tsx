import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../web/api/client.ts';
import { saveAnswer, type QuestionView } from './questionnaireApi.ts';

/**
 * One question's answer form, by answer type: its own fields, its own "Save" with its saving state, the server's
 * problems shown under the field they name, and the previous cycle's answer to the same unchanged question offered.
 */
type V = Record<string, unknown>;
const TA = ['legislative_assistance', 'institution_building', 'policymaking', 'capacity_building', 'research_data_collection', 'international_cooperation', 'model_agreements', 'other'];
const arr = (v: unknown): V[] => (Array.isArray(v) ? (v as V[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function blank(type: QuestionView['answerType']): V {
  switch (type) {
    case 'yes_no_partly': return { choice: '', explanation: '' };
    case 'legislation': return { records: [], citations: [] };
    case 'cases': return { items: [{ title: '', summary: '' }] };
    case 'statistics': return { rows: [{ label: '', value: '', period: '', source: '' }] };
    case 'ta_needs': return { items: [] };
    default: return { text: '' };
  }
}

/** The form's value as the API takes it (numbers as numbers, empty optional fields left out). */
function toApi(type: QuestionView['answerType'], v: V): V {
  if (type === 'statistics') return { rows: arr(v.rows).map((r) => ({ ...r, value: str(r.value).trim() === '' ? '' : Number(str(r.value).replace(',', '.')) })) };
  if (type === 'cases') return { items: arr(v.items).map((i) => (str(i.year) ? { ...i, year: Number(i.year) } : { title: i.title, summary: i.summary })) };
  if (type === 'legislation') return { records: v.records, citations: arr(v.citations as never).length ? v.citations : [] };
  return v;
}

export function AnswerForm({ reviewId, q, legislation, editable, justSaved = false, onSaved }: {
  reviewId: string;
  q: QuestionView;
  legislation: Array<{ id: string; title: string }>;
  editable: boolean;
  /**
   * This question's answer was saved by this form a moment ago. The page reloads after a save and gives the form a
   * new key with the answer's new version, so a new form shows "Saved" in its place (else it flashed and vanished).
   */
  justSaved?: boolean;
  onSaved: (questionId: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState<V>(() => (q.answer?.value as V | undefined) ?? blank(q.answerType));
  const [prefilledFrom, setPrefilledFrom] = useState<string | undefined>();
  const [state, setState] = useState<{ s: 'idle' | 'saving' | 'saved' } | { s: 'error'; e: ApiError }>(() => ({ s: justSaved ? 'saved' : 'idle' }));
  const set = (patch: V) => { setValue((v) => ({ ...v, ...patch })); setState({ s: 'idle' }); };
  const issueFor = (field: string) => (state.s === 'error' ? state.e.issues.filter((i) => i.path.startsWith(`body.value.${field}`)).map((i) => i.message) : []);
  const errId = (field: string) => `${id}-${field}-err`;
  const fieldError = (field: string) => {
    const msgs = issueFor(field);
    return msgs.length ? <p className="rq-field-error" id={errId(field)} lang="en" dir="ltr">{msgs.join(' · ')}</p> : null;
  };
  const invalid = (field: string) => (issueFor(field).length ? { 'aria-invalid': true as const, 'aria-describedby': errId(field) } : {});

  async function save() {
    setState({ s: 'saving' });
    try {
      await saveAnswer(reviewId, q.id, { value: toApi(q.answerType, value), ...(q.answer && { version: q.answer.version }), ...(prefilledFrom && { prefilledFrom }) });
      setState({ s: 'saved' });
      onSaved(q.id);
    } catch (e) {
      setState({ s: 'error', e: e instanceof ApiError ? e : new ApiError(0, 'client', String(e)) });
    }
  }

  const ro = !editable;
  const list = (key: string) => arr(value[key]);
  const setItem = (key: string, i: number, patch: V) => set({ [key]: list(key).map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const remove = (key: string, i: number) => set({ [key]: list(key).filter((_, j) => j !== i) });

  return (
    <form className="rq-answer" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby={`q-${q.id}`}>
      {editable && q.previous && !q.answer && (
        <div className="rq-prefill" role="note">
          <p>{t('reviewQuestionnaire.prefill.offer', { cycle: q.previous.cycle })}</p>
          <button type="button" className="button-secondary button-small" onClick={() => { setValue(q.previous!.value as V); setPrefilledFrom(q.previous!.answerId); setState({ s: 'idle' }); }}>
            {t('reviewQuestionnaire.prefill.use')}
          </button>
        </div>
      )}
      <fieldset disabled={ro}>
        <legend className="visually-hidden">{t(`reviewQuestionnaire.types.${q.answerType}`)}</legend>
        {q.answerType === 'yes_no_partly' && (
          <>
            <div role="radiogroup" aria-label={t('reviewQuestionnaire.fields.choice')} className="rq-choices" {...invalid('choice')}>
              {(['yes', 'no', 'partly'] as const).map((c) => (
                <label key={c}><input type="radio" name={`${id}-choice`} value={c} checked={value.choice === c} onChange={() => set({ choice: c })} /> {t(`reviewQuestionnaire.choice.${c}`)}</label>
              ))}
            </div>
            {fieldError('choice')}
            <label htmlFor={`${id}-expl`}>{t('reviewQuestionnaire.fields.explanation')}</label>
            <textarea id={`${id}-expl`} rows={3} value={str(value.explanation)} onChange={(e) => set({ explanation: e.target.value })} {...invalid('explanation')} />
            {fieldError('explanation')}
          </>
        )}
        {q.answerType === 'legislation' && (
          <>
            <p className="rq-hint">{legislation.length ? t('reviewQuestionnaire.legislation.offered') : t('reviewQuestionnaire.legislation.none')}</p>
            {legislation.map((l) => (
              <label key={l.id} className="rq-check">
                <input type="checkbox" checked={(value.records as string[]).includes(l.id)}
                  onChange={(e) => set({ records: e.target.checked ? [...(value.records as string[]), l.id] : (value.records as string[]).filter((x) => x !== l.id) })} /> {l.title}
              </label>
            ))}
            {fieldError('records')}
            <label htmlFor={`${id}-cit`}>{t('reviewQuestionnaire.fields.citations')}</label>
            <textarea id={`${id}-cit`} rows={3} value={(value.citations as string[]).join('\n')} onChange={(e) => set({ citations: e.target.value.split('\n').filter((l, i, all) => l.trim() || i === all.length - 1) })} {...invalid('citations')} />
            {fieldError('citations')}
          </>
        )}
        {q.answerType === 'text' && (
          <>
            <label htmlFor={`${id}-text`}>{t('reviewQuestionnaire.fields.text')}</label>
            <textarea id={`${id}-text`} rows={5} value={str(value.text)} onChange={(e) => set({ text: e.target.value })} {...invalid('text')} />
            {fieldError('text')}
          </>
        )}
        {q.answerType === 'cases' && list('items').map((it, i) => (
          <div key={i} className="rq-row">
            <label>{t('reviewQuestionnaire.fields.caseTitle')}<input value={str(it.title)} onChange={(e) => setItem('items', i, { title: e.target.value })} {...invalid(`items.${i}.title`)} /></label>
            <label>{t('reviewQuestionnaire.fields.year')}<input inputMode="numeric" value={str(it.year)} onChange={(e) => setItem('items', i, { year: e.target.value })} {...invalid(`items.${i}.year`)} /></label>
            <label className="rq-wide">{t('reviewQuestionnaire.fields.summary')}<textarea rows={2} value={str(it.summary)} onChange={(e) => setItem('items', i, { summary: e.target.value })} {...invalid(`items.${i}.summary`)} /></label>
            {!ro && <button type="button" className="button-secondary button-small" onClick={() => remove('items', i)}>{t('reviewQuestionnaire.remove')}</button>}
            {fieldError(`items.${i}`)}
          </div>
        ))}
        {q.answerType === 'statistics' && list('rows').map((r, i) => (
          <div key={i} className="rq-row">
            <label>{t('reviewQuestionnaire.fields.label')}<input value={str(r.label)} onChange={(e) => setItem('rows', i, { label: e.target.value })} {...invalid(`rows.${i}.label`)} /></label>
            <label>{t('reviewQuestionnaire.fields.value')}<input inputMode="decimal" value={str(r.value)} onChange={(e) => setItem('rows', i, { value: e.target.value })} {...invalid(`rows.${i}.value`)} /></label>
            <label>{t('reviewQuestionnaire.fields.period')}<input value={str(r.period)} onChange={(e) => setItem('rows', i, { period: e.target.value })} {...invalid(`rows.${i}.period`)} /></label>
            <label>{t('reviewQuestionnaire.fields.source')}<input value={str(r.source)} onChange={(e) => setItem('rows', i, { source: e.target.value })} {...invalid(`rows.${i}.source`)} /></label>
            {!ro && <button type="button" className="button-secondary button-small" onClick={() => remove('rows', i)}>{t('reviewQuestionnaire.remove')}</button>}
            {fieldError(`rows.${i}`)}
          </div>
        ))}
        {q.answerType === 'ta_needs' && (
          <>
            {list('items').length === 0 && <p className="rq-hint">{t('reviewQuestionnaire.ta.none')}</p>}
            {list('items').map((it, i) => (
              <div key={i} className="rq-row">
                <label>{t('reviewQuestionnaire.fields.category')}
                  <select value={str(it.category)} onChange={(e) => setItem('items', i, { category: e.target.value })} {...invalid(`items.${i}.category`)}>
                    <option value="">—</option>
                    {TA.map((c) => <option key={c} value={c}>{t(`reviewQuestionnaire.ta.${c}`)}</option>)}
                  </select>
                </label>
                <label className="rq-wide">{t('reviewQuestionnaire.fields.description')}<textarea rows={2} value={str(it.description)} onChange={(e) => setItem('items', i, { description: e.target.value })} {...invalid(`items.${i}.description`)} /></label>
                {!ro && <button type="button" className="button-secondary button-small" onClick={() => remove('items', i)}>{t('reviewQuestionnaire.remove')}</button>}
                {fieldError(`items.${i}`)}
              </div>
            ))}
          </>
        )}
        {!ro && (q.answerType === 'cases' || q.answerType === 'ta_needs') && (
          <button type="button" className="button-secondary button-small" onClick={() => set({ items: [...list('items'), q.answerType === 'cases' ? { title: '', summary: '' } : { category: '', description: '' }] })}>{t('reviewQuestionnaire.add')}</button>
        )}
        {!ro && q.answerType === 'statistics' && (
          <button type="button" className="button-secondary button-small" onClick={() => set({ rows: [...list('rows'), { label: '', value: '', period: '', source: '' }] })}>{t('reviewQuestionnaire.add')}</button>
        )}
      </fieldset>
      {editable && (
        <div className="rq-save">
          <button type="submit" disabled={state.s === 'saving'}>{t('reviewQuestionnaire.save')}</button>
          <span role="status" aria-live="polite" className={`rq-state rq-state-${state.s}`}>
            {state.s === 'saving' && t('reviewQuestionnaire.saving')}
            {state.s === 'saved' && t('reviewQuestionnaire.saved')}
            {state.s === 'error' && (state.e.status === 409 ? t('reviewQuestionnaire.stale') : t('reviewQuestionnaire.notSaved'))}
          </span>
        </div>
      )}
      {state.s === 'error' && state.e.issues.length === 0 && <p className="rq-field-error" role="alert" lang="en" dir="ltr">{state.e.message}</p>}
      {q.answer && <p className="rq-meta">{t('reviewQuestionnaire.lastSaved', { name: q.answer.updatedBy.name, version: q.answer.version })}</p>}
    </form>
  );
}
