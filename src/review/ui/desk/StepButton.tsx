import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../web/api/client.ts';
import { ErrorMessage } from '../../../web/components/LoadState.tsx';
import { refusalText } from '../core/refusalText.ts';
import { actionOf, type Review } from './deskApi.ts';

/**
 * A workflow step's button, shown exactly as the review's `actions` allow: enabled when the viewer may take it now,
 * otherwise disabled with the server's reasons beside it (nothing at all for those who could never take it).
 */
export function StepButton({ review, action, label, onClick, testId, hideUnlessRelevant }: {
  review: Review; action: string; label: string; onClick: () => Promise<unknown>; testId: string; hideUnlessRelevant?: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const a = actionOf(review, action);
  if (!a.allowed && hideUnlessRelevant) return null;
  return (
    <div className="desk-step">
      <button type="button" className="button" disabled={!a.allowed || busy} data-testid={testId}
        onClick={() => { setBusy(true); setError(null); onClick().catch((e: ApiError) => setError(e)).finally(() => setBusy(false)); }}>
        {label}
      </button>
      {!a.allowed && a.reasons.length > 0 && <span className="small desk-reason">{t('reviewDesk.notNow')}: {a.reasons.map((r) => { const x = refusalText(t, r); return <span key={r.code} lang={x.lang} dir={x.lang ? 'ltr' : undefined}>{x.text} </span>; })}</span>}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
