import { useId, useRef, useState, type FormEvent } from 'react';
import { DOCUMENT_ROLES } from '../case.vocabulary.ts';
import { ApiError } from '../../web/api/client.ts';
import { errorText } from '../../web/components/errors.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { useFormat, useLanguageName } from '../../web/format.ts';
import { useApi } from '../../web/useApi.ts';
import type { CaseDto } from './caseTypes.ts';
import { documentsApi, documentUrl, DOCUMENT_ACCEPT, type CaseDocument } from './documentsApi.ts';
import { useCaseLabels } from './labels.ts';

/**
 * The case's documents (the rules helper's routes): each document with its versions and translations, each file
 * with its SHA-256 so both sides can prove what was sent; a plain download link; an upload form for who may act
 * on the case (the API's `permissions.act`).
 */
export function DocumentsPanel({ c, onChanged }: { c: CaseDto; onChanged: () => void }) {
  const L = useCaseLabels();
  const f = useFormat();
  const { t } = L;
  // the timeline's length changes with every document added, here or by the other side
  const docs = useApi((signal) => documentsApi.list(c.id, signal), [c.id, c.timeline.length]);
  return (
    <section className="case-section" aria-labelledby="case-docs-title" data-testid="case-documents">
      <h2 id="case-docs-title">{t('cases.documents.title')}</h2>
      {docs.status === 'error' && <ErrorMessage error={docs.error} onRetry={docs.reload} />}
      {docs.status === 'loading' && !docs.data && <Loading />}
      {docs.data &&
        (docs.data.length === 0 ? (
          <p className="small muted">{t('cases.documents.none')}</p>
        ) : (
          <ul className="plain-list doc-list">
            {docs.data.map((g) => (
              <li key={g.series} data-testid="case-document">
                <DocumentLine caseId={c.id} d={g.current} />
                {g.versions.length > 1 && (
                  <details className="small">
                    <summary>{t('cases.documents.versions', { count: g.versions.length, n: f.number(g.versions.length) })}</summary>
                    <ul className="plain-list">
                      {g.versions.filter((v) => v.id !== g.current.id).map((v) => (
                        <li key={v.id}>
                          <DocumentLine caseId={c.id} d={v} />
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {g.translations.length > 0 && (
                  <ul className="plain-list doc-translations">
                    {g.translations.map((tr) => (
                      <li key={tr.series}>
                        <DocumentLine caseId={c.id} d={tr.current} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        ))}
      {c.permissions.act && c.status !== 'closed' && <UploadForm c={c} groups={docs.data ?? []} onDone={onChanged} />}
    </section>
  );
}

function DocumentLine({ caseId, d }: { caseId: string; d: CaseDocument }) {
  const L = useCaseLabels();
  const f = useFormat();
  const languageName = useLanguageName();
  return (
    <div className="doc-line">
      <a href={documentUrl(caseId, d.id)} download={d.fileName} aria-label={L.t('cases.documents.download', { name: d.fileName })} dir="auto">
        {d.title || d.fileName}
      </a>{' '}
      <span className="small muted">
        {L.documentRole(d.role)}
        {d.language && <> · {languageName(d.language)}</>} · {L.t('cases.documents.version', { n: f.number(d.version) })} · {f.date(d.addedAt)}
      </span>
      <span className="block digest" dir="ltr" data-testid="document-digest">
        SHA-256 {d.sha256}
      </span>
    </div>
  );
}

type Group = Awaited<ReturnType<typeof documentsApi.list>>[number];

function UploadForm({ c, groups, onDone }: { c: CaseDto; groups: Group[]; onDone: () => void }) {
  const L = useCaseLabels();
  const { t } = L;
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [role, setRole] = useState('supplementary');
  const [relation, setRelation] = useState('');
  const [language, setLanguage] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string; detail?: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    setBusy(true);
    setMessage(null);
    const [how, series] = relation.split(':');
    const target = groups.find((g) => g.series === series)?.current.id;
    try {
      await documentsApi.add(c.id, chosen, {
        role: how === 'translation' ? 'translation' : role,
        ...(language && { language }),
        ...(how === 'version' && target && { replaces: target }),
        ...(how === 'translation' && target && { translationOf: target }),
      });
      setMessage({ ok: true, text: t('cases.documents.uploaded') });
      if (file.current) file.current.value = '';
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? errorText(t, err) : t('error.unexpected'), detail: err instanceof ApiError ? err.message : undefined });
    }
    setBusy(false);
  };

  return (
    <details className="doc-upload">
      <summary>{t('cases.documents.upload')}</summary>
      <form onSubmit={submit} className="case-action-form" data-testid="document-upload">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('cases.documents.file')}</label>
          <input id={`${id}-file`} ref={file} type="file" accept={DOCUMENT_ACCEPT} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-relation`}>{t('cases.documents.relation')}</label>
          <select id={`${id}-relation`} value={relation} onChange={(e) => setRelation(e.target.value)}>
            <option value="">{t('cases.documents.newDocument')}</option>
            {groups.map((g) => (
              <option key={`v${g.series}`} value={`version:${g.series}`}>
                {t('cases.documents.newVersionOf', { name: g.current.title || g.current.fileName })}
              </option>
            ))}
            {groups.map((g) => (
              <option key={`t${g.series}`} value={`translation:${g.series}`}>
                {t('cases.documents.translationOfDoc', { name: g.current.title || g.current.fileName })}
              </option>
            ))}
          </select>
        </div>
        {!relation.startsWith('translation:') && (
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('cases.documents.role')}</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
              {DOCUMENT_ROLES.filter((r) => r !== 'translation').map((r) => (
                <option key={r} value={r}>
                  {L.documentRole(r)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('cases.documents.language')}</label>
          <input id={`${id}-lang`} dir="ltr" maxLength={12} placeholder="en, fr, zh…" value={language} onChange={(e) => setLanguage(e.target.value)} required={relation.startsWith('translation:')} />
        </div>
        {message && (
          <div className={message.ok ? 'notice notice-success' : 'alert'} role={message.ok ? 'status' : 'alert'}>
            <p>{message.text}</p>
            {message.detail && (
              <p className="small" lang="en" dir="ltr">
                {message.detail}
              </p>
            )}
          </div>
        )}
        <div className="button-row">
          <button type="submit" disabled={busy} data-testid="document-submit">
            {t('cases.documents.uploadSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
