import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { cancelDraw, performDraw, recordRedraw, useDraw, type Draw, type RedrawInput } from './adminApi.ts';
import { DrawDetails } from './DrawDetails.tsx';
import { useSubmit } from './useSubmit.ts';
import './review-admin.css';

/** /review-admin/draws/:id: the draw flow for the secretariat — draw with the seed, cancel, record redraws. */
export function DrawAdminPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [n, setN] = useState(0);
  const draw = useDraw(id, [n]);
  usePageTitle(t('reviewAdmin.draw.title'));
  if (draw.status === 'error') return <ErrorMessage error={draw.error} onRetry={draw.reload} />;
  if (!draw.data) return <Loading />;
  const d = draw.data;
  const reload = () => setN((x) => x + 1);
  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/review-admin', label: t('reviewAdmin.nav') }, ...(d.cycle ? [{ to: `/review-admin/cycles/${d.cycle.id}`, label: d.cycle.title }] : []), { label: t('reviewAdmin.draw.title') }]} />
      <h1>{t('reviewAdmin.draw.title')}</h1>
      <p><Link to={`/review-draws/${d.id}`}>{t('reviewAdmin.draw.publicPage')}</Link></p>
      {d.status === 'announced' && <DrawForm draw={d} onDone={reload} />}
      <DrawDetails draw={d} />
      {d.status === 'drawn' && d.kind === 'reviewers' && <RedrawForm draw={d} onDone={reload} />}
    </>
  );
}

function DrawForm({ draw, onDone }: { draw: Draw; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [seed, setSeed] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(() => performDraw(draw.id, seed), onDone);
  };
  return (
    <form className="ra-form" onSubmit={onSubmit} data-testid="draw-form">
      <p className="prose">{t('reviewAdmin.draw.drawHelp')}</p>
      <div><label htmlFor="d-seed">{t('reviewAdmin.draw.seed')}</label><input id="d-seed" type="text" dir="ltr" value={seed} onChange={(e) => setSeed(e.target.value)} required /></div>
      {submit.error && <ErrorMessage error={submit.error} />}
      <div className="row">
        <button type="submit" disabled={submit.busy}>{t('reviewAdmin.draw.drawButton')}</button>
        <button type="button" className="button-secondary" disabled={submit.busy} onClick={() => void submit.run(() => cancelDraw(draw.id), onDone)}>{t('reviewAdmin.draw.cancelButton')}</button>
      </div>
    </form>
  );
}

function RedrawForm({ draw, onDone }: { draw: Draw; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [reviewed, setReviewed] = useState(draw.pairs[0]?.reviewed ?? '');
  const pair = draw.pairs.find((p) => p.reviewed === reviewed);
  const [holder, setHolder] = useState('');
  const current = pair?.reviewers.find((r) => `${r.slot}/${r.state}` === holder) ?? pair?.reviewers[0];
  const [requestedByState, setRequester] = useState('');
  const [requestedByName, setName] = useState('');
  const [reason, setReason] = useState('');
  const [exceptional, setExceptional] = useState(false);
  const [exceptionReason, setExceptionReason] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!current) return;
    const body: RedrawInput = {
      reviewed, slot: current.slot, replaced: current.state, requestedByState: requestedByState || reviewed, requestedByName, reason,
      ...(exceptional ? { exceptional: true, exceptionReason } : {}),
    };
    void submit.run(() => recordRedraw(draw.id, body), () => {
      setReason('');
      setExceptional(false);
      setExceptionReason('');
      onDone();
    });
  };
  return (
    <section aria-labelledby="redraw-title">
      <h2 id="redraw-title">{t('reviewAdmin.redraw.title')}</h2>
      <p className="prose">{t('reviewAdmin.redraw.help')}</p>
      <form className="ra-form" onSubmit={onSubmit} data-testid="redraw-form">
        <div className="row">
          <div>
            <label htmlFor="rd-reviewed">{t('reviewAdmin.draw.reviewed')}</label>
            <select id="rd-reviewed" value={reviewed} onChange={(e) => { setReviewed(e.target.value); setHolder(''); setRequester(''); }}>
              {draw.pairs.map((p) => <option key={p.reviewed} value={p.reviewed}>{p.reviewed}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="rd-slot">{t('reviewAdmin.redraw.slot')}</label>
            <select id="rd-slot" value={current ? `${current.slot}/${current.state}` : ''} onChange={(e) => setHolder(e.target.value)}>
              {pair?.reviewers.map((r) => <option key={r.state} value={`${r.slot}/${r.state}`}>{r.state} — {t(`reviewAdmin.slots.${r.slot}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="rd-by">{t('reviewAdmin.redraw.requestedBy')}</label>
            <select id="rd-by" value={requestedByState || reviewed} onChange={(e) => setRequester(e.target.value)}>
              {[reviewed, ...(pair?.reviewers.map((r) => r.state) ?? [])].map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </div>
        </div>
        <div><label htmlFor="rd-name">{t('reviewAdmin.redraw.name')}</label><input id="rd-name" type="text" value={requestedByName} onChange={(e) => setName(e.target.value)} required /></div>
        <div><label htmlFor="rd-reason">{t('reviewAdmin.redraw.reason')}</label><textarea id="rd-reason" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} /></div>
        <div><label><input type="checkbox" checked={exceptional} onChange={(e) => setExceptional(e.target.checked)} /> {t('reviewAdmin.redraw.exceptional')}</label></div>
        {exceptional && <div><label htmlFor="rd-exc">{t('reviewAdmin.redraw.exceptionReason')}</label><textarea id="rd-exc" value={exceptionReason} onChange={(e) => setExceptionReason(e.target.value)} required minLength={3} /></div>}
        {submit.error && <ErrorMessage error={submit.error} />}
        <p><button type="submit" disabled={submit.busy}>{t('reviewAdmin.redraw.button')}</button></p>
      </form>
    </section>
  );
}
