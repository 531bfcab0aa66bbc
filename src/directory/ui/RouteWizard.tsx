import type { paths } from '../../../generated/api-schema.d.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';
import { MEASURES, REQUEST_KINDS } from '../../reference/measures.ts';
import { Channels, Languages, YesNo, useStates } from './common.tsx';
import { api, ok } from '../../web/api/client.ts';
import type { RouteAnswer } from '../../web/api/types.ts';

/** /directory/route — "Where do I send this?": four questions, then the directory's answer. */
export function RouteWizard() {
  const { t } = useTranslation();
  usePageTitle(t('directory.route.title'));
  const [params, setParams] = useSearchParams();
  const states = useStates();
  const [form, setForm] = useState({
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    kind: params.get('kind') ?? 'mla',
    measure: params.get('measure') ?? '',
  });
  const asked = params.get('from') && params.get('to') && params.get('kind');
  const measures = MEASURES.filter((m) => m.kinds.includes(form.kind as 'mla'));

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = { from: form.from, to: form.to, kind: form.kind };
    if (form.measure) next.measure = form.measure;
    setParams(next);
  }

  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/directory', label: t('directory.nav') }, { label: t('directory.route.title') }]} />
      <h1>{t('directory.route.title')}</h1>
      <p>{t('directory.route.intro')}</p>
      <form className="filters" onSubmit={submit} data-testid="route-form">
        {(['from', 'to'] as const).map((side) => (
          <div className="field" key={side}>
            <label htmlFor={`route-${side}`}>{t(`directory.route.${side}`)}</label>
            <select id={`route-${side}`} required value={form[side]} onChange={(e) => setForm({ ...form, [side]: e.target.value })}>
              <option value="">—</option>
              {states.map((s) => (
                <option key={s.iso3} value={s.iso3}>{s.name}</option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="route-kind">{t('directory.route.kind')}</label>
          <select id="route-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value, measure: '' })}>
            {REQUEST_KINDS.map((k) => (
              <option key={k} value={k}>{t(`directory.route.kinds.${k}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="route-measure">{t('directory.route.measure')}</label>
          <select id="route-measure" value={form.measure} onChange={(e) => setForm({ ...form, measure: e.target.value })}>
            <option value="">{t('directory.route.anyMeasure')}</option>
            {measures.map((m) => (
              <option key={m.code} value={m.code}>{t(`directory.measures.${m.code}`)}</option>
            ))}
          </select>
        </div>
        <div className="filters-actions">
          <button type="submit" className="button">{t('directory.route.ask')}</button>
        </div>
      </form>
      {asked && <Answer from={params.get('from')!} to={params.get('to')!} kind={params.get('kind')!} measure={params.get('measure') ?? undefined} />}
    </>
  );
}

/** The wizard's choices, as the API reads them (it refuses unknown kinds or measures with a 400). */
type RouteQuery = NonNullable<paths['/api/v1/directory/route']['get']['parameters']['query']>;

function Answer(p: { from: string; to: string; kind: string; measure?: string }) {
  const lang = useLang();
  const res = useApi((signal) => ok(api.GET('/api/v1/directory/route', { params: { query: { ...p, lang } as RouteQuery }, signal })), [p.from, p.to, p.kind, p.measure, lang]);
  if (res.status === 'error') return <ErrorMessage error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  return <AnswerView a={res.data} />;
}

function AnswerView({ a }: { a: RouteAnswer }) {
  const { t } = useTranslation();
  const basis = a.legalBasis.convention === true ? 'yes' : a.legalBasis.convention === false ? 'no' : 'unknown';
  const unknownLabel = (u: string) => {
    if (u.startsWith('measure:')) return t('directory.route.unknownItems.measure', { measure: t(`directory.measures.${u.slice(8)}`) });
    if (u.startsWith('authority.')) return t('directory.route.unknownItems.flag', { field: t(`directory.fields.${u.slice(10)}`) });
    return t(`directory.route.unknownItems.${u.replace(':', '-')}`, { defaultValue: u });
  };
  return (
    <section className="card" aria-live="polite" data-testid="route-answer">
      <h2>{t('directory.route.answerTitle', { from: a.requesting.name, to: a.requested.name })}</h2>
      {a.addressee?.via && (
        // the measure's own receiving authority (e.g. the police for urgent preservation), the central authority as channel
        <p className="notice" data-testid="route-addressee" dir="auto">
          {a.addressee.id ? (
            <Link to={`/directory/authorities/${a.addressee.id}`}>{t('directory.route.sendToVia', { name: a.addressee.name, via: a.addressee.via.name })}</Link>
          ) : (
            t('directory.route.sendToVia', { name: a.addressee.name, via: a.addressee.via.name })
          )}
        </p>
      )}
      <h3>{a.addressee?.via ? t('directory.route.centralAuthority') : t('directory.route.authority')}</h3>
      {a.authority ? (
        <div data-testid="route-authority">
          <p>
            <Link to={`/directory/authorities/${a.authority.id}`} dir="auto">{a.authority.name}</Link>
          </p>
          {a.authority.contacts ? (
            <dl className="facts">
              {a.authority.contacts.email && (<><dt>{t('directory.fields.email')}</dt><dd><a href={`mailto:${a.authority.contacts.email}`}>{a.authority.contacts.email}</a></dd></>)}
              {a.authority.contacts.phone && (<><dt>{t('directory.fields.phone')}</dt><dd dir="ltr">{a.authority.contacts.phone}</dd></>)}
              {a.authority.contacts.postalAddress && (<><dt>{t('directory.fields.postalAddress')}</dt><dd dir="auto">{a.authority.contacts.postalAddress}</dd></>)}
            </dl>
          ) : (
            <p className="notice" data-testid="contacts-hidden">{t('directory.authority.contactsHidden')}</p>
          )}
          <dl className="facts">
            <dt>{t('directory.fields.directTransmission')}</dt><dd><YesNo value={a.authority.directTransmission} /></dd>
            <dt>{t('directory.fields.interpolForUrgent')}</dt><dd><YesNo value={a.authority.interpolForUrgent} /></dd>
            <dt>{t('directory.fields.available24x7')}</dt><dd><YesNo value={a.authority.available24x7} /></dd>
            <dt>{t('directory.fields.encryptionRequired')}</dt><dd><YesNo value={a.authority.encryptionRequired} /></dd>
            <dt>{t('directory.fields.eSignatureRequired')}</dt><dd><YesNo value={a.authority.eSignatureRequired} /></dd>
            <dt>{t('directory.fields.lastVerified')}</dt><dd>{a.authority.lastVerified ?? t('directory.never')}</dd>
          </dl>
        </div>
      ) : (
        <p className="notice notice-unknown" data-testid="route-no-authority">{t('directory.route.noAuthority')}</p>
      )}
      <dl className="facts">
        <dt>{t('directory.route.languages')}</dt>
        <dd data-testid="route-languages"><Languages codes={a.languages} /></dd>
        <dt>{t('directory.route.channels')}</dt>
        <dd data-testid="route-channels"><Channels codes={a.channels} /></dd>
      </dl>
      <h3>{t('directory.route.legalBasis')}</h3>
      <p className={`status status-${basis === 'yes' ? 'party' : basis === 'no' ? 'none' : 'unknown'}`} data-testid="route-legal-basis" data-code={a.legalBasis.code}>
        {t(`directory.route.codes.${a.legalBasis.code}`, { from: a.requesting.name, to: a.requested.name })}
      </p>
      {a.measure ? (
        <>
          <h3>{t('directory.route.measureTitle', { measure: t(`directory.measures.${a.measure.code}`) })}</h3>
          <dl className="facts" data-testid="route-measure">
            <dt>{t('directory.fields.available')}</dt><dd>{a.measure.available ? t(`directory.availability.${a.measure.available}`) : t('directory.unknown')}</dd>
            <dt>{t('directory.fields.legalFramework')}</dt><dd dir="auto">{a.measure.legalFramework ?? t('directory.unknown')}</dd>
            <dt>{t('directory.fields.receivingAuthority')}</dt><dd dir="auto">{a.measure.receivingAuthority ?? t('directory.unknown')}</dd>
            <dt>{t('directory.fields.languages')}</dt><dd><Languages codes={a.measure.languages} /></dd>
            <dt>{t('directory.fields.usualExecutionDays')}</dt><dd>{a.measure.usualExecutionDays ?? t('directory.unknown')}</dd>
            <dt>{t('directory.fields.dualCriminality')}</dt><dd>{a.measure.dualCriminality ? t(`directory.dual.${a.measure.dualCriminality}`) : t('directory.unknown')}</dd>
            {a.measure.specialRequirements && (<><dt>{t('directory.fields.specialRequirements')}</dt><dd dir="auto">{a.measure.specialRequirements}</dd></>)}
            {a.measure.alternatives && (<><dt>{t('directory.fields.alternatives')}</dt><dd dir="auto">{a.measure.alternatives}</dd></>)}
          </dl>
        </>
      ) : null}
      {a.requirements.length > 0 && (
        <>
          <h3>{t('directory.route.requirements')}</h3>
          <ul>
            {a.requirements.map((r) => (
              <li key={r} dir="auto">{r}</li>
            ))}
          </ul>
        </>
      )}
      {a.unknown.length > 0 && (
        <div className="notice notice-unknown" data-testid="route-unknown">
          <h3>{t('directory.route.unknownTitle')}</h3>
          <ul>
            {a.unknown.map((u) => (
              <li key={u} data-item={u}>{unknownLabel(u)}</li>
            ))}
          </ul>
          <p className="small">{t('directory.route.unknownNote')}</p>
        </div>
      )}
      <p>
        <Link to={`/directory/states/${a.requested.iso3}`}>{t('directory.route.seeState', { name: a.requested.name })}</Link>
      </p>
    </section>
  );
}
