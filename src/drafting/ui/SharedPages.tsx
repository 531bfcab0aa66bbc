import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import { Comments } from './components/Comments.tsx';
import { DraftFormProvider } from './components/form-context.tsx';
import { api, ok } from '../../web/api/client.ts';
import type { Draft } from '../../web/api/types.ts';
import { DraftTable } from './DraftsPage.tsx';
import { DraftingGate } from './Gate.tsx';
import { useRoute, useStates } from './hooks.ts';
import { STEPS } from './steps.ts';
import { STEP_COMPONENTS } from './WizardPage.tsx';
import { WizardInfoProvider } from './WizardContext.tsx';
import './drafting.css';

/** /drafting/shared: drafts other States shared with my State's central authority for consultation (officers). */
export function SharedListPage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('drafting.shared.title'));
  const officer = session.user?.roles.includes('officer') ?? false;
  const list = useApi((signal) => (officer ? ok(api.GET('/api/v1/drafting/shared', { signal })) : Promise.resolve({ items: [] })), [officer]);
  if (session.status === 'loading') return <Loading />;
  if (!officer) return <DraftingGate title={t('drafting.shared.title')} />;
  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/drafting', label: t('drafting.nav') }, { label: t('drafting.shared.title') }]} />
      <h1>{t('drafting.shared.title')}</h1>
      <p className="prose">{t('drafting.shared.intro')}</p>
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && !list.data && <Loading />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted" data-testid="shared-empty">
            {t('drafting.shared.empty')}
          </p>
        ) : (
          <DraftTable items={list.data.items} hrefOf={(d) => `/drafting/shared/${d.id}`} caption={t('drafting.shared.caption', { count: list.data.items.length })} />
        ))}
    </>
  );
}

/** /drafting/shared/:id: a shared draft, read-only, every part on one page, with the consultation comments. */
export function SharedDraftPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const session = useSession();
  const draft = useApi((signal) => ok(api.GET('/api/v1/drafting/drafts/{id}', { params: { path: { id } }, signal })), [id]);
  usePageTitle(draft.data ? draft.data.title || draft.data.reference : t('drafting.shared.title'));
  if (draft.status === 'error' && (draft.error.status === 404 || draft.error.status === 400)) {
    return (
      <NotFoundMessage title={t('drafting.wizard.notFoundTitle')} backTo="/drafting/shared" backLabel={t('drafting.shared.back')}>
        <p>{t('drafting.shared.notFoundText')}</p>
      </NotFoundMessage>
    );
  }
  if (draft.status === 'error') return <ErrorMessage error={draft.error} onRetry={draft.reload} />;
  if (!draft.data || session.status === 'loading') return <Loading />;
  return <ReadOnlyDraft draft={draft.data} />;
}

function ReadOnlyDraft({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const { list: states, stateName } = useStates();
  const route = useRoute(draft.requestingState, draft.content.requested.state, draft.content.kind);
  const owner = draft.access === 'owner';
  return (
    <WizardInfoProvider value={{ draft, states, stateName, route, readOnly: true }}>
      <DraftFormProvider value={{ content: draft.content, set: () => undefined, readOnly: true, issues: [] }}>
        <Breadcrumbs
          items={[
            { to: '/', label: t('nav.home') },
            { to: '/drafting', label: t('drafting.nav') },
            ...(owner ? [] : [{ to: '/drafting/shared', label: t('drafting.shared.title') }]),
            { label: draft.reference },
          ]}
        />
        <h1 data-testid="draft-title">{draft.content.title || t('drafting.untitled')}</h1>
        <p className="notice" data-testid="read-only-notice">
          {t('drafting.shared.readOnly', { from: stateName(draft.requestingState), reference: draft.reference })}
        </p>
        {owner && (
          <p>
            <Link to={`/drafting/${draft.id}`}>{t('drafting.shared.openWizard')}</Link>
          </p>
        )}
        <div className="read-only-draft">
          {STEPS.filter((s) => s !== 'review').map((s) => {
            const Part = STEP_COMPONENTS[s as Exclude<typeof s, 'review'>];
            return (
              <section key={s} className="read-only-part" aria-labelledby={`part-${s}`}>
                <h2 id={`part-${s}`}>{t(`drafting.steps.${s}.title`)}</h2>
                <Part />
              </section>
            );
          })}
        </div>
        <Comments draftId={draft.id} owner={owner} content={draft.content} />
      </DraftFormProvider>
    </WizardInfoProvider>
  );
}
