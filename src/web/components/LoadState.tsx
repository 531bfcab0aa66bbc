import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { errorText } from './errors.ts';

/** "Loading…", announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed request: what went wrong, the server's detail, and a "Try again" button. */
export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert" role="alert">
      <p>{errorText(t, error)}</p>
      {error.status !== 0 && error.message && (
        <p className="small" lang="en" dir="ltr">
          {error.message}
        </p>
      )}
      {error.issues.length > 0 && (
        <ul className="small" lang="en" dir="ltr">
          {error.issues.map((i) => (
            <li key={i.path + i.message}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <p>
          <button type="button" className="button-secondary button-small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      )}
    </div>
  );
}
