import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Breadcrumbs } from '../../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { createCycle, useCycles } from './adminApi.ts';
import { useSubmit } from './useSubmit.ts';
import './review-admin.css';

/** /review-admin: the review cycles (newest first) and a form to create one (secretariat). */
export function CyclesPage() {
  const { t } = useTranslation();
  usePageTitle(t('reviewAdmin.nav'));
  const cycles = useCycles();
  const navigate = useNavigate();
  const submit = useSubmit();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [startYear, setStartYear] = useState(String(new Date().getUTCFullYear() + 1));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(() => createCycle({ code, title, startYear: Number(startYear), instruments: ['UNTOC', 'TIP', 'SOM', 'FIR'] }), (c) => navigate(`/review-admin/cycles/${c.id}`));
  };
  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('reviewAdmin.nav') }]} />
      <h1>{t('reviewAdmin.nav')}</h1>
      <p className="prose">{t('reviewAdmin.cycles.intro')}</p>
      <p><Link to="/review-draws">{t('reviewAdmin.public.title')}</Link></p>
      {cycles.status === 'error' && <ErrorMessage error={cycles.error} onRetry={cycles.reload} />}
      {!cycles.data && cycles.status === 'loading' && <Loading />}
      {cycles.data && (cycles.data.items.length === 0 ? <p className="muted">{t('reviewAdmin.cycles.none')}</p> : (
        <ul data-testid="cycles">
          {cycles.data.items.map((c) => (
            <li key={c.id}>
              <Link to={`/review-admin/cycles/${c.id}`}>{c.title}</Link> (<bdi>{c.code}</bdi>, {c.startYear}) — {t(`reviewAdmin.cycle.statuses.${c.status}`)}
            </li>
          ))}
        </ul>
      ))}
      <h2>{t('reviewAdmin.cycles.create')}</h2>
      <form className="ra-form" onSubmit={onSubmit} data-testid="create-cycle">
        <div><label htmlFor="c-code">{t('reviewAdmin.cycle.code')}</label><input id="c-code" type="text" dir="ltr" value={code} onChange={(e) => setCode(e.target.value)} required /></div>
        <div><label htmlFor="c-title">{t('reviewAdmin.cycle.title')}</label><input id="c-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} required /></div>
        <div><label htmlFor="c-year">{t('reviewAdmin.cycle.startYear')}</label><input id="c-year" type="number" min={2000} max={2200} value={startYear} onChange={(e) => setStartYear(e.target.value)} required /></div>
        {submit.error && <ErrorMessage error={submit.error} />}
        <p><button type="submit" disabled={submit.busy}>{t('reviewAdmin.cycles.createButton')}</button></p>
      </form>
    </>
  );
}
