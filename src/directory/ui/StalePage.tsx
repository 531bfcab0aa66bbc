import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useApi } from '../../web/useApi.ts';
import { useStateName } from './common.tsx';
import { api, ok } from '../../web/api/client.ts';
import { pathOf } from './directoryLinks.ts';

/** /directory/stale — the secretariat's list of entries not confirmed for 12 months, each with "confirm". */
export function StalePage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.stale.title'));
  const stateName = useStateName();
  const res = useApi((signal) => ok(api.GET('/api/v1/directory/stale', { signal })), []);
  const crumbs = [{ to: '/', label: t('nav.home') }, { to: '/directory', label: t('directory.nav') }, { label: t('directory.stale.title') }];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1>{t('directory.stale.title')}</h1>
      {res.status === 'error' ? <ErrorMessage error={res.error} onRetry={res.reload} /> : !res.data ? <Loading /> : res.data.items.length === 0 ? <p>{t('directory.stale.none')}</p> : (
        <div className="table-scroll">
          <p>{t('directory.stale.count', { count: res.data.items.length, before: res.data.before })}</p>
          <table data-testid="stale">
            <thead><tr><th scope="col">{t('directory.fields.iso3')}</th><th scope="col">{t('directory.stale.type')}</th><th scope="col">{t('directory.stale.entry')}</th><th scope="col">{t('directory.fields.lastVerified')}</th><th scope="col"><span className="visually-hidden">{t('directory.authority.confirm')}</span></th></tr></thead>
            <tbody>
              {res.data.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.iso3 ? stateName(i.iso3) : t('directory.state.network')}</td>
                  <td>{t(`directory.entryTypes.${i.entryType}`)}</td>
                  <td dir="auto">{i.entryType === 'authority' ? <Link to={`/directory/authorities/${i.id}`}>{i.label}</Link> : i.entryType === 'measure' ? t(`directory.measures.${i.label}`, { defaultValue: i.label }) : i.entryType === 'notification' ? t(`directory.notificationTypes.${i.label}`, { defaultValue: i.label }) : i.label}</td>
                  <td>{i.lastVerified ?? t('directory.never')}</td>
                  <td><button type="button" className="button-secondary button-small" onClick={() => void ok(api.POST(`/api/v1/directory/${pathOf(i.entryType)}/{id}/confirm` as '/api/v1/directory/authorities/{id}/confirm', { params: { path: { id: i.id } }, body: {} })).then(res.reload)}>{t('directory.authority.confirm')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
