import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { REQUEST_KINDS, type RequestKind } from '../../reference/measures.ts';
import { ApiError, api, ok } from '../../web/api/client.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { errorText } from '../../web/components/errors.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useFormat } from '../../web/format.ts';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import type { DraftSummary } from '../../web/api/types.ts';
import { canDraft, DraftingGate } from './Gate.tsx';
import { useStates } from './hooks.ts';
import './drafting.css';

/** /drafting: "My drafts" — start a request, reopen or duplicate a draft. */
export function DraftsPage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('drafting.list.title'));
  if (session.status === 'loading') return <Loading />;
  if (!canDraft(session.user?.roles)) return <DraftingGate title={t('drafting.list.title')} />;
  return <Drafts officer={session.user!.roles.includes('officer')} />;
}

function Drafts({ officer }: { officer: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useApi((signal) => ok(api.GET('/api/v1/drafting/drafts', { params: { query: { limit: 200 } }, signal })), []);
  const [kind, setKind] = useState<RequestKind>('mla');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await ok(api.POST('/api/v1/drafting/drafts', { body: { content: { kind } } }));
      navigate(`/drafting/${d.id}?step=route`);
    } catch (e) {
      setError(e instanceof ApiError ? errorText(t, e) : t('error.unexpected'));
      setBusy(false);
    }
  };
  const duplicate = async (id: string) => {
    setError(null);
    try {
      const d = await ok(api.POST('/api/v1/drafting/drafts/{id}/duplicate', { params: { path: { id } } }));
      navigate(`/drafting/${d.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? errorText(t, e) : t('error.unexpected'));
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('drafting.nav') }]} />
      <h1>{t('drafting.list.title')}</h1>
      <p className="prose">{t('drafting.list.intro')}</p>
      {officer && (
        <p>
          <Link to="/drafting/shared" data-testid="shared-link">
            {t('drafting.shared.title')}
          </Link>
        </p>
      )}
      <section className="new-draft" aria-labelledby="new-draft-title">
        <h2 id="new-draft-title">{t('drafting.list.new')}</h2>
        <form
          className="field-inline"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <label htmlFor="new-kind">{t('drafting.list.kind')}</label>
          <select id="new-kind" value={kind} onChange={(e) => setKind(e.target.value as RequestKind)} data-testid="new-kind">
            {REQUEST_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`drafting.kinds.${k}`)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy} data-testid="new-draft">
            {t('drafting.list.start')}
          </button>
        </form>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
      </section>
      <section aria-labelledby="my-drafts-title">
        <h2 id="my-drafts-title">{t('drafting.list.mine')}</h2>
        {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
        {list.status === 'loading' && !list.data && <Loading />}
        {list.data && (list.data.items.length === 0 ? <p className="muted">{t('drafting.list.empty')}</p> : <DraftTable items={list.data.items} onDuplicate={duplicate} />)}
      </section>
    </>
  );
}

export function DraftTable({ items, onDuplicate, hrefOf = (d) => `/drafting/${d.id}`, caption }: { items: DraftSummary[]; onDuplicate?: (id: string) => void; hrefOf?: (d: DraftSummary) => string; caption?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { stateName } = useStates();
  return (
    <div className="table-scroll">
      <table className="drafts-table" data-testid="drafts-table">
        <caption>
          <span>{caption ?? t('drafting.list.caption', { count: items.length })}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('drafting.list.reference')}</th>
            <th scope="col">{t('drafting.list.titleColumn')}</th>
            <th scope="col">{t('drafting.list.kind')}</th>
            <th scope="col">{t('drafting.list.states')}</th>
            <th scope="col">{t('drafting.list.status')}</th>
            <th scope="col">{t('drafting.list.updated')}</th>
            {onDuplicate && <th scope="col">{t('drafting.list.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} data-testid="draft-row" data-id={d.id}>
              <th scope="row" className="nowrap">
                <Link to={hrefOf(d)}>{d.reference}</Link>
              </th>
              <td dir="auto">{d.title || <span className="muted">{t('drafting.untitled')}</span>}</td>
              <td>{t(`drafting.kinds.${d.kind}`)}</td>
              <td>
                {stateName(d.requestingState)} → {d.requestedState ? stateName(d.requestedState) : <span className="muted">{t('drafting.list.noState')}</span>}
              </td>
              <td>
                <span className={`badge ${d.status === 'finalised' ? '' : 'badge-outline'}`}>{t(`drafting.status.${d.status}`)}</span>
                {d.shared && <span className="badge badge-outline">{t('drafting.list.shared')}</span>}
              </td>
              <td className="nowrap">{f.date(d.updatedAt)}</td>
              {onDuplicate && (
                <td>
                  <button type="button" className="link-button" onClick={() => onDuplicate(d.id)} aria-label={t('drafting.list.duplicateNamed', { reference: d.reference })}>
                    {t('drafting.wizard.duplicate')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
