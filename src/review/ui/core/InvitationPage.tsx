import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../web/api/client.ts';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useSession } from '../../../web/session.tsx';
import { reviewApi } from './reviewApi.ts';

/** /review-invitations/:token: accept an invitation with the signed-in account (of the invited State). */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('review.invitation.title'));
  const accept = async () => {
    setError(null);
    try { setDone((await reviewApi.accept(token)).reviewId); } catch (e) { setError(e instanceof ApiError ? e.message : String(e)); }
  };
  return (
    <div className="review-ui">
      <h1>{t('review.invitation.title')}</h1>
      {!user && <p>{t('review.invitation.login')}</p>}
      {user && !done && <button type="button" onClick={() => void accept()}>{t('review.invitation.accept')}</button>}
      {done && <p role="status">{t('review.invitation.accepted')} <Link to={`/reviews/${done}`}>{t('review.invitation.open')}</Link></p>}
      {error && <p role="alert" className="review-error">{error}</p>}
    </div>
  );
}
