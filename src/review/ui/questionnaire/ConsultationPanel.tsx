import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { addConsultation, useConsultations, type Consultation } from './questionnaireApi.ts';

const SECTORS: Consultation['sector'][] = ['government', 'parliament', 'judiciary', 'law_enforcement', 'private_sector', 'ngo', 'academia', 'other'];

/** The national consultation: who the reviewed State consulted (everyone in the review reads; its drafters add). */
export function ConsultationPanel({ reviewId, editable }: { reviewId: string; editable: boolean }) {
  const { t } = useTranslation();
  const [n, setN] = useState(0);
  const list = useConsultations(reviewId, [n]);
  const [form, setForm] = useState({ bodyName: '', sector: 'government' as Consultation['sector'], consultedOn: '', note: '' });
  const [err, setErr] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function add() {
    setBusy(true);
    setErr(null);
    try {
      await addConsultation(reviewId, { bodyName: form.bodyName, sector: form.sector, note: form.note, ...(form.consultedOn && { consultedOn: form.consultedOn }) });
      setForm({ bodyName: '', sector: 'government', consultedOn: '', note: '' });
      setN((x) => x + 1);
    } catch (e) {
      setErr(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }
  const issue = (f: string) => err?.issues.find((i) => i.path === `body.${f}`)?.message;
  return (
    <section className="rq-consultation" aria-labelledby="rq-consultation-h">
      <h2 id="rq-consultation-h">{t('reviewQuestionnaire.consultation.title')}</h2>
      <p className="rq-hint">{t('reviewQuestionnaire.consultation.intro')}</p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && (list.data.items.length === 0 ? <p>{t('reviewQuestionnaire.consultation.none')}</p> : (
        <ul className="rq-consulted">
          {list.data.items.map((c) => (
            <li key={c.id}><strong>{c.bodyName}</strong> — {t(`reviewQuestionnaire.sector.${c.sector}`)}{c.consultedOn && <> · <time dateTime={c.consultedOn}>{c.consultedOn}</time></>}{c.note && <p>{c.note}</p>}</li>
          ))}
        </ul>
      ))}
      {editable && (
        <form className="rq-row" onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <label>{t('reviewQuestionnaire.consultation.body')}<input required value={form.bodyName} onChange={(e) => setForm({ ...form, bodyName: e.target.value })} aria-invalid={!!issue('bodyName')} /></label>
          <label>{t('reviewQuestionnaire.consultation.sector')}
            <select value={form.sector} onChange={(e) => setForm({ ...form, sector: e.target.value as Consultation['sector'] })}>
              {SECTORS.map((s) => <option key={s} value={s}>{t(`reviewQuestionnaire.sector.${s}`)}</option>)}
            </select>
          </label>
          <label>{t('reviewQuestionnaire.consultation.on')}<input type="date" value={form.consultedOn} onChange={(e) => setForm({ ...form, consultedOn: e.target.value })} aria-invalid={!!issue('consultedOn')} /></label>
          <label className="rq-wide">{t('reviewQuestionnaire.consultation.note')}<textarea rows={2} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} /></label>
          <button type="submit" disabled={busy}>{t('reviewQuestionnaire.consultation.add')}</button>
          {err && <p className="rq-field-error" role="alert" lang="en" dir="ltr">{err.issues.map((i) => `${i.path}: ${i.message}`).join(' · ') || err.message}</p>}
        </form>
      )}
    </section>
  );
}
