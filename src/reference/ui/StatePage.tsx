import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { Slot } from '../../web/modules-context.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { LANGUAGES, useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';
import { legalSystemLabel } from './legalSystem.ts';
import { PartyStatusTable } from './PartyStatusTable.tsx';
import { StatusLegend } from './StatusBadge.tsx';

/** /states/:iso3: a State's names, regional group, legal system and party status per instrument, then the modules' sections. */
export function StatePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const res = useApi((signal) => ok(api.GET('/api/v1/states/{iso3}', { params: { path: { iso3 }, query: { lang } }, signal })), [iso3, lang]);
  const data = res.data?.iso3 === iso3 ? res.data : undefined;
  const missing = res.status === 'error' && (res.error.status === 404 || res.error.status === 400);
  usePageTitle(data?.name ?? (missing ? t('state.notFoundTitle') : t('states.title')));

  if (missing) {
    return (
      <NotFoundMessage title={t('state.notFoundTitle')} backTo="/states" backLabel={t('state.backToList')}>
        <p data-testid="state-not-found">{t('state.notFoundText', { code: iso3 })}</p>
      </NotFoundMessage>
    );
  }

  const crumbs = [
    { to: '/', label: t('nav.home') },
    { to: '/states', label: t('nav.states') },
    { label: data?.name ?? iso3 },
  ];
  if (!data) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        {res.status === 'error' ? <ErrorMessage error={res.error} onRetry={res.reload} /> : <Loading />}
      </>
    );
  }

  const otherNames = LANGUAGES.filter((l) => l.code !== lang && data.names[l.code]);
  const hasUnknown = data.partyStatus.some((p) => p.status === 'unknown');

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 data-testid="state-name">{data.name}</h1>
      {otherNames.length > 0 && (
        <section aria-labelledby="other-names" className="other-names">
          <h2 id="other-names" className="visually-hidden">
            {t('state.otherNames')}
          </h2>
          <ul className="names-list" data-testid="other-names">
            {otherNames.map((l) => (
              <li key={l.code}>
                <span className="lang-code" aria-hidden="true">
                  {l.code}
                </span>
                <span className="visually-hidden">{l.name}: </span>
                <span lang={l.code} dir={l.code === 'ar' ? 'rtl' : 'ltr'}>
                  {data.names[l.code]}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('state.profile')}</h2>
      <dl className="facts">
        <dt>{t('state.codes')}</dt>
        <dd>
          <code>{data.iso3}</code>
          {data.iso2 && (
            <>
              {' · '}
              <code>{data.iso2}</code>
            </>
          )}
          {!data.isoAssigned && <span className="muted small"> ({t('state.notIsoAssigned')})</span>}
        </dd>
        <dt>{t('state.kind')}</dt>
        <dd>{t(`state.kinds.${data.kind}`, { defaultValue: data.kind })}</dd>
        <dt>{t('states.group')}</dt>
        <dd>{data.regionalGroup?.name ?? t('states.noGroup')}</dd>
        <dt>{t('states.legal')}</dt>
        <dd data-testid="legal-system">{legalSystemLabel(t, data.legalSystem, data.legalFamilies)}</dd>
        {data.notes && (
          <>
            <dt>{t('state.notes')}</dt>
            {/* curators' notes are kept in English */}
            <dd lang="en" dir="ltr" className="small">
              {data.notes}
            </dd>
          </>
        )}
      </dl>
      <h2>{t('state.partyStatusTitle')}</h2>
      {hasUnknown && <p className="notice notice-unknown">{t('status.unknownExplanation')}</p>}
      <PartyStatusTable entries={data.partyStatus} stateName={data.name} />
      <details className="help">
        <summary>{t('states.legendTitle')}</summary>
        <StatusLegend />
      </details>
      <Slot name="state.sections" props={{ iso3: data.iso3, name: data.name }} />
    </>
  );
}
