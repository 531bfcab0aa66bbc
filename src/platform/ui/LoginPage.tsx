import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../web/api/client.ts';
import { errorText } from '../../web/components/errors.ts';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useSession } from '../../web/session.tsx';

/** Only an address inside this site is a safe place to return to. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

interface LoginError {
  text: string;
  detail?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError | null>(null);
  usePageTitle(t('login.title'));

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError({ text: t('login.missing') });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await session.login(username.trim(), password);
      navigate(returnPath(location.state), { replace: true });
    } catch (err) {
      setBusy(false);
      setPassword('');
      if (err instanceof ApiError && err.status === 401) setError({ text: t('login.wrong') });
      else if (err instanceof ApiError && err.status === 429) setError({ text: t('login.tooMany'), detail: err.message });
      else if (err instanceof ApiError) setError({ text: errorText(t, err), detail: err.status ? err.message : undefined });
      else setError({ text: t('error.unexpected') });
    }
  };

  if (session.user) {
    return (
      <>
        <h1>{t('login.title')}</h1>
        <p>{t('login.already', { name: session.user.displayName })}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </>
    );
  }

  const invalid = error !== null;
  return (
    <>
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      <form className="form-narrow" onSubmit={onSubmit} noValidate aria-describedby={error ? 'login-error' : undefined}>
        {error && (
          <div className="alert" role="alert" id="login-error">
            <p>{error.text}</p>
            {error.detail && (
              <p className="small" lang="en" dir="ltr">
                {error.detail}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor="username">{t('login.username')}</label>
          <input
            id="username"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            aria-invalid={invalid && !username.trim() ? true : undefined}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={invalid && !password ? true : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </>
  );
}
