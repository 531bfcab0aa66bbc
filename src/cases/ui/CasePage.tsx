import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../web/api/client.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useApi } from '../../web/useApi.ts';
import { ActionsPanel } from './ActionsPanel.tsx';
import type { Perform } from './ActionSlot.tsx';
import { CaseDetails } from './CaseDetails.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { casesApi } from './casesApi.ts';
import { CasesGate, useCasesAccess } from './Gate.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { DueSteps } from './DueSteps.tsx';
import { PriorityPanel } from './PriorityPanel.tsx';
import { Timeline } from './Timeline.tsx';
import './cases.css';

/** /cases/:id — one case: what it is, its priority, its due steps, its documents, its timeline and what may be done now. */
export function CasePage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const access = useCasesAccess();
  const c = useApi((signal) => casesApi.get(id, signal), [id]);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(c.data ? `${c.data.reference} — ${c.data.title}` : t('cases.case.title'));
  const { reload } = c;

  /**
   * Every action goes through here: done, the case is read again (its state, timeline and actions change
   * together). A 409 means the case changed under us (someone else acted, or the state no longer allows it):
   * the page reloads and says so, and the form's own error stays for anything else.
   */
  const run = useCallback(
    async (call: () => Promise<unknown>) => {
      setNotice(null);
      try {
        await call();
        reload();
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && e.code !== 'unprocessable') {
          setNotice(t('cases.case.conflict'));
          reload();
          return;
        }
        throw e;
      }
    },
    [reload, t],
  );
  const perform: Perform = {
    event: (body) => run(() => casesApi.event(id, body)),
    send: (body) => run(() => casesApi.send(id, { ...(body.note && { note: body.note }), expectedVersion: body.expectedVersion ?? 1 })),
  };

  if (access === 'loading') return <Loading />;
  if (access !== 'ok') return <CasesGate title={t('cases.case.title')} />;
  if (c.status === 'error' && (c.error.status === 404 || c.error.status === 400)) {
    return (
      <NotFoundMessage title={t('cases.case.notFoundTitle')} backTo="/cases" backLabel={t('cases.case.backToQueue')}>
        <p>{t('cases.case.notFoundText')}</p>
      </NotFoundMessage>
    );
  }
  if (c.status === 'error') return <ErrorMessage error={c.error} onRetry={c.reload} />;
  if (!c.data) return <Loading />;
  const data = c.data;
  return (
    <article className="case-page" data-testid="case-page" data-status={data.status} data-version={data.version}>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/cases', label: t('cases.nav') }, { label: data.reference }]} />
      <h1 dir="auto">{data.title}</h1>
      {notice && (
        <p className="notice notice-warn" role="status" data-testid="case-conflict">
          {notice}
        </p>
      )}
      <CaseHeader c={data} />
      <div className="case-columns">
        <div className="case-main">
          <ActionsPanel c={data} perform={perform} />
          <DueSteps c={data} perform={perform} />
          <Timeline c={data} />
        </div>
        <div className="case-side">
          <PriorityPanel c={data} perform={perform} />
          <CaseDetails c={data} />
          <DocumentsPanel c={data} onChanged={reload} />
        </div>
      </div>
    </article>
  );
}
