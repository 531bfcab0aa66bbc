import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useApi } from '../../web/useApi.ts';
import { MEASURES } from '../../reference/measures.ts';
import { Channels, Functions, HistoryList, Languages, Provenance, useStateName } from './common.tsx';
import { api, ok } from '../../web/api/client.ts';
import type { Entry } from '../../web/api/types.ts';

/** /directory/states/:iso3 — parts 1 and 2, focal point, Firearms point of contact, measures, notifications. */
export function StateDirectoryPage() {
  const { t } = useTranslation();
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const stateName = useStateName();
  const name = stateName(iso3);
  usePageTitle(t('directory.state.title', { name }));
  const res = useApi((signal) => ok(api.GET('/api/v1/directory/states/{iso3}', { params: { path: { iso3 } }, signal })), [iso3]);
  const crumbs = [{ to: '/', label: t('nav.home') }, { to: '/directory', label: t('directory.nav') }, { label: name }];
  if (res.status === 'error') return <><Breadcrumbs items={crumbs} /><ErrorMessage error={res.error} onRetry={res.reload} /></>;
  if (!res.data) return <><Breadcrumbs items={crumbs} /><Loading /></>;
  const d = res.data;
  const byMeasure = new Map(d.measures.map((m) => [String(m.measure), m]));
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 data-testid="directory-state">{t('directory.state.title', { name })}</h1>
      <p>
        <Link to={`/states/${iso3}`}>{t('directory.state.profile')}</Link>
        {d.canEdit && <> · <Link to={`/directory/states/${iso3}/new`}>{t('directory.state.add')}</Link> · <Link to={`/directory/states/${iso3}/notifications/new`}>{t('directory.state.addNotification')}</Link></>}
      </p>
      <Section title={t('directory.state.part1')} items={d.part1} testid="part1" onChange={res.reload} />
      <Section title={t('directory.state.part2')} items={d.part2} testid="part2" onChange={res.reload} />
      <Section title={t('directory.state.focalPoint')} items={d.focalPoints} testid="focal-points" onChange={res.reload} />
      <Section title={t('directory.state.firearms')} items={d.firearmsPocs} testid="firearms" onChange={res.reload} />

      <h2>{t('directory.state.measures')}</h2>
      <div className="table-scroll">
        <table data-testid="measures">
          <thead>
            <tr>
              <th scope="col">{t('directory.fields.measure')}</th>
              <th scope="col">{t('directory.fields.available')}</th>
              <th scope="col">{t('directory.fields.receivingAuthority')}</th>
              <th scope="col">{t('directory.fields.languages')}</th>
              <th scope="col">{t('directory.fields.usualExecutionDays')}</th>
              <th scope="col">{t('directory.fields.dualCriminality')}</th>
              <th scope="col">{t('directory.fields.specialRequirements')}</th>
              {d.canEdit && <th scope="col"><span className="visually-hidden">{t('directory.authority.edit')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {MEASURES.filter((m) => byMeasure.has(m.code) || d.canEdit).map((m) => {
              const r = byMeasure.get(m.code);
              return (
                <tr key={m.code} data-measure={m.code}>
                  <th scope="row">{t(`directory.measures.${m.code}`)}</th>
                  <td>{r?.available ? t(`directory.availability.${String(r.available)}`) : <span className="muted">{t('directory.unknown')}</span>}</td>
                  <td dir="auto">{(r?.receivingAuthority as string) ?? '—'}</td>
                  <td>{r ? <Languages codes={r.languages} /> : '—'}</td>
                  <td>{(r?.usualExecutionDays as number | null) ?? '—'}</td>
                  <td>{r?.dualCriminality ? t(`directory.dual.${String(r.dualCriminality)}`) : '—'}</td>
                  <td dir="auto" className="small">{(r?.specialRequirements as string) ?? ''}{r?.alternatives ? ` — ${t('directory.fields.alternatives')}: ${String(r.alternatives)}` : ''}</td>
                  {d.canEdit && <td><Link to={`/directory/states/${iso3}/measures/${m.code}`}>{t('directory.authority.edit')}</Link></td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {d.measures.length === 0 && <p className="muted">{t('directory.state.none')}</p>}

      <h2>{t('directory.state.notifications')}</h2>
      {d.notifications.length === 0 ? <p className="muted">{t('directory.state.none')}</p> : (
        <ul className="plain-list" data-testid="notifications">
          {d.notifications.map((n) => <NotificationItem key={n.id} n={n} />)}
        </ul>
      )}
    </>
  );
}

function NotificationItem({ n }: { n: Entry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useApi((signal) => (open ? ok(api.GET(`/api/v1/directory/${'notifications'}/{id}/history` as '/api/v1/directory/authorities/{id}/history', { params: { path: { id: n.id } }, signal })).then((r) => r.items) : Promise.resolve([])), [open, n.id]);
  return (
    <li className="card" data-type={String(n.type)}>
      <p>
        <strong>{t(`directory.notificationTypes.${String(n.type)}`)}</strong>
        {n.madeOn ? ` · ${String(n.madeOn)}` : ''}
        {n.extraditionBasis ? ` · ${t(`directory.basis.${String(n.extraditionBasis)}`)}` : ''}
      </p>
      <p dir="auto">{String(n.text)}</p>
      {Array.isArray(n.languages) && <p className="small">{t('directory.fields.languages')}: <Languages codes={n.languages} /></p>}
      <p className="small muted"><Provenance value={n.provenance} /> · {t('directory.fields.version')} {n.version}</p>
      <p className="small">
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('directory.authority.history')}</button>
        {n.permissions.edit && <> · <Link to={`/directory/notifications/${n.id}/edit`}>{t('directory.authority.edit')}</Link></>}
      </p>
      {open && history.data && <HistoryList items={history.data} />}
    </li>
  );
}

function Section({ title, items, testid, onChange }: { title: string; items: Entry[]; testid: string; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <section data-testid={testid}>
      <h2>{title}</h2>
      {items.length === 0 ? <p className="muted">{t('directory.state.none')}</p> : (
        <ul className="card-list">
          {items.map((a) => <AuthorityCard key={a.id} a={a} onChange={onChange} />)}
        </ul>
      )}
    </section>
  );
}

export function AuthorityCard({ a, onChange }: { a: Entry; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-authority={a.id}>
      <h3 className="h3-like" dir="auto"><Link to={`/directory/authorities/${a.id}`}>{String(a.name)}</Link></h3>
      <p className="small">
        {a.iso3 ? t(`directory.subtypes.${String(a.subtype)}`) : t('directory.state.network')} · <Functions codes={a.functions} />
      </p>
      {(a.languages !== null || a.category === 'central-authority') && <p className="small">{t('directory.fields.languages')}: <Languages codes={a.languages} /></p>}
      {(a.channels !== null || a.category === 'central-authority') && <p className="small">{t('directory.fields.channels')}: <Channels codes={a.channels} /></p>}
      {typeof a.canDo === 'string' && <p className="small" dir="auto">✓ {a.canDo}</p>}
      {typeof a.cannotDo === 'string' && <p className="small" dir="auto">✗ {a.cannotDo}</p>}
      {a.email ? <p className="small"><a href={`mailto:${String(a.email)}`}>{String(a.email)}</a> · <span dir="ltr">{String(a.phone ?? '')}</span></p> : null}
      <p className="small muted">
        {t('directory.fields.lastVerified')}: {a.lastVerified ?? t('directory.never')}
        {a.permissions.edit && (
          <> · <button type="button" className="link-button" onClick={() => void ok(api.POST(`/api/v1/directory/${'authorities'}/{id}/confirm` as '/api/v1/directory/authorities/{id}/confirm', { params: { path: { id: a.id } }, body: {} })).then(onChange)}>{t('directory.authority.confirm')}</button></>
        )}
      </p>
    </li>
  );
}
