import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useSession } from '../../../web/session.tsx';
import { CombinedTable } from './CombinedTable.tsx';
import { DIMENSIONS, type Dimension } from './dimensions.ts';
import { Gate } from './Gate.tsx';
import { useReferenceNames, useValueLabel } from './labels.ts';
import { useStatsFormat } from './numbers.ts';
import { THRESHOLD } from './preview.ts';
import { useCombined, useSubmissions, type CombinedInput, type Submission } from './statsApi.ts';
import { SubmissionList } from './SubmissionList.tsx';
import './stats.css';

/** /case-statistics/submissions: what States submitted (the secretariat: all; an officer: its own) and the combined table. */
export function SubmissionsPage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('caseStats.submissions.title'));
  if (session.status === 'loading') return <Loading />;
  const roles = session.user?.roles ?? [];
  const secretariat = roles.includes('secretariat');
  if (!secretariat && !(roles.includes('officer') && session.user?.state)) return <Gate title={t('caseStats.submissions.title')} />;
  return <Submissions secretariat={secretariat} />;
}

/** A set of comparable submissions: the same period, grouping and direction filter (what the combination needs). */
interface SetKey {
  from: string;
  to: string;
  by: Dimension[];
  direction?: 'incoming' | 'outgoing';
}
const dims = (by: readonly string[]) => by.filter((d): d is Dimension => (DIMENSIONS as readonly string[]).includes(d));
function setOf(s: Submission): SetKey {
  const direction = s.filters?.direction;
  return { from: s.from, to: s.to, by: dims(s.by), ...((direction === 'incoming' || direction === 'outgoing') && { direction }) };
}

function Submissions({ secretariat }: { secretariat: boolean }) {
  const { t } = useTranslation();
  const n = useStatsFormat();
  const names = useReferenceNames();
  const label = useValueLabel(names);
  const list = useSubmissions();
  const sets = useMemo(() => {
    const seen = new Map<string, SetKey>();
    for (const s of list.data?.items ?? []) {
      const k = setOf(s);
      seen.set(JSON.stringify(k), k);
    }
    // newest period first: the order of time, not of any figure
    return [...seen.entries()].sort((a, b) => (a[1].to < b[1].to ? 1 : a[1].to > b[1].to ? -1 : a[0] < b[0] ? -1 : 1));
  }, [list.data]);
  const [chosen, setChosen] = useState<string>('');
  const [across, setAcross] = useState<CombinedInput['across']>('all');
  const current = sets.find(([k]) => k === chosen) ?? sets[0];
  const query: CombinedInput | null = current ? { ...current[1], across } : null;
  const combined = useCombined(query);
  const setLabel = (k: SetKey) =>
    [`${n.date(k.from)} – ${n.date(k.to)}`, k.by.map((d) => t(`caseStats.dimensions.${d}`)).join(' · '), k.direction ? label('direction', k.direction) : null].filter(Boolean).join(', ');

  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, ...(secretariat ? [] : [{ to: '/case-statistics', label: t('caseStats.nav') }]), { label: t('caseStats.submissions.title') }]} />
      <h1>{t('caseStats.submissions.title')}</h1>
      <p className="prose">{t(secretariat ? 'caseStats.submissions.introSecretariat' : 'caseStats.submissions.introOfficer')}</p>
      <section aria-labelledby="received-title">
        <h2 id="received-title">{t(secretariat ? 'caseStats.submissions.received' : 'caseStats.submit.past')}</h2>
        {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
        {!list.data && list.status === 'loading' && <Loading />}
        {list.data && <SubmissionList items={list.data.items} label={label} showState={secretariat} withCells={!secretariat} />}
      </section>
      <section aria-labelledby="combined-title" data-testid="combined-section">
        <h2 id="combined-title">{t('caseStats.combined.title')}</h2>
        <p className="prose">{t('caseStats.combined.meaning', { threshold: n.number(THRESHOLD) })}</p>
        {sets.length === 0 ? (
          list.data && <p className="muted">{t('caseStats.combined.nothing')}</p>
        ) : (
          <>
            <div className="filters">
              <div className="field">
                <label htmlFor="combined-set">{t('caseStats.combined.set')}</label>
                <select id="combined-set" value={current?.[0] ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="combined-set">
                  {sets.map(([k, v]) => (
                    <option key={k} value={k}>
                      {setLabel(v)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="combined-across">{t('caseStats.combined.across')}</label>
                <select id="combined-across" value={across} onChange={(e) => setAcross(e.target.value as CombinedInput['across'])} data-testid="combined-across">
                  <option value="all">{t('caseStats.combined.acrossAll')}</option>
                  <option value="regional-group">{t('caseStats.combined.acrossGroups')}</option>
                </select>
              </div>
            </div>
            {combined.status === 'error' && <ErrorMessage error={combined.error} onRetry={combined.reload} />}
            {!combined.data && combined.status === 'loading' && <Loading />}
            {combined.data && current && <CombinedTable data={combined.data} by={current[1].by} label={label} />}
          </>
        )}
      </section>
    </>
  );
}
