import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../web/api/client.ts';
import { errorText } from '../../../web/components/errors.ts';
import { isolate, useFormat } from '../../../web/format.ts';
import { useApi } from '../../../web/useApi.ts';
import { ATTACHMENT_ACCEPT, attachmentsApi, attachmentUrl, type Attachment } from '../attachmentsApi.ts';
import { useLabels } from '../labels.ts';
import { useWizardInfo } from '../WizardContext.tsx';

/** In the wizard: the draft being written; editable until it is finalised. */
export function WizardAttachments() {
  const info = useWizardInfo();
  return <Attachments draftId={info.draft.id} editable={!info.readOnly && info.draft.permissions.attach} />;
}

/**
 * The draft's supporting files (court order, translation, evidence list…): listed with who added them and
 * their SHA-256; the owner side adds and removes them while the draft is not finalised, others only read.
 */
export function Attachments({ draftId, editable }: { draftId: string; editable: boolean }) {
  const { t } = useTranslation();
  const list = useApi((signal) => attachmentsApi.list(draftId, signal), [draftId]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const failed = (e: unknown) => {
    if (!(e instanceof ApiError)) throw e;
    const own: Record<number, string> = { 409: 'drafting.files.conflict', 413: 'drafting.files.tooLarge', 415: 'drafting.files.badType' };
    setProblem(own[e.status] ? t(own[e.status]!) : errorText(t, e));
  };
  const remove = async (a: Attachment) => {
    setBusy(true);
    setProblem(null);
    try {
      await attachmentsApi.remove(draftId, a.sha256);
      list.reload();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="attachments-panel" aria-labelledby="files-title" data-testid="attachments">
      <h3 id="files-title">{t('drafting.files.title')}</h3>
      <p className="small muted">{t('drafting.files.intro')}</p>
      {list.status === 'error' && <p className="alert" role="alert">{errorText(t, list.error)}</p>}
      {list.data && list.data.length === 0 && <p className="muted">{t('drafting.files.none')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="attachment-list">
          {list.data.map((a) => (
            <AttachmentItem key={a.sha256} draftId={draftId} a={a} onRemove={editable ? () => void remove(a) : undefined} busy={busy} />
          ))}
        </ul>
      )}
      {editable ? (
        <UploadForm draftId={draftId} busy={busy} setBusy={setBusy} onDone={() => { setProblem(null); list.reload(); }} onError={failed} />
      ) : (
        <p className="small muted">{t('drafting.files.locked')}</p>
      )}
      {problem && <p className="alert" role="alert" data-testid="attachments-problem">{problem}</p>}
    </section>
  );
}

function AttachmentItem({ draftId, a, onRemove, busy }: { draftId: string; a: Attachment; onRemove?: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const size = new Intl.NumberFormat(f.lang, a.size < 1024 * 1024
    ? { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }
    : { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(a.size < 1024 * 1024 ? Math.max(1, a.size / 1024) : a.size / 1024 / 1024);
  return (
    <li data-testid="attachment">
      <a href={attachmentUrl(draftId, a.sha256)} download={a.fileName} hrefLang={a.language ?? undefined}>
        {a.fileName}
      </a>{' '}
      <span className="small muted">
        {size} · {t('drafting.files.added', { name: isolate(a.addedBy.name), date: f.date(a.addedAt) })}
      </span>
      {a.title && <div className="small">{a.title}</div>}
      <div className="small muted digest" title={a.sha256}>
        {t('drafting.files.digest', { sha256: isolate(a.sha256.slice(0, 16) + '…') })}
      </div>
      {onRemove && (
        <button type="button" className="link-button" onClick={onRemove} disabled={busy} aria-label={t('drafting.files.remove', { name: a.fileName })}>
          {t('drafting.files.removeShort')}
        </button>
      )}
    </li>
  );
}

function UploadForm(p: { draftId: string; busy: boolean; setBusy: (b: boolean) => void; onDone: () => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const L = useLabels();
  const input = useRef<HTMLInputElement>(null);
  const [language, setLanguage] = useState('');
  const [title, setTitle] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    p.setBusy(true);
    try {
      await attachmentsApi.add(p.draftId, file, { language: language || undefined, title: title.trim() || undefined });
      if (input.current) input.current.value = '';
      setTitle('');
      p.onDone();
    } catch (err) {
      p.onError(err);
    } finally {
      p.setBusy(false);
    }
  };

  return (
    <form className="attachment-upload" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor="attachment-file">{t('drafting.files.choose')}</label>
        <input id="attachment-file" ref={input} type="file" accept={ATTACHMENT_ACCEPT} required data-testid="attachment-file" />
      </div>
      <div className="field">
        <label htmlFor="attachment-language">{t('drafting.files.language')}</label>
        <select id="attachment-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="">{t('drafting.files.languageNone')}</option>
          {L.unLanguages.map((o) => (
            <option key={o.value} value={o.value} lang={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="attachment-title">{t('drafting.files.description')}</label>
        <input id="attachment-title" type="text" maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={p.busy} data-testid="attachment-upload">
        {p.busy ? t('drafting.files.uploading') : t('drafting.files.upload')}
      </button>
    </form>
  );
}
