import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, ok } from '../../../web/api/client.ts';
import { errorText } from '../../../web/components/errors.ts';
import { useFormat } from '../../../web/format.ts';
import type { Draft } from '../../../web/api/types.ts';
import { can } from './actions.ts';

/**
 * Informal consultation (what the COP recommends before sending): share the draft read-only with the
 * requested State's central authority, which can comment; stop sharing at any time.
 */
export function SharePanel({ draft, stateName, flush, onChanged }: { draft: Draft; stateName: (iso3: string | null) => string; flush: () => Promise<boolean>; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const to = draft.content.requested.state;
  const active = draft.shares.find((s) => s.state === to) ?? draft.shares[0];

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await flush();
      await action();
      await onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? errorText(t, e) : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="share" aria-labelledby="share-title" data-testid="share">
      <h3 id="share-title">{t('drafting.share.title')}</h3>
      <p className="small muted">{t('drafting.share.intro')}</p>
      {!to ? (
        <p className="notice">{t('drafting.share.chooseStateFirst')}</p>
      ) : can(draft, 'unshare') && active ? (
        <>
          <p className="notice notice-success" data-testid="share-active">
            {t('drafting.share.active', { state: stateName(active.state), date: f.date(active.sharedAt), name: active.sharedBy.name })}
            {active.note && (
              <>
                <br />
                <span className="small" dir="auto">
                  {active.note}
                </span>
              </>
            )}
          </p>
          <button type="button" className="button-secondary button-danger" disabled={busy || !can(draft, 'unshare')} onClick={() => run(() => ok(api.DELETE('/api/v1/drafting/drafts/{id}/shares', { params: { path: { id: draft.id } } })))} data-testid="unshare">
            {t('drafting.share.stop')}
          </button>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="share-note">{t('drafting.share.note')}</label>
            <span id="share-note-hint" className="field-hint">
              {t('drafting.share.noteHint')}
            </span>
            <textarea id="share-note" rows={2} value={note} maxLength={2000} dir="auto" onChange={(e) => setNote(e.target.value)} aria-describedby="share-note-hint" />
          </div>
          <button type="button" disabled={busy || !can(draft, 'share')} onClick={() => run(() => ok(api.POST('/api/v1/drafting/drafts/{id}/shares', { params: { path: { id: draft.id } }, body: note.trim() ? { note: note.trim() } : {} })))} data-testid="share-button">
            {t('drafting.share.button', { state: stateName(to) })}
          </button>
        </>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
