import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { badAddress, errorText } from './errors.ts';

/** "Loading…", announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed request: what went wrong, the server's detail, and a "Try again" button where trying again can help. */
export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  // A malformed address needs no detail; and a validation failure's message repeats its first issue: print it once.
  const detail = !badAddress(error);
  const first = error.issues[0];
  const repeated = first !== undefined && error.message === `${first.path}: ${first.message}`;
  return (
    <div className="alert" role="alert" data-testid="error-message">
      <p>{errorText(t, error)}</p>
      {detail && error.status !== 0 && error.message && !repeated && (
        <p className="small" lang="en" dir="ltr">
          {error.message}
        </p>
      )}
      {detail && error.issues.length > 0 && (
        <ul className="small" lang="en" dir="ltr">
          {error.issues.map((i) => (
            <li key={i.path + i.message}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && error.status !== 400 && error.status !== 404 && (
        <p>
          <button type="button" className="button-secondary button-small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      )}
    </div>
  );
}
