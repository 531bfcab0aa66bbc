import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../web/api/client.ts';
import { errorText } from '../../web/components/errors.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { LANGUAGES, useLang } from '../../web/i18n.ts';
import type { Lang } from '../../web/api/types.ts';
import { useApi } from '../../web/useApi.ts';
import { notificationsApi, type NoticePreference } from './notificationsApi.ts';

/**
 * How the person is told of each kind of notice (in the inbox, by e-mail) and in which language notices and
 * e-mails are written; the kinds and their names come from the server, so a new module's notices appear here.
 */
export function NotificationSettings() {
  const { t } = useTranslation();
  const lang = useLang();
  const res = useApi((signal) => notificationsApi.preferences(lang, signal), [lang]);
  const [kinds, setKinds] = useState<NoticePreference[]>([]);
  const [language, setLanguage] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    if (res.data) {
      setKinds(res.data.kinds);
      setLanguage(res.data.language);
    }
  }, [res.data]);

  const change = (kind: string, field: 'inApp' | 'email', value: boolean) => setKinds((ks) => ks.map((k) => (k.kind === kind ? { ...k, [field]: value } : k)));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await notificationsApi.savePreferences(lang, { language: language as Lang, kinds: kinds.map(({ kind, inApp, email }) => ({ kind, inApp, email })) });
      setKinds(saved.kinds);
      setLanguage(saved.language);
      setMessage({ text: t('notifications.settings.saved'), error: false });
    } catch (err) {
      setMessage({ text: err instanceof ApiError ? errorText(t, err) : t('error.unexpected'), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="notice-settings-title" data-testid="notification-settings">
      <h2 id="notice-settings-title">{t('notifications.settings.title')}</h2>
      <p className="small muted">{t('notifications.settings.intro')}</p>
      {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.status === 'loading' && !res.data && <Loading />}
      {res.data && (
        <form onSubmit={(e) => void save(e)}>
          <label htmlFor="notice-language">{t('notifications.settings.language')}</label>{' '}
          <select id="notice-language" value={language} onChange={(e) => setLanguage(e.target.value)} data-testid="notice-language">
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('notifications.settings.kind')}</th>
                <th scope="col">{t('notifications.settings.inApp')}</th>
                <th scope="col">{t('notifications.settings.email')}</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((k) => (
                <tr key={k.kind} data-testid="notice-kind" data-kind={k.kind}>
                  <th scope="row">{k.label}</th>
                  <td>
                    <input type="checkbox" checked={k.inApp} onChange={(e) => change(k.kind, 'inApp', e.target.checked)} aria-label={`${k.label}: ${t('notifications.settings.inApp')}`} data-testid="notice-in-app" />
                  </td>
                  <td>
                    <input type="checkbox" checked={k.email} onChange={(e) => change(k.kind, 'email', e.target.checked)} aria-label={`${k.label}: ${t('notifications.settings.email')}`} data-testid="notice-email" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">{t('notifications.settings.emailHint')}</p>
          <button type="submit" disabled={busy} data-testid="save-notification-settings">
            {t('notifications.settings.save')}
          </button>
          <p className={message?.error ? 'alert' : 'visually-hidden'} role={message?.error ? 'alert' : 'status'} aria-live="polite">
            {message?.text ?? ''}
          </p>
          {message && !message.error && <p className="notice">{message.text}</p>}
        </form>
      )}
    </section>
  );
}
