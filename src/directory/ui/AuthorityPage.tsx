import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useApi } from '../../web/useApi.ts';
import { Channels, Functions, HistoryList, Languages, Provenance, YesNo, useStateName } from './common.tsx';
import { api, ok } from '../../web/api/client.ts';
import { vcardUrl } from './directoryLinks.ts';

interface Person {
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  languages?: string[];
}

/** /directory/authorities/:id — one authority: what it does, how to reach it (when allowed), its history. */
export function AuthorityPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const stateName = useStateName();
  const res = useApi((signal) => ok(api.GET('/api/v1/directory/authorities/{id}', { params: { path: { id } }, signal })), [id]);
  const history = useApi((signal) => ok(api.GET(`/api/v1/directory/${'authorities'}/{id}/history` as '/api/v1/directory/authorities/{id}/history', { params: { path: { id } }, signal })).then((r) => r.items), [id, res.data?.version]);
  const [reason, setReason] = useState('');
  usePageTitle(res.data ? String(res.data.name) : t('directory.nav'));
  const crumbs = [{ to: '/', label: t('nav.home') }, { to: '/directory', label: t('directory.nav') }];
  if (res.status === 'error') return <><Breadcrumbs items={crumbs} /><ErrorMessage error={res.error} onRetry={res.reload} /></>;
  if (!res.data) return <><Breadcrumbs items={crumbs} /><Loading /></>;
  const a = res.data;
  const persons = (a.contactPersons as Person[] | null) ?? [];
  const names = Object.entries((a.names as Record<string, string> | null) ?? {}).filter(([, v]) => v !== a.name);
  return (
    <>
      <Breadcrumbs items={[...crumbs, ...(a.iso3 ? [{ to: `/directory/states/${a.iso3}`, label: stateName(a.iso3) }] : []), { label: String(a.name) }]} />
      <h1 dir="auto" data-testid="authority-name">{String(a.name)}</h1>
      {names.length > 0 && <ul className="names-list">{names.map(([l, v]) => <li key={l}><span className="lang-code">{l}</span> <span lang={l} dir="auto">{v}</span></li>)}</ul>}
      <dl className="facts">
        <dt>{t('directory.fields.iso3')}</dt><dd>{a.iso3 ? <Link to={`/directory/states/${a.iso3}`}>{stateName(a.iso3)}</Link> : t('directory.state.network')}</dd>
        <dt>{t('directory.fields.category')}</dt><dd>{t(`directory.categories.${String(a.category)}`)} · {t(`directory.subtypes.${String(a.subtype)}`)}</dd>
        <dt>{t('directory.fields.functions')}</dt><dd><Functions codes={a.functions} /></dd>
        {(a.instruments as string[]).length > 0 && <><dt>{t('directory.fields.instruments')}</dt><dd>{(a.instruments as string[]).join(', ')}</dd></>}
        {(a.memberStates as string[]).length > 0 && <><dt>{t('directory.fields.memberStates')}</dt><dd>{(a.memberStates as string[]).map(stateName).join(', ')}</dd></>}
        <dt>{t('directory.fields.languages')}</dt><dd><Languages codes={a.languages} /></dd>
        <dt>{t('directory.fields.channels')}</dt><dd><Channels codes={a.channels} /></dd>
        <dt>{t('directory.fields.encryptionRequired')}</dt><dd><YesNo value={a.encryptionRequired} /></dd>
        <dt>{t('directory.fields.eSignatureRequired')}</dt><dd><YesNo value={a.eSignatureRequired} /></dd>
        <dt>{t('directory.fields.directTransmission')}</dt><dd><YesNo value={a.directTransmission} /></dd>
        <dt>{t('directory.fields.interpolForUrgent')}</dt><dd><YesNo value={a.interpolForUrgent} />{a.interpolScope ? <span dir="auto"> — {String(a.interpolScope)}</span> : null}</dd>
        <dt>{t('directory.fields.available24x7')}</dt><dd><YesNo value={a.available24x7} /></dd>
        {typeof a.canDo === 'string' && <><dt>{t('directory.fields.canDo')}</dt><dd dir="auto">{a.canDo}</dd></>}
        {typeof a.cannotDo === 'string' && <><dt>{t('directory.fields.cannotDo')}</dt><dd dir="auto">{a.cannotDo}</dd></>}
        <dt>{t('directory.fields.provenance')}</dt><dd><Provenance value={a.provenance} /></dd>
        <dt>{t('directory.fields.lastVerified')}</dt><dd>{a.lastVerified ?? t('directory.never')}</dd>
      </dl>
      {(a.requirements as string[]).length > 0 && (
        <>
          <h2>{t('directory.fields.requirements')}</h2>
          <ul>{(a.requirements as string[]).map((r) => <li key={r} dir="auto">{r}</li>)}</ul>
        </>
      )}
      {((a.guideLinks as Array<{ title: string; recordId?: string; url?: string }>) ?? []).length > 0 && (
        <>
          <h2>{t('directory.fields.guideLinks')}</h2>
          <ul>{(a.guideLinks as Array<{ title: string; recordId?: string; url?: string }>).map((g) => <li key={g.title}>{g.recordId ? <Link to={`/records/${g.recordId}`}>{g.title}</Link> : <a href={g.url}>{g.title}</a>}</li>)}</ul>
        </>
      )}
      <h2>{t('directory.authority.contacts')}</h2>
      {a.contactsVisible ? (
        <div data-testid="contacts">
          <dl className="facts">
            {a.postalAddress ? <><dt>{t('directory.fields.postalAddress')}</dt><dd dir="auto">{String(a.postalAddress)}</dd></> : null}
            {a.phone ? <><dt>{t('directory.fields.phone')}</dt><dd dir="ltr">{String(a.phone)}</dd></> : null}
            {a.fax ? <><dt>{t('directory.fields.fax')}</dt><dd dir="ltr">{String(a.fax)}</dd></> : null}
            {a.email ? <><dt>{t('directory.fields.email')}</dt><dd><a href={`mailto:${String(a.email)}`}>{String(a.email)}</a></dd></> : null}
            {a.website ? <><dt>{t('directory.fields.website')}</dt><dd><a href={String(a.website)} rel="noreferrer">{String(a.website)}</a></dd></> : null}
            {a.officeHours ? <><dt>{t('directory.fields.officeHours')}</dt><dd>{String(a.officeHours)}{a.timeZone ? ` (${String(a.timeZone)})` : ''}</dd></> : null}
          </dl>
          {persons.length > 0 && (
            <>
              <h3>{t('directory.fields.contactPersons')}</h3>
              <ul className="plain-list">
                {persons.map((p) => (
                  <li key={p.name}>
                    <strong dir="auto">{p.name}</strong>{p.title ? <span dir="auto"> — {p.title}</span> : null}
                    <br />
                    {p.email && <a href={`mailto:${p.email}`}>{p.email}</a>} {p.phone && <span dir="ltr">{p.phone}</span>}
                    {p.languages?.length ? <> · <Languages codes={p.languages} /></> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p><a className="button button-secondary" href={vcardUrl('authorities', a.id)} download data-testid="vcard">{t('directory.authority.vcard')}</a></p>
        </div>
      ) : (
        <p className="notice" data-testid="contacts-hidden">{t('directory.authority.contactsHidden')}</p>
      )}
      {a.permissions.edit && (
        <div className="button-row">
          <Link className="button" to={`/directory/authorities/${a.id}/edit`}>{t('directory.authority.edit')}</Link>
          <button type="button" className="button-secondary" data-testid="confirm" onClick={() => void ok(api.POST(`/api/v1/directory/${'authorities'}/{id}/confirm` as '/api/v1/directory/authorities/{id}/confirm', { params: { path: { id: a.id } }, body: {} })).then(res.reload)}>{t('directory.authority.confirm')}</button>
          <label className="field-inline">
            <span className="visually-hidden">{t('directory.authority.retireReason')}</span>
            <input value={reason} placeholder={t('directory.authority.retireReason')} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" className="button-danger" disabled={reason.trim().length < 3} onClick={() => void ok(api.POST(`/api/v1/directory/${'authorities'}/{id}/retire` as '/api/v1/directory/authorities/{id}/retire', { params: { path: { id: a.id } }, body: { reason: reason } })).then(() => navigate(a.iso3 ? `/directory/states/${a.iso3}` : '/directory'))}>{t('directory.authority.retire')}</button>
        </div>
      )}
      <h2>{t('directory.authority.history')}</h2>
      {history.data ? <HistoryList items={history.data} /> : history.status === 'error' ? <ErrorMessage error={history.error} /> : <Loading />}
    </>
  );
}
