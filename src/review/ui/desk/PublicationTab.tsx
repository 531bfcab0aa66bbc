import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { useApi } from '../../../web/useApi.ts';
import { deskApi, type Review } from './deskApi.ts';
import { StepButton } from './StepButton.tsx';

/** Publication: an explicit act of the reviewed State's focal point, output by output, only once submitted. */
export function PublicationTab({ review, onChanged }: { review: Review; onChanged: () => void }) {
  const { t } = useTranslation();
  const data = useApi(async (signal) => ({ obs: await deskApi.observations(review.id, signal), sums: await deskApi.summaries(review.id, signal) }), [review.id]);
  if (data.status === 'error') return <ErrorMessage error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const changed = () => { data.reload(); onChanged(); };
  const rows = review.reviewers.flatMap((r) => {
    const l = data.data!.obs.lists.find((x) => x.reviewingState === r.state);
    const s = data.data!.sums.summaries.find((x) => x.reviewingState === r.state);
    return [
      { state: r.state, name: r.name, output: 'observations' as const, submitted: !!l?.submitted, published: l?.published ?? null },
      { state: r.state, name: r.name, output: 'summary' as const, submitted: !!s?.submitted, published: s?.published ?? null },
    ];
  });
  return (
    <section aria-labelledby="desk-pub-h">
      <h2 id="desk-pub-h">{t('reviewDesk.tabs.publication')}</h2>
      <p>{t('reviewDesk.pub.intro')}</p>
      <table className="table">
        <thead><tr><th>{t('reviewDesk.pub.output')}</th><th>{t('reviewDesk.pub.status')}</th><th /></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.state + r.output}>
              <td>{t(`reviewDesk.pub.${r.output}`, { state: r.name })}</td>
              <td>{r.published ? t('reviewDesk.pub.publishedOn', { date: r.published.at.slice(0, 10) }) : r.submitted ? t('reviewDesk.pub.submitted') : t('reviewDesk.pub.notSubmitted')}</td>
              <td>
                {!r.published && r.submitted && review.standing.side === 'reviewed' && (
                  <StepButton review={review} action="publish" label={t('reviewDesk.pub.publish')} testId={`desk-publish-${r.output}-${r.state}`}
                    onClick={() => deskApi.publish(review.id, { output: r.output, reviewingState: r.state }).then(changed)} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small"><a href={`/review-published/${review.id}`}>{t('reviewDesk.pub.publicPage')}</a></p>
    </section>
  );
}
