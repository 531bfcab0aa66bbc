import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { useApi } from '../../../web/useApi.ts';
import { actionOf, deskApi, type ObservationList, type Review } from './deskApi.ts';
import { ObservationForm } from './ObservationForm.tsx';
import { StepButton } from './StepButton.tsx';

const KINDS = ['gap', 'good_practice', 'suggestion', 'ta_need'] as const;

/** One reviewing State's list: items grouped by kind with their articles, the editor, agree (reviewed FP) and submit (its FP). */
function List({ review, list, onChanged }: { review: Review; list: ObservationList; onChanged: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const s = review.standing;
  const canDraft = actionOf(review, 'draft_observation').allowed && !list.submitted && (s.side === 'reviewed' || s.state === list.reviewingState);
  const name = review.reviewers.find((r) => r.state === list.reviewingState)?.name ?? list.reviewingState;
  return (
    <section className="desk-obs-list" data-testid={`desk-obs-list-${list.reviewingState}`} aria-labelledby={`obs-h-${list.reviewingState}`}>
      <h3 id={`obs-h-${list.reviewingState}`}>{t('reviewDesk.obs.listOf', { state: name })}</h3>
      <p className="small">
        {list.agreed ? <span className="badge desk-status-sent" data-testid="desk-obs-agreed">{t('reviewDesk.obs.agreed', { by: list.agreed.by })}</span> : <span className="badge">{t('reviewDesk.obs.notAgreed')}</span>}
        {' '}{list.submitted && <span className="badge desk-status-answered" data-testid="desk-obs-submitted">{t('reviewDesk.obs.submitted', { by: list.submitted.by })}</span>}
        {' '}{list.published && <span className="badge">{t('reviewDesk.pub.published')}</span>}
      </p>
      {list.items.length === 0 && <p className="small">{t('reviewDesk.obs.empty')}</p>}
      {KINDS.map((k) => {
        const items = list.items.filter((i) => i.kind === k);
        if (items.length === 0) return null;
        return (
          <div key={k} className="desk-obs-kind">
            <h4>{t(`reviewDesk.obsKinds.${k}`)}</h4>
            <ul>
              {items.map((i) => (
                <li key={i.id} data-testid="desk-obs-item">
                  <span className="desk-obs-ref">{i.instrument} {t('reviewDesk.obs.art')} {i.articles.join(', ')}</span>
                  {i.taCategory && <span className="badge">{t(`reviewDesk.ta.${i.taCategory}`)}</span>}
                  <p dir="auto">{i.text}</p>
                  {canDraft && <button type="button" className="button small secondary" onClick={() => deskApi.deleteObservation(review.id, i.id).then(onChanged, setError)}>{t('reviewDesk.obs.remove')}</button>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {error && <ErrorMessage error={error} />}
      {canDraft && <ObservationForm review={review} state={list.reviewingState} onChanged={onChanged} />}
      {s.side === 'reviewed' && !list.agreed && !list.submitted && (
        <StepButton review={review} action="agree_observations" label={t('reviewDesk.obs.agree')} testId={`desk-obs-agree-${list.reviewingState}`} hideUnlessRelevant={s.role !== 'focal_point'}
          onClick={() => deskApi.step(review.id, { step: 'observations_agreed', reviewingState: list.reviewingState }).then(onChanged)} />
      )}
      {s.side === 'reviewing' && s.state === list.reviewingState && !list.submitted && (
        <StepButton review={review} action="submit_observations" label={t('reviewDesk.obs.submit')} testId={`desk-obs-submit-${list.reviewingState}`}
          onClick={() => deskApi.step(review.id, { step: 'observations' }).then(onChanged)} />
      )}
    </section>
  );
}

/** The lists of observations, one per reviewing State. */
export function ObservationsTab({ review, onChanged }: { review: Review; onChanged: () => void }) {
  const { t } = useTranslation();
  const lists = useApi((signal) => deskApi.observations(review.id, signal), [review.id]);
  if (lists.status === 'error') return <ErrorMessage error={lists.error} onRetry={lists.reload} />;
  if (!lists.data) return <Loading />;
  const changed = () => { lists.reload(); onChanged(); };
  return (
    <section aria-labelledby="desk-obs-h">
      <h2 id="desk-obs-h">{t('reviewDesk.tabs.observations')}</h2>
      {review.stage === 'desk_review' || review.stage === 'answering' || review.stage === 'nominating' ? <p className="small">{t('reviewDesk.obs.notYet')}</p> : null}
      {lists.data.lists.map((l) => <List key={l.reviewingState} review={review} list={l} onChanged={changed} />)}
    </section>
  );
}
