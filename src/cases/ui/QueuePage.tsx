import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATES } from '../case.vocabulary.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useLang } from '../../web/i18n.ts';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import { casesApi, QUEUE_PAGE_SIZE, type QueueTab } from './casesApi.ts';
import { CasesGate, useCasesAccess } from './Gate.tsx';
import { QueueTable } from './QueueTable.tsx';
import './cases.css';

const TABS: readonly QueueTab[] = ['incoming', 'outgoing', 'mine', 'overdue'];
const isTab = (v: string | null): v is QueueTab => !!v && (TABS as readonly string[]).includes(v);

/** /cases: the work queues of the viewer's State, sorted by priority. Tab, filter and page live in the address. */
export function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.queue.title'));
  const access = useCasesAccess();
  if (access === 'loading') return <Loading />;
  if (access !== 'ok') return <CasesGate title={t('cases.queue.title')} />;
  return <Queue />;
}

function Queue() {
  const { t } = useTranslation();
  const session = useSession();
  // registering a case is the central authority's (the API refuses anyone else); the roles are the API's (GET /me)
  const canRegister = !!session.user?.roles.includes('officer');
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const tab: QueueTab = isTab(params.get('tab')) ? (params.get('tab') as QueueTab) : 'incoming';
  const status = params.get('status') ?? '';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const list = useApi((signal) => casesApi.queue({ tab, status, page, lang }, signal), [tab, status, page, lang]);

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));

  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('cases.nav') }]} />
      <div className="cases-title-row">
        <h1>{t('cases.queue.title')}</h1>
        {canRegister && (
          <Link className="button" to="/cases/new" data-testid="register-case">
            {t('cases.queue.register')}
          </Link>
        )}
      </div>
      <p className="prose">{t('cases.queue.intro')}</p>
      <div className="cases-tabs" role="tablist" aria-label={t('cases.queue.tabs')}>
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            aria-selected={x === tab}
            className={x === tab ? 'cases-tab active' : 'cases-tab'}
            onClick={() => set({ tab: x === 'incoming' ? null : x, page: null })}
            data-testid={`tab-${x}`}
          >
            {t(`cases.queue.tab.${x}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={t(`cases.queue.tab.${tab}`)}>
        <form className="field-inline cases-filter" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="queue-status">{t('cases.queue.status')}</label>
          <select id="queue-status" value={status} onChange={(e) => set({ status: e.target.value, page: null })} data-testid="queue-status">
            <option value="">{t('cases.queue.anyStatus')}</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.states.${s}`)}
              </option>
            ))}
          </select>
        </form>
        {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
        {list.status === 'loading' && !list.data && <Loading />}
        {list.data &&
          (list.data.items.length === 0 ? (
            <p className="muted" data-testid="queue-empty">
              {t('cases.queue.empty')}
            </p>
          ) : (
            <QueueTable items={list.data.items} total={total} />
          ))}
        {pages > 1 && (
          <nav className="cases-paging" aria-label={t('cases.queue.paging')}>
            <button type="button" className="button-secondary button-small" disabled={page === 0} onClick={() => set({ page: page > 1 ? String(page - 1) : null })}>
              {t('cases.queue.previous')}
            </button>
            <span>{t('cases.queue.pageOf', { page: page + 1, pages })}</span>
            <button type="button" className="button-secondary button-small" disabled={page + 1 >= pages} onClick={() => set({ page: String(page + 1) })} data-testid="next-page">
              {t('cases.queue.next')}
            </button>
          </nav>
        )}
      </div>
    </>
  );
}
