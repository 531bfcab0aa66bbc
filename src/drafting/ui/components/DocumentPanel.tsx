import { useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { documentUrl, type DocumentKind } from '../documentLinks.ts';
import { useLabels } from '../labels.ts';

/**
 * The request as DOCX and the one-page summary sheet, in any of the six UN languages — chosen here,
 * whatever the language of the interface. Unsaved changes are saved before the download starts.
 */
export function DocumentPanel({ draftId, defaultLang, flush }: { draftId: string; defaultLang: string; flush: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const L = useLabels();
  const [lang, setLang] = useState(defaultLang);
  const [failed, setFailed] = useState(false);
  const passing = useRef(false);

  const onClick = async (e: MouseEvent<HTMLAnchorElement>) => {
    if (passing.current) {
      passing.current = false;
      return;
    }
    e.preventDefault();
    const a = e.currentTarget;
    const ok = await flush();
    setFailed(!ok);
    if (!ok) return;
    passing.current = true;
    a.click();
  };

  const link = (kind: DocumentKind, testid: string) => (
    <a className="button" href={documentUrl(draftId, kind, lang)} download onClick={onClick} data-testid={testid} hrefLang={lang}>
      {t(kind === 'docx' ? 'drafting.documents.request' : 'drafting.documents.summary')}
    </a>
  );

  return (
    <section className="documents" aria-labelledby="documents-title">
      <h3 id="documents-title">{t('drafting.documents.title')}</h3>
      <p className="small muted">{t('drafting.documents.intro')}</p>
      <div className="field">
        <label htmlFor="document-lang">{t('drafting.documents.language')}</label>
        <span id="document-lang-hint" className="field-hint">
          {t('drafting.documents.languageHint')}
        </span>
        <select id="document-lang" value={lang} onChange={(e) => setLang(e.target.value)} aria-describedby="document-lang-hint" data-testid="document-lang">
          {L.unLanguages.map((o) => (
            <option key={o.value} value={o.value} lang={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        {link('docx', 'download-docx')}
        {link('summary', 'download-summary')}
      </div>
      {failed && (
        <p className="alert" role="alert">
          {t('drafting.documents.saveFirst')}
        </p>
      )}
    </section>
  );
}
