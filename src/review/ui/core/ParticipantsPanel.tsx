import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { useApi } from '../../../web/useApi.ts';
import { reviewApi } from './reviewApi.ts';

/** The people of a review by side, State and role, with their status; the secretariat invites (the link shown once) and revokes. */
export function ParticipantsPanel({ reviewId, secretariat }: { reviewId: string; states: string[]; secretariat: boolean }) {
  const { t, i18n } = useTranslation();
  const people = useApi((signal) => reviewApi.participants(reviewId, i18n.language, signal), [reviewId, i18n.language]);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try { await f(); people.reload(); } catch (e) { setError(e instanceof ApiError ? e.message : String(e)); }
  };
  return (
    <section>
      <h2>{t('review.participants.title')}</h2>
      {people.status === 'error' && <ErrorMessage error={people.error} onRetry={people.reload} />}
      {!people.data && people.status === 'loading' && <Loading />}
      {link && <p role="status" className="review-link-once">{t('review.participants.linkOnce')} <code dir="ltr">{link}</code></p>}
      {error && <p role="alert" className="review-error">{error}</p>}
      {people.data && (
        <table className="review-table" data-testid="review-participants">
          <thead><tr><th>{t('review.participants.side')}</th><th>{t('review.deadlines.state')}</th><th>{t('review.participants.role')}</th><th>{t('review.participants.name')}</th><th>{t('review.participants.status')}</th>{secretariat && <th />}</tr></thead>
          <tbody>
            {people.data.items.map((p) => (
              <tr key={p.id}>
                <td>{t(`review.side.${p.side}`)}</td><td>{p.stateName}</td><td>{t(`review.role.${p.role}`)}</td><td>{p.name}</td><td>{t(`review.status.${p.status}`)}</td>
                {secretariat && (
                  <td className="review-row-actions">
                    {['nominated', 'invited', 'expired'].includes(p.status) && (
                      <button type="button" onClick={() => void run(async () => setLink(`${window.location.origin}${(await reviewApi.invite(reviewId, p.id)).link}`))}>{t('review.participants.invite')}</button>
                    )}
                    {p.status !== 'revoked' && <button type="button" onClick={() => void run(() => reviewApi.revoke(reviewId, p.id))}>{t('review.participants.revoke')}</button>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
