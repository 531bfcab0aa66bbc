import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import { CATEGORIES, FUNCTIONS } from '../vocabulary.ts';
import { Functions, useStateName, useStates } from './common.tsx';
import type { paths } from '../../../generated/api-schema.d.ts';
import { api, ok } from '../../web/api/client.ts';
import { directoryExportUrl } from './directoryLinks.ts';

/** /directory — find authorities by State, category and function; the States covered; the tools. */
/** The search form's values go to the API as typed (the server refuses an unknown category or function with a 400). */
type DirectoryQuery = NonNullable<paths['/api/v1/directory/authorities']['get']['parameters']['query']>;

export function DirectoryHome() {
  const { t } = useTranslation();
  usePageTitle(t('directory.title'));
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const states = useStates();
  const stateName = useStateName();
  const [form, setForm] = useState({ state: params.get('state') ?? '', category: params.get('category') ?? '', function: params.get('function') ?? '', q: params.get('q') ?? '' });
  const filters = { state: params.get('state') ?? undefined, category: params.get('category') ?? undefined, function: params.get('function') ?? undefined, q: params.get('q') ?? undefined };
  const searching = Object.values(filters).some(Boolean);
  const results = useApi((signal) => (searching ? ok(api.GET('/api/v1/directory/authorities', { params: { query: filters as DirectoryQuery }, signal })).then((r) => r.items) : Promise.resolve([])), [params.toString()]);
  const covered = useApi((signal) => ok(api.GET('/api/v1/directory/states', { signal })).then((r) => r.items), []);
  const roles = user?.roles ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v)));
  }

  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('directory.nav') }]} />
      <h1>{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      <p className="notice notice-warn">{t('directory.fictitiousNote')}</p>
      <ul className="inline-links">
        <li><Link to="/directory/route" data-testid="route-link">{t('directory.home.routeLink')}</Link></li>
        {roles.includes('secretariat') && <li><Link to="/directory/stale">{t('directory.home.staleLink')}</Link></li>}
        {(roles.includes('expert') || roles.includes('secretariat')) && <li><Link to="/directory/experts">{t('directory.home.expertsLink')}</Link></li>}
        <li><a href={directoryExportUrl('authorities', 'csv')}>{t('directory.home.export')} (CSV)</a></li>
        <li><a href={directoryExportUrl('authorities', 'json')}>{t('directory.home.export')} (JSON)</a></li>
      </ul>
      {!user && <p className="muted">{t('directory.home.publicNote')}</p>}

      <h2>{t('directory.home.find')}</h2>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="dir-state">{t('directory.fields.iso3')}</label>
          <select id="dir-state" value={form.state} onChange={(e) => setForm({ ...form, state: e.target.value })}>
            <option value="">{t('directory.home.any')}</option>
            {states.map((s) => <option key={s.iso3} value={s.iso3}>{s.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dir-category">{t('directory.fields.category')}</label>
          <select id="dir-category" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            <option value="">{t('directory.home.any')}</option>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(`directory.categories.${c}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dir-function">{t('directory.fields.functions')}</label>
          <select id="dir-function" value={form.function} onChange={(e) => setForm({ ...form, function: e.target.value })}>
            <option value="">{t('directory.home.any')}</option>
            {FUNCTIONS.map((f) => <option key={f} value={f}>{t(`directory.functions.${f}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dir-q">{t('directory.fields.name')}</label>
          <input id="dir-q" type="search" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        </div>
        <div className="filters-actions">
          <button type="submit" className="button">{t('directory.home.search')}</button>
        </div>
      </form>
      {searching && (results.status === 'error' ? <ErrorMessage error={results.error} onRetry={results.reload} /> : !results.data ? <Loading /> : (
        results.data.length === 0 ? <p>{t('directory.home.none')}</p> : (
          <div className="table-scroll">
            <table data-testid="authority-results">
              <thead><tr><th scope="col">{t('directory.fields.name')}</th><th scope="col">{t('directory.fields.iso3')}</th><th scope="col">{t('directory.fields.category')}</th><th scope="col">{t('directory.fields.functions')}</th></tr></thead>
              <tbody>
                {results.data.map((a) => (
                  <tr key={a.id}>
                    <td dir="auto"><Link to={`/directory/authorities/${a.id}`}>{String(a.name)}</Link></td>
                    <td>{a.iso3 ? stateName(a.iso3) : t('directory.state.network')}</td>
                    <td>{t(`directory.categories.${String(a.category)}`)}</td>
                    <td><Functions codes={a.functions} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ))}

      <h2>{t('directory.home.statesTitle')}</h2>
      {covered.data ? (
        <ul className="inline-list" data-testid="directory-states">
          {covered.data.map((s) => (
            <li key={s.iso3}><Link to={`/directory/states/${s.iso3}`}>{stateName(s.iso3)}</Link></li>
          ))}
        </ul>
      ) : covered.status === 'error' ? <ErrorMessage error={covered.error} /> : <Loading />}
    </>
  );
}
