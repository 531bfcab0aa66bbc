import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ACCESS_LEVELS, RECORD_TYPES, type ImportOptions } from './searchParams.ts';
import { api, ApiError, ok } from '../../web/api/client.ts';
import { errorText } from '../../web/components/errors.ts';
import { Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useFormat } from '../../web/format.ts';
import { LANGUAGES } from '../../web/i18n.ts';
import { useSession } from '../../web/session.tsx';
import { useStateNames } from './names.ts';

interface Outcome {
  key: number;
  file: string;
  status: 'waiting' | 'uploading' | 'added' | 'updated' | 'unchanged' | 'rejected';
  recordId?: string;
  type?: string;
  symbol?: string | null;
  recommendations?: number;
  links?: number;
  reason?: string;
  /** The reason in the UI language when the server gave none we can show (network, permission…). */
  reasonText?: string;
}

const MAX_MB = 25;

/** The reason the API gave for rejecting a file: its issue message, else its message without the file name. */
function rejectionReason(e: ApiError, file: string): string {
  const issue = e.issues[0]?.message;
  if (issue) return issue;
  return e.message.replace(`${file} was not imported: `, '');
}

/** /import (secretariat): upload files one by one as knowledge records and see what became of each. */
export function ImportPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const f = useFormat();
  const states = useStateNames();
  const fileRef = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [opts, setOpts] = useState<ImportOptions>({});
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle(t('knowledge.import.title'));

  if (session.status === 'loading') return <Loading />;
  if (!session.user) {
    return (
      <>
        <h1>{t('knowledge.import.title')}</h1>
        <p className="notice">
          {t('knowledge.import.needLogin')}{' '}
          <Link to="/login" state={{ from: location.pathname }}>
            {t('auth.login')}
          </Link>
        </p>
      </>
    );
  }
  if (!session.user.roles.includes('secretariat')) {
    return (
      <>
        <h1>{t('knowledge.import.title')}</h1>
        <p className="notice" data-testid="import-forbidden">
          {t('knowledge.import.secretariatOnly')}
        </p>
      </>
    );
  }

  const set = (k: keyof ImportOptions, v: string) => setOpts((o) => ({ ...o, [k]: v || undefined, ...(k === 'access' && v !== 'state' ? { state: undefined } : {}) }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) {
      setProblem(t('knowledge.import.noFiles'));
      fileRef.current?.focus();
      return;
    }
    if (opts.access === 'state' && !opts.state) {
      setProblem(t('knowledge.import.stateMissing'));
      return;
    }
    setProblem(null);
    setRunning(true);
    const base = Date.now();
    const list: Outcome[] = files.map((file, i) => ({ key: base + i, file: file.name, status: 'waiting' }));
    setOutcomes((prev) => [...list, ...prev]);
    const update = (key: number, patch: Partial<Outcome>) => setOutcomes((prev) => prev.map((o) => (o.key === key ? { ...o, ...patch } : o)));
    for (const [i, file] of files.entries()) {
      const key = base + i;
      update(key, { status: 'uploading' });
      if (file.size > MAX_MB * 1024 * 1024) {
        update(key, { status: 'rejected', reasonText: t('knowledge.import.tooLarge', { max: f.number(MAX_MB) }) });
        continue;
      }
      try {
        const r = await ok(
          api.POST('/api/v1/imports', {
            params: { query: { fileName: file.name, ...opts } },
            // the file is the body as it is (the route takes any bytes; the server reads the format from them and the name)
            body: file as never,
            bodySerializer: (b: unknown) => b as Blob,
            headers: { 'content-type': 'application/octet-stream' },
          }),
        );
        update(key, { status: r.status, recordId: r.recordId, type: r.type, symbol: r.symbol, recommendations: r.recommendations, links: r.links });
      } catch (err) {
        if (err instanceof ApiError && err.status === 400) update(key, { status: 'rejected', reason: rejectionReason(err, file.name) });
        else update(key, { status: 'rejected', reasonText: err instanceof ApiError ? errorText(t, err) : t('error.unexpected') });
      }
    }
    setRunning(false);
    setFiles([]);
    if (fileRef.current) fileRef.current.value = '';
  };

  const done = outcomes.filter((o) => o.status !== 'waiting' && o.status !== 'uploading').length;

  return (
    <>
      <h1>{t('knowledge.import.title')}</h1>
      <p>{t('knowledge.import.intro')}</p>
      <form className="import-form" onSubmit={onSubmit} noValidate aria-describedby={problem ? 'import-problem' : undefined}>
        {problem && (
          <div className="alert" role="alert" id="import-problem">
            <p>{problem}</p>
          </div>
        )}
        <div className="field">
          <label htmlFor="import-files">{t('knowledge.import.files')}</label>
          <input
            ref={fileRef}
            id="import-files"
            type="file"
            multiple
            accept=".txt,.text,.html,.htm,.docx,.pdf,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby="import-files-help"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
          <span id="import-files-help" className="small muted">
            {t('knowledge.import.filesHelp', { max: f.number(MAX_MB) })}
          </span>
        </div>
        <div className="filters">
          <div className="field">
            <label htmlFor="import-type">{t('knowledge.import.type')}</label>
            <select id="import-type" value={opts.type ?? ''} onChange={(e) => set('type', e.target.value)}>
              <option value="">{t('knowledge.import.typeAuto')}</option>
              {RECORD_TYPES.filter((ty) => ty !== 'recommendation').map((ty) => (
                <option key={ty} value={ty}>
                  {t(`knowledge.types.${ty}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-lang">{t('knowledge.import.language')}</label>
            <select id="import-lang" value={opts.lang ?? ''} onChange={(e) => set('lang', e.target.value)}>
              <option value="">{t('knowledge.import.languageAuto')}</option>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-access">{t('knowledge.import.access')}</label>
            <select id="import-access" value={opts.access ?? ''} onChange={(e) => set('access', e.target.value)}>
              <option value="">{t('knowledge.import.accessDefault')}</option>
              {ACCESS_LEVELS.map((a) => (
                <option key={a} value={a}>
                  {t(`knowledge.access.${a}`)}
                </option>
              ))}
            </select>
          </div>
          {opts.access === 'state' && (
            <div className="field">
              <label htmlFor="import-state">{t('knowledge.import.state')}</label>
              <select id="import-state" value={opts.state ?? ''} onChange={(e) => set('state', e.target.value)} required aria-invalid={problem !== null && !opts.state ? true : undefined}>
                <option value="">{t('knowledge.import.chooseState')}</option>
                {[...states.entries()]
                  .sort((a, b) => f.compare(a[1], b[1]))
                  .map(([iso3, name]) => (
                    <option key={iso3} value={iso3}>
                      {name}
                    </option>
                  ))}
              </select>
            </div>
          )}
        </div>
        <button type="submit" disabled={running} data-testid="import-submit">
          {running ? t('knowledge.import.running') : t('knowledge.import.submit', { count: files.length })}
        </button>
      </form>

      {outcomes.length > 0 && (
        <section aria-labelledby="import-results-title">
          <h2 id="import-results-title">{t('knowledge.import.results')}</h2>
          <p role="status" aria-live="polite" className="result-count">
            {running ? t('knowledge.import.progress', { done: f.number(done), total: f.number(outcomes.length) }) : t('knowledge.import.finished', { count: done })}
          </p>
          <ul className="import-outcomes">
            {outcomes.map((o) => (
              <li key={o.key} className={`import-outcome outcome-${o.status}`} data-testid="import-outcome" data-status={o.status} data-file={o.file}>
                <span className="import-file" dir="ltr">
                  {o.file}
                </span>
                <span className={`badge import-status import-status-${o.status}`}>{t(`knowledge.import.status.${o.status}`)}</span>
                {o.recordId && (
                  <>
                    <Link to={`/records/${o.recordId}`} data-testid="import-record-link">
                      {t('knowledge.import.openRecord')}
                    </Link>
                    <span className="small muted">
                      {o.type && t(`knowledge.types.${o.type}`, { defaultValue: o.type })}
                      {o.symbol && (
                        <>
                          {' · '}
                          <code dir="ltr">{o.symbol}</code>
                        </>
                      )}
                      {o.recommendations ? ` · ${t('knowledge.rec.count', { count: o.recommendations })}` : ''}
                      {o.links ? ` · ${t('knowledge.import.links', { count: o.links })}` : ''}
                    </span>
                  </>
                )}
                {o.reason && (
                  <span className="import-reason">
                    {t('knowledge.import.reason')}{' '}
                    <span lang="en" dir="ltr">
                      {o.reason}
                    </span>
                  </span>
                )}
                {o.reasonText && <span className="import-reason">{o.reasonText}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
