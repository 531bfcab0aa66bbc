import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Breadcrumbs } from '../../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useLang } from '../../../web/i18n.ts';
import { announceDraw, createReviews, useCycle, useDraws, type Cycle } from './adminApi.ts';
import { SettingsForm, PlanForm } from './CycleForms.tsx';
import { GroupsTable } from './DrawDetails.tsx';
import { useSubmit } from './useSubmit.ts';
import './review-admin.css';

/** /review-admin/cycles/:id: a cycle's settings, work plan, groups, draws, and the reviews of a phase from a draw. */
export function CyclePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [n, setN] = useState(0);
  const cycle = useCycle(id, [n]);
  usePageTitle(cycle.data?.title ?? t('reviewAdmin.cycle.one'));
  if (cycle.status === 'error') return <ErrorMessage error={cycle.error} onRetry={cycle.reload} />;
  if (!cycle.data) return <Loading />;
  const c = cycle.data;
  const reload = () => setN((x) => x + 1);
  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/review-admin', label: t('reviewAdmin.nav') }, { label: c.title }]} />
      <h1>{c.title}</h1>
      <p>
        <bdi>{c.code}</bdi> — {t('reviewAdmin.cycle.startYear')}: {c.startYear} — {t(`reviewAdmin.cycle.statuses.${c.status}`)} — <bdi dir="ltr">{c.instruments.join(', ')}</bdi>
      </p>
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('reviewAdmin.settings.title')}</h2>
        <SettingsForm key={`s${c.version}`} cycle={c} onSaved={reload} />
      </section>
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t('reviewAdmin.plan.title')}</h2>
        <PlanForm key={`p${c.version}`} cycle={c} onSaved={reload} />
        <Conditional cycle={c} />
      </section>
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">{t('reviewAdmin.groups.title')}</h2>
        {c.groups.length === 0 ? <p className="muted">{t('reviewAdmin.groups.none')}</p> : <GroupsTable groups={c.groups} />}
      </section>
      <Draws cycle={c} />
    </>
  );
}

