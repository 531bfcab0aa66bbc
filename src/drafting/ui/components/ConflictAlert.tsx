import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../web/api/client.ts';
import { errorText } from '../../../web/components/errors.ts';
import type { Autosave } from '../useAutosave.ts';

/**
 * A save refused because the draft changed elsewhere (409), or another failure: say so, and let the user
 * choose — take the saved version, or keep theirs over it. Nothing is thrown away silently.
 */
export function SaveProblem({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setFailed(null);
    try {
      await f();
    } catch (e) {
      setFailed(e instanceof ApiError ? errorText(t, e) : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };
  if (autosave.status === 'conflict') {
    const finalised = autosave.error?.message?.toLowerCase().includes('finalised');
    return (
      <div className="alert" role="alert" data-testid="save-conflict">
        <p>
          <strong>{t('drafting.save.conflictTitle')}</strong> {finalised ? t('drafting.save.conflictFinalised') : t('drafting.save.conflictText')}
        </p>
        <div className="button-row">
          <button type="button" className="button-secondary" disabled={busy} onClick={() => run(autosave.reload)}>
            {t('drafting.save.takeTheirs')}
          </button>
          {!finalised && (
            <button type="button" disabled={busy} onClick={() => run(autosave.overwrite)}>
              {t('drafting.save.keepMine')}
            </button>
          )}
        </div>
        {failed && <p>{failed}</p>}
      </div>
    );
  }
  if (autosave.status === 'error' && autosave.error) {
    return (
      <div className="alert" role="alert" data-testid="save-error">
        <p>
          <strong>{t('drafting.save.failedTitle')}</strong>{' '}
          {autosave.invalid.length ? t('drafting.save.invalid', { count: autosave.invalid.length }) : errorText(t, autosave.error)}
        </p>
        <p>
          <button type="button" className="button-secondary button-small" disabled={busy} onClick={() => run(autosave.flush)}>
            {t('common.retry')}
          </button>
        </p>
      </div>
    );
  }
  return null;
}
