import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { useApi } from '../../../web/useApi.ts';
import { actionOf, deskApi, type Review, type Summary } from './deskApi.ts';
import { StepButton } from './StepButton.tsx';

function Editor({ review, s, onChanged }: { review: Review; s: Summary; onChanged: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(s.text ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    deskApi.saveSummary(review.id, s.reviewingState, { text, ...(s.version ? { version: s.version } : {}) }).then(onChanged, setError);
  };
  return (
    <form onSubmit={save} className="desk-composer">
      <textarea required rows={8} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('reviewDesk.sum.label')} data-testid="desk-summary-text" />
      <button type="submit" className="button" data-testid="desk-summary-save">{t('reviewDesk.sum.save')}</button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

/** Each reviewing State's summary: its own people write it, its focal point submits it; others read it once submitted. */
export function SummaryTab({ review, onChanged }: { review: Review; onChanged: () => void }) {
  const { t } = useTranslation();
  const sums = useApi((signal) => deskApi.summaries(review.id, signal), [review.id]);
  if (sums.status === 'error') return <ErrorMessage error={sums.error} onRetry={sums.reload} />;
  if (!sums.data) return <Loading />;
  const changed = () => { sums.reload(); onChanged(); };
  const st = review.standing;
  return (
    <section aria-labelledby="desk-sum-h">
      <h2 id="desk-sum-h">{t('reviewDesk.tabs.summary')}</h2>
      {sums.data.summaries.map((s) => {
        const mine = st.side === 'reviewing' && st.state === s.reviewingState;
        const name = review.reviewers.find((r) => r.state === s.reviewingState)?.name ?? s.reviewingState;
        return (
          <article key={s.reviewingState} className="desk-question" data-testid={`desk-summary-${s.reviewingState}`}>
            <h3>{t('reviewDesk.sum.of', { state: name })}</h3>
            {s.submitted && <p className="small"><span className="badge desk-status-answered">{t('reviewDesk.obs.submitted', { by: s.submitted.by })}</span></p>}
            {mine && !s.submitted && actionOf(review, 'draft_summary').allowed
              ? <Editor review={review} s={s} onChanged={changed} />
              : <p className="desk-summary" dir="auto">{s.text ?? t('reviewDesk.sum.none')}</p>}
            {mine && !s.submitted && (
              <StepButton review={review} action="submit_summary" label={t('reviewDesk.sum.submit')} testId="desk-summary-submit"
                onClick={() => deskApi.step(review.id, { step: 'summary' }).then(changed)} />
            )}
          </article>
        );
      })}
    </section>
  );
}