function Conditional({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  if (cycle.conditionalArticles.length === 0) return null;
  return (
    <div data-testid="conditional">
      <h3>{t('reviewAdmin.plan.conditional')}</h3>
      <ul>
        {cycle.conditionalArticles.map((a) => (
          <li key={`${a.instrument}-${a.article}`}>
            {t('reviewAdmin.plan.conditionalLine', { instrument: a.instrument, article: a.article, other: a.onlyIfNotPartyTo, count: a.states.length })}
            <div className="ra-codes">{a.states.join(' ')}</div>
            {a.unknownStatus.length > 0 && <div>{t('reviewAdmin.draw.unknown')}: <span className="ra-codes">{a.unknownStatus.join(' ')}</span></div>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Draws({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const draws = useDraws(cycle.id);
  const submit = useSubmit();
  const reviews = useSubmit();
  const [kind, setKind] = useState<'reviewers' | 'groups'>('reviewers');
  const [seedSource, setSeedSource] = useState('');
  const [groups, setGroups] = useState('3');
  const drawn = (draws.data?.items ?? []).filter((d) => d.kind === 'reviewers' && d.status === 'drawn');
  const [drawId, setDrawId] = useState('');
  const [phase, setPhase] = useState('1');
  const [group, setGroup] = useState('');
  const [made, setMade] = useState<{ created: number; existing: number } | null>(null);
  const onAnnounce = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(() => announceDraw({ cycleId: cycle.id, kind, seedSource, ...(kind === 'groups' ? { groups: Number(groups) } : {}) }), (d) => navigate(`/review-admin/draws/${d.id}`));
  };
  const onReviews = (e: FormEvent) => {
    e.preventDefault();
    const chosen = drawId || drawn[0]?.id;
    if (!chosen) return;
    void reviews.run(() => createReviews(cycle.id, { drawId: chosen, phase: Number(phase), ...(group ? { group: Number(group) } : {}) }), (r) => setMade(r));
  };
  return (
    <>
      <section aria-labelledby="draws-title">
        <h2 id="draws-title">{t('reviewAdmin.draw.list')}</h2>
        {draws.status === 'error' && <ErrorMessage error={draws.error} onRetry={draws.reload} />}
        {draws.data && (draws.data.items.length === 0 ? <p className="muted">{t('reviewAdmin.draw.noneYet')}</p> : (
          <ul data-testid="cycle-draws">
            {draws.data.items.map((d) => (
              <li key={d.id}>
                <Link to={`/review-admin/draws/${d.id}`}>{t(`reviewAdmin.draw.kinds.${d.kind}`)}</Link> — {t(`reviewAdmin.draw.statuses.${d.status}`)} — {new Date(d.announcedAt).toLocaleDateString(lang)}
              </li>
            ))}
          </ul>
        ))}
        <h3>{t('reviewAdmin.draw.announceTitle')}</h3>
        <p className="prose">{t('reviewAdmin.draw.announceHelp')}</p>
        <form className="ra-form" onSubmit={onAnnounce} data-testid="announce-form">
          <div>
            <label htmlFor="d-kind">{t('reviewAdmin.draw.kind')}</label>
            <select id="d-kind" value={kind} onChange={(e) => setKind(e.target.value as 'reviewers' | 'groups')}>
              <option value="reviewers">{t('reviewAdmin.draw.kinds.reviewers')}</option>
              <option value="groups">{t('reviewAdmin.draw.kinds.groups')}</option>
            </select>
          </div>
          {kind === 'groups' && <div><label htmlFor="d-groups">{t('reviewAdmin.draw.groupsCount')}</label><input id="d-groups" type="number" min={2} max={20} value={groups} onChange={(e) => setGroups(e.target.value)} /></div>}
          <div><label htmlFor="d-source">{t('reviewAdmin.draw.seedSource')}</label><input id="d-source" type="text" value={seedSource} onChange={(e) => setSeedSource(e.target.value)} required minLength={3} /></div>
          {submit.error && <ErrorMessage error={submit.error} />}
          <p><button type="submit" disabled={submit.busy}>{t('reviewAdmin.draw.announceButton')}</button></p>
        </form>
      </section>
      <section aria-labelledby="reviews-title">
        <h2 id="reviews-title">{t('reviewAdmin.reviews.title')}</h2>
        {drawn.length === 0 ? <p className="muted">{t('reviewAdmin.reviews.needDraw')}</p> : (
          <form className="ra-form" onSubmit={onReviews} data-testid="reviews-form">
            <div>
              <label htmlFor="r-draw">{t('reviewAdmin.reviews.draw')}</label>
              <select id="r-draw" value={drawId || drawn[0]!.id} onChange={(e) => setDrawId(e.target.value)}>
                {drawn.map((d) => <option key={d.id} value={d.id}>{new Date(d.announcedAt).toLocaleDateString(lang)} — {d.seedSource}</option>)}
              </select>
            </div>
            <div className="row">
              <div>
                <label htmlFor="r-phase">{t('reviewAdmin.reviews.phase')}</label>
                <select id="r-phase" value={phase} onChange={(e) => setPhase(e.target.value)}>
                  {cycle.plan.map((p) => <option key={p.phase} value={p.phase}>{p.phase}</option>)}
                </select>
              </div>
              <div>
                <label htmlFor="r-group">{t('reviewAdmin.reviews.group')}</label>
                <select id="r-group" value={group} onChange={(e) => setGroup(e.target.value)}>
                  <option value="">{t('reviewAdmin.reviews.allGroups')}</option>
                  {cycle.groups.map((g) => <option key={g.group} value={g.group}>{g.group}</option>)}
                </select>
              </div>
            </div>
            {reviews.error && <ErrorMessage error={reviews.error} />}
            {made && <p role="status" className="ra-ok">{t('reviewAdmin.reviews.done', { created: made.created, existing: made.existing })}</p>}
            <p><button type="submit" disabled={reviews.busy || cycle.plan.length === 0}>{t('reviewAdmin.reviews.button', { phase })}</button></p>
          </form>
        )}
      </section>
    </>
  );
}
