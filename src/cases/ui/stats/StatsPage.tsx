import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useSession } from '../../../web/session.tsx';
import { readParams, toQuery, type Dimension, type Filters } from './dimensions.ts';
import { Gate } from './Gate.tsx';
import { GroupTable } from './GroupTable.tsx';
import { Headline } from './Headline.tsx';
import { useReferenceNames, useValueLabel } from './labels.ts';
import { useStatsFormat } from './numbers.ts';
import { orderByKeys } from './order.ts';
import { StatsCharts } from './StatsCharts.tsx';
import { StatsFilters } from './StatsFilters.tsx';
import { csvHref, useStats } from './statsApi.ts';
import { SubmitSection } from './SubmitSection.tsx';
import './stats.css';

/** /case-statistics: a State's own statistics (central-authority officers). */
export function StatsPage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('caseStats.page.title'));
  if (session.status === 'loading') return <Loading />;
  const roles = session.user?.roles ?? [];
  if (!roles.includes('officer') || !session.user?.state) return <Gate title={t('caseStats.page.title')} secretariat={roles.includes('secretariat')} />;
  return <OwnStatistics />;
}

function OwnStatistics() {
  const { t } = useTranslation();
  const n = useStatsFormat();
  const [params, setParams] = useSearchParams();
  const { filters, by } = readParams(params);
  const names = useReferenceNames();
  const label = useValueLabel(names);
  const stats = useStats(filters, by);
  const apply = (f: Filters, b: Dimension[]) => setParams(toQuery(f, b), { replace: false });
  const data = stats.data;
  const groups = data ? orderByKeys(data.groups, by, label, n.compare) : [];

  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('caseStats.nav') }]} />
      <h1>{t('caseStats.page.title')}</h1>
      <p className="prose">{t('caseStats.page.intro')}</p>
      <p>
        <Link to="/case-statistics/submissions" data-testid="submissions-link">
          {t('caseStats.submissions.title')}
        </Link>
      </p>
      {/* keyed by the address, so Back/Forward and "Clear" show the filters that apply */}
      <StatsFilters key={params.toString()} filters={filters} by={by} names={names} onApply={apply} />
      {stats.status === 'error' && <ErrorMessage error={stats.error} onRetry={stats.reload} />}
      {!data && stats.status === 'loading' && <Loading />}
      {data && (
        <div aria-busy={stats.status === 'loading'} data-testid="stats-results" data-status={stats.status}>
          <Headline stats={data} />
          <p>
            <a href={csvHref(filters, by)} download data-testid="stats-csv" className="button button-secondary">
              {t('caseStats.page.csv')}
            </a>
          </p>
          {data.total.count === 0 ? (
            <p className="notice" data-testid="stats-empty">
              {t('caseStats.page.empty')}
            </p>
          ) : (
            <>
              <StatsCharts filters={filters} by={by} groups={groups} label={label} />
              <section aria-labelledby="stats-table-title">
                <h2 id="stats-table-title">{t('caseStats.table.title')}</h2>
                <GroupTable by={by} groups={groups} total={data.total} label={label} />
                <p className="small muted">{t('caseStats.table.method')}</p>
              </section>
            </>
          )}
        </div>
      )}
      <SubmitSection label={label} />
    </>
  );
}
