import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, ApiError, ok } from '../../web/api/client.ts';
import type { SearchParams } from './searchParams.ts';
import { ErrorMessage } from '../../web/components/LoadState.tsx';
import { useSession } from '../../web/session.tsx';
import { toSavedQuery } from './searchUrl.ts';

/** "Save this search": a name and whether to be told by e-mail; logged-in users only (others get a link to log in). */
export function SaveSearchForm({ params, defaultName }: { params: SearchParams; defaultName: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  if (session.status === 'loading') return null;
  if (!session.user) {
    return (
      <p className="save-search small">
        <Link to="/login" state={{ from: location.pathname + location.search }}>
          {t('knowledge.save.loginToSave')}
        </Link>
      </p>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim() || defaultName;
    if (!n) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    setMissing(false);
    try {
      await ok(api.POST('/api/v1/saved-searches', { body: { name: n, query: toSavedQuery(params), email } }));
      setSaved(n);
      setOpen(false);
      setName('');
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="save-search">
      {saved && (
        <p className="notice notice-success" role="status" data-testid="saved-search-done">
          {t('knowledge.save.done', { name: saved })} <Link to="/inbox">{t('knowledge.save.seeInbox')}</Link>
        </p>
      )}
      {!open ? (
        <button
          type="button"
          className="button-secondary button-small"
          aria-expanded={false}
          onClick={() => {
            setOpen(true);
            setSaved(null);
          }}
        >
          {t('knowledge.save.open')}
        </button>
      ) : (
        <form className="save-search-form" onSubmit={onSubmit} aria-labelledby="save-search-title" noValidate>
          <h2 id="save-search-title" className="h3-like">
            {t('knowledge.save.title')}
          </h2>
          <p className="small muted">{t('knowledge.save.intro')}</p>
          {error && <ErrorMessage error={error} />}
          <div className="field">
            <label htmlFor="save-search-name">{t('knowledge.save.name')}</label>
            <input
              id="save-search-name"
              autoFocus
              type="text"
              maxLength={200}
              value={name}
              placeholder={defaultName}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? 'save-search-missing' : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {missing && (
              <span id="save-search-missing" className="field-error" role="alert">
                {t('knowledge.save.nameMissing')}
              </span>
            )}
          </div>
          <div className="field field-check">
            <input id="save-search-email" type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
            <label htmlFor="save-search-email">{t('knowledge.save.email')}</label>
          </div>
          <div className="button-row">
            <button type="submit" disabled={busy}>
              {busy ? t('knowledge.save.saving') : t('knowledge.save.submit')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
              {t('knowledge.common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
