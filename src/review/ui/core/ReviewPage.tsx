import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useLang } from '../../../web/i18n.ts';
import { useSession } from '../../../web/session.tsx';
import { useApi } from '../../../web/useApi.ts';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { reviewApi } from './reviewApi.ts';
import { STAGE_ACTIONS, STAGES } from './stages.ts';
import { refusalText } from './refusalText.ts';
import './review.css';

/** /reviews/:id: who is reviewed by whom, where the review stands, its deadlines and people, and exactly the stage actions the machine offers. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const review = useApi((signal) => reviewApi.get(id, lang, signal), [id, lang]);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(review.data ? t('review.page.title', { state: review.data.reviewed.name }) : t('review.list.title'));
  if (review.status === 'error') return <div className="review-ui"><ErrorMessage error={review.error} onRetry={review.reload} /></div>;
  if (!review.data) return <Loading />;
  const r = review.data;
  const at = STAGES.indexOf(r.stage);
  const stageActions = r.actions.filter((a) => (STAGE_ACTIONS as readonly string[]).includes(a.action) && (a.allowed || a.reasons.every((x) => x.code !== 'state')));
  const act = async (action: string) => {
    setError(null);
    try { await reviewApi.act(id, action); review.reload(); } catch (e) { setError(e instanceof ApiError ? e.message : String(e)); }
  };
  const reviewerInstrumentsOf = (s: string) => r.reviewers.find((x) => x.state === s)?.instruments.join(', ') ?? '';
  return (
    <div className="review-ui" data-testid="review-page">
      <p><Link to="/reviews">{t('review.list.title')}</Link></p>
      <h1>{t('review.page.title', { state: r.reviewed.name })}</h1>
      <p className="review-meta">{r.cluster.name} · {r.instruments.join(', ')} · {r.cycle.title}</p>
      <ol className="review-progress" aria-label={t('review.stageLabel')}>
        {STAGES.map((s, i) => <li key={s} className={i < at ? 'done' : i === at ? 'current' : ''} aria-current={i === at ? 'step' : undefined}>{t(`review.stage.${s}`)}</li>)}
      </ol>
      <section>
        <h2>{t('review.reviewers')}</h2>
        <ul>{r.reviewers.map((x) => <li key={x.state}>{x.name} — {t(`review.slot.${x.slot}`)} ({reviewerInstrumentsOf(x.state)})</li>)}</ul>
      </section>
      <section>
        <h2>{t('review.actions.title')}</h2>
        {stageActions.length === 0 && <p>{t('review.actions.none')}</p>}
        {stageActions.map((a) => (
          <div key={a.action} className="review-action">
            <button type="button" disabled={!a.allowed} onClick={() => void act(a.action)}>{t(`review.action.${a.action}`)}</button>
            {!a.allowed && <ul className="review-reasons">{a.reasons.map((x) => { const r = refusalText(t, x); return <li key={x.code} lang={r.lang} dir={r.lang ? 'ltr' : undefined}>{r.text}</li>; })}</ul>}
          </div>
        ))}
        {error && <p role="alert" className="review-error">{error}</p>}
        <p className="review-links">
          <Link to={`/reviews/${id}/questionnaire`}>{t('review.links.questionnaire')}</Link>
          <Link to={`/reviews/${id}/desk`}>{t('review.links.desk')}</Link>
          {r.reviewers.map((x) => <a key={x.state} href={`/api/v1/reviews/${id}/export.docx?lang=${lang}&reviewer=${x.state}`}>{t('review.links.export', { state: x.name })}</a>)}
        </p>
      </section>
      <section>
        <h2>{t('review.deadlines.title')}</h2>
        <table className="review-table">
          <thead><tr><th>{t('review.deadlines.step')}</th><th>{t('review.deadlines.state')}</th><th>{t('review.deadlines.due')}</th><th>{t('review.deadlines.status')}</th></tr></thead>
          <tbody>
            {r.deadlines.map((d, i) => (
              <tr key={i} className={d.overdue ? 'overdue' : ''}>
                <td>{t(`review.deadlines.steps.${d.step}`)}</td><td>{d.state}</td><td>{new Date(`${d.dueOn}T00:00:00Z`).toLocaleDateString(lang, { timeZone: 'UTC' })}</td>
                <td>{d.done ? t('review.deadlines.done') : d.overdue ? <strong>{t('review.deadlines.overdue')}</strong> : t('review.deadlines.open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ParticipantsPanel reviewId={id} states={[r.reviewed.iso3, ...r.reviewers.map((x) => x.state)]} secretariat={r.standing.side === 'secretariat'} />
      <NominateSlot reviewId={id} states={[r.reviewed.iso3, ...r.reviewers.map((x) => x.state)]} />
    </div>
  );
}

/** The nominate form, for who may nominate: the secretariat (any State of the review) or a State's focal point / officer (its own State). */
function NominateSlot({ reviewId, states }: { reviewId: string; states: string[] }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const mine = user?.roles.includes('secretariat') ? states : states.filter((s) => s === user?.state && user.roles.some((r) => r === 'focal_point' || r === 'officer'));
  const [msg, setMsg] = useState<string | null>(null);
  if (mine.length === 0) return null;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    try {
      await reviewApi.nominate(reviewId, { state: s('state'), role: s('role') as 'expert', name: s('name'), noteVerbaleRef: s('nv'), ...(s('email') && { email: s('email') }), ...(s('username') && { username: s('username') }) });
      setMsg(t('review.nominate.done'));
    } catch (err) { setMsg(err instanceof ApiError ? err.message : String(err)); }
  };
  return (
    <section>
      <h2>{t('review.nominate.title')}</h2>
      <form className="review-form" onSubmit={(e) => void submit(e)}>
        <label>{t('review.deadlines.state')}<select name="state">{mine.map((s) => <option key={s}>{s}</option>)}</select></label>
        <label>{t('review.participants.role')}<select name="role">{(['focal_point', 'expert', 'observer'] as const).map((x) => <option key={x} value={x}>{t(`review.role.${x}`)}</option>)}</select></label>
        <label>{t('review.nominate.name')}<input name="name" required minLength={2} maxLength={200} /></label>
        <label>{t('review.nominate.email')}<input name="email" type="email" maxLength={254} /></label>
        <label>{t('review.nominate.username')}<input name="username" maxLength={100} /></label>
        <label>{t('review.nominate.noteVerbale')}<input name="nv" required maxLength={200} /></label>
        <button type="submit">{t('review.nominate.submit')}</button>
      </form>
      {msg && <p role="status">{msg}</p>}
    </section>
  );
}
