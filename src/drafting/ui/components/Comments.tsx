import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, ok } from '../../../web/api/client.ts';
import { errorText } from '../../../web/components/errors.ts';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { useFormat } from '../../../web/format.ts';
import { useApi } from '../../../web/useApi.ts';
import type { DraftContent } from '../../draft.schema.ts';
import { commentTargets } from '../commentTargets.ts';
import { usePathLabel } from '../fieldLabel.ts';
import { fieldId } from '../paths.ts';

/**
 * Comments on a draft: the writers' internal notes, and the consultation with the requested State's central
 * authority (which sees only the latter). The owner side chooses the audience; a share reader always consults.
 */
export function Comments({
  draftId,
  owner,
  content,
  fieldHref = (path) => `#${fieldId(path)}`,
  onField,
}: {
  draftId: string;
  owner: boolean;
  content: DraftContent | null;
  /** Where a comment about a field leads: the field on this page, or its step in the wizard. */
  fieldHref?: (path: string) => string;
  /** In the wizard: open the field's step without reloading the page. */
  onField?: (path: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const pathLabel = usePathLabel(content);
  const list = useApi((signal) => ok(api.GET('/api/v1/drafting/drafts/{id}/comments', { params: { path: { id: draftId } }, signal })).then((r) => r.items), [draftId]);
  const [body, setBody] = useState('');
  const [about, setAbout] = useState('');
  const targets = useMemo(() => commentTargets(content), [content]);
  const [audience, setAudience] = useState<'internal' | 'consultation'>(owner ? 'internal' : 'consultation');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    setMissing(false);
    try {
      const path = about ? { path: about } : {};
      await ok(api.POST('/api/v1/drafting/drafts/{id}/comments', { params: { path: { id: draftId } }, body: owner ? { body: body.trim(), audience, ...path } : { body: body.trim(), ...path } }));
      setBody('');
      setAbout('');
      list.reload();
    } catch (err) {
      setError(err instanceof ApiError ? errorText(t, err) : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const items = list.data ?? [];
  return (
    <section className="comments" aria-labelledby="comments-title" data-testid="comments">
      <h3 id="comments-title">{t('drafting.comments.title')}</h3>
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && !list.data && <Loading />}
      {list.data && items.length === 0 && <p className="muted">{t('drafting.comments.none')}</p>}
      {items.length > 0 && (
        <ol className="comment-list">
          {items.map((c) => (
            <li key={c.id} className={`comment comment-${c.audience}`} data-testid="comment" data-audience={c.audience}>
              <p className="comment-head small">
                <strong>{c.author.name}</strong>
                {c.author.state && <span className="badge badge-outline">{c.author.state}</span>}{' '}
                <span className={`badge ${c.audience === 'consultation' ? '' : 'badge-outline'}`}>{t(`drafting.comments.audience.${c.audience}`)}</span>{' '}
                <time dateTime={c.createdAt} className="muted">
                  {f.date(c.createdAt)}
                </time>{' '}
                <span className="muted">{t('drafting.comments.onVersion', { version: c.version })}</span>
              </p>
              {c.path && (
                <p className="small muted" data-testid="comment-about" data-path={c.path}>
                  {t('drafting.comments.aboutPrefix')} <a
                    href={fieldHref(c.path)}
                    onClick={(e) => {
                      if (!onField) return;
                      e.preventDefault();
                      onField(c.path!);
                    }}
                  >
                    {pathLabel(c.path)}
                  </a>
                </p>
              )}
              <p className="comment-body" dir="auto">
                {c.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} noValidate className="comment-form">
        <div className="field">
          <label htmlFor="comment-body">{t(owner ? 'drafting.comments.add' : 'drafting.comments.addConsultation')}</label>
          <textarea
            id="comment-body"
            rows={3}
            value={body}
            dir="auto"
            maxLength={4000}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'comment-missing' : undefined}
            data-testid="comment-body"
          />
          {missing && (
            <span id="comment-missing" className="field-error" role="alert">
              {t('drafting.comments.empty')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="comment-about">{t('drafting.comments.aboutLabel')}</label>
          <select id="comment-about" value={about} onChange={(e) => setAbout(e.target.value)} data-testid="comment-about-select">
            <option value="">{t('drafting.comments.aboutNone')}</option>
            {targets.map((g) => (
              <optgroup key={g.step} label={t(`drafting.steps.${g.step}.title`)}>
                {g.paths.map((p) => (
                  <option key={p} value={p}>
                    {pathLabel(p)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {owner && (
          <fieldset className="choice-group">
            <legend>{t('drafting.comments.audienceLegend')}</legend>
            {(['internal', 'consultation'] as const).map((a) => (
              <div className="choice" key={a}>
                <input type="radio" id={`comment-audience-${a}`} name="comment-audience" checked={audience === a} onChange={() => setAudience(a)} />
                <label htmlFor={`comment-audience-${a}`}>{t(`drafting.comments.audienceChoice.${a}`)}</label>
              </div>
            ))}
          </fieldset>
        )}
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} data-testid="comment-submit">
          {busy ? t('drafting.comments.sending') : t('drafting.comments.send')}
        </button>
      </form>
    </section>
  );
}
