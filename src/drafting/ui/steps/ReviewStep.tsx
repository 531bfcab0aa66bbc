import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, ok } from '../../../web/api/client.ts';
import { errorText } from '../../../web/components/errors.ts';
import { can, refusalOf } from '../components/actions.ts';
import { ChecksPanel } from '../components/ChecksPanel.tsx';
import { Comments } from '../components/Comments.tsx';
import { DocumentPanel } from '../components/DocumentPanel.tsx';
import { SharePanel } from '../components/SharePanel.tsx';
import { finalDocumentUrl } from '../documentLinks.ts';
import type { CheckReport } from '../../../web/api/types.ts';
import { normalPath } from '../paths.ts';
import { stepOfPath, type Step } from '../steps.ts';
import type { Autosave } from '../useAutosave.ts';
import { useWizardInfo } from '../WizardContext.tsx';
import { isolate } from '../../../web/format.ts';

/** Step 8: the checks, the documents, consultation with the requested State, comments, and finalising. */
export function ReviewStep({
  report,
  checking,
  checkError,
  runChecks,
  goTo,
  autosave,
}: {
  report: CheckReport | null;
  checking: boolean;
  checkError: ApiError | null;
  runChecks: () => Promise<void>;
  goTo: (s: Step, path?: string) => void;
  autosave: Autosave;
}) {
  const { stateName } = useWizardInfo();
  const { draft, content } = autosave;
  const finalised = draft.status === 'finalised';
  // the consultation panel where sharing or ending a share is possible, or only waits for the requested State
  const consultable = can(draft, 'share') || can(draft, 'unshare') || refusalOf(draft, 'share').some((r) => r.code === 'missing-fields');
  return (
    <>
      {!finalised && <ChecksPanel report={report} checking={checking} error={checkError} run={() => void runChecks()} goTo={goTo} content={content} />}
      <DocumentPanel draftId={draft.id} defaultLang={content.language ?? 'en'} flush={autosave.flush} />
      {consultable && <SharePanel draft={draft} stateName={stateName} flush={autosave.flush} onChanged={autosave.reload} />}
      <Comments
        draftId={draft.id}
        owner
        content={content}
        fieldHref={(p) => `?step=${stepOfPath(p)}&field=${encodeURIComponent(normalPath(p))}`}
        onField={(p) => goTo(stepOfPath(p), p)}
      />
      <FinalisePanel autosave={autosave} report={report} checking={checking} />
    </>
  );
}

/** One step from draft to tracked outgoing case: offered when the API allows it, refused while any check has an error. */
function FinalisePanel({ autosave, report, checking }: { autosave: Autosave; report: CheckReport | null; checking: boolean }) {
  const { t } = useTranslation();
  const { draft } = autosave;
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  if (draft.status === 'finalised') {
    return (
      <section className="finalise" aria-labelledby="finalise-title">
        <h3 id="finalise-title">{t('drafting.finalise.title')}</h3>
        <p className="notice notice-success" role="status" data-testid="case-reference">
          {t('drafting.finalise.done', { reference: isolate(draft.case?.reference ?? draft.reference) })}
        </p>
        {draft.finalDocument && (
          <p>
            <a className="button" href={finalDocumentUrl(draft.id)} download hrefLang={draft.finalDocument.language} data-testid="download-final-docx">
              {t('drafting.finalise.download')}
            </a>{' '}
            <span className="small muted final-digest" data-testid="final-docx-digest">
              {t('drafting.finalise.digest', { sha256: isolate(draft.finalDocument.sha256) })}
            </span>
          </p>
        )}
      </section>
    );
  }
  const canFinalise = can(draft, 'finalise');
  // refused by role: the one refusal this panel explains in the viewer's language
  const officerOnly = refusalOf(draft, 'finalise').some((r) => r.code === 'role');
  const blocked = !report || report.errors > 0;
  const finalise = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!(await autosave.flush())) throw new ApiError(409, 'conflict', 'Not saved');
      const r = await ok(api.POST('/api/v1/drafting/drafts/{id}/finalise', { params: { path: { id: draft.id } }, body: { version: autosave.currentVersion() } }));
      autosave.replace({ ...r.draft, case: r.draft.case ?? r.case });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <section className="finalise" aria-labelledby="finalise-title">
      <h3 id="finalise-title">{t('drafting.finalise.title')}</h3>
      <p className="small muted">{t('drafting.finalise.intro')}</p>
      {!canFinalise ? (
        officerOnly && <p className="notice">{t('drafting.finalise.officerOnly')}</p>
      ) : (
        <>
          {blocked && (
            <p id="finalise-blocked" className="notice notice-warn" data-testid="finalise-blocked">
              {checking || !report ? t('drafting.finalise.waitForChecks') : t('drafting.finalise.blocked', { count: report.errors })}
            </p>
          )}
          {!confirming ? (
            <button type="button" disabled={blocked || busy} aria-describedby={blocked ? 'finalise-blocked' : undefined} onClick={() => setConfirming(true)} data-testid="finalise">
              {t('drafting.finalise.button')}
            </button>
          ) : (
            <div className="confirm" role="group" aria-labelledby="finalise-confirm-text">
              <p id="finalise-confirm-text">{t('drafting.finalise.confirm')}</p>
              <div className="button-row">
                <button type="button" disabled={busy} onClick={finalise} data-testid="finalise-confirm" autoFocus>
                  {busy ? t('drafting.finalise.working') : t('drafting.finalise.yes')}
                </button>
                <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                  {t('drafting.finalise.cancel')}
                </button>
              </div>
            </div>
          )}
          {error && (
            <div className="alert" role="alert">
              <p>{error.status === 422 ? t('drafting.finalise.checksFailed') : error.status === 409 ? t('drafting.finalise.conflict') : errorText(t, error)}</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
