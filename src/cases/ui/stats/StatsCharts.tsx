import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import type { Dimension, Filters } from './dimensions.ts';
import { useStatsFormat } from './numbers.ts';
import { orderByKeys } from './order.ts';
import { StatsChart } from './StatsChart.tsx';
import { useStats, type StatsGroup } from './statsApi.ts';

interface Props {
  filters: Filters;
  by: Dimension[];
  groups: StatsGroup[];
  label: (dim: Dimension, value: string | null) => string;
}

/** The charts: cases per group, processing time per group (median and 90th percentile), and cases per month. */
export function StatsCharts({ filters, by, groups, label }: Props) {
  const { t } = useTranslation();
  const groupLabel = (g: StatsGroup) => by.map((d) => label(d, g.keys[d] ?? null)).join(' · ');
  const categories = groups.map((g) => ({ key: JSON.stringify(g.keys), label: groupLabel(g) }));
  const heading = by.map((d) => t(`caseStats.dimensions.${d}`)).join(' · ');
  const timed = groups.filter((g) => g.totalDays.n > 0);
  return (
    <section aria-labelledby="stats-charts-title" className="stats-charts">
      <h2 id="stats-charts-title">{t('caseStats.charts.title')}</h2>
      <div className="stats-chart-grid">
        <StatsChart
          id="chart-counts"
          caption={t('caseStats.charts.counts', { by: heading })}
          categoryHeading={heading}
          categories={categories}
          series={[
            { name: t('caseStats.table.count'), values: groups.map((g) => g.count) },
            { name: t('caseStats.table.closed'), values: groups.map((g) => g.closed) },
          ]}
        />
        {timed.length > 0 ? (
          <StatsChart
            id="chart-times"
            caption={t('caseStats.charts.times', { by: heading })}
            categoryHeading={heading}
            categories={timed.map((g) => ({ key: JSON.stringify(g.keys), label: groupLabel(g) }))}
            series={[
              { name: t('caseStats.table.median'), values: timed.map((g) => g.totalDays.median) },
              { name: t('caseStats.table.p90'), values: timed.map((g) => g.totalDays.p90) },
            ]}
            unit="days"
          />
        ) : (
          <p className="muted" data-testid="chart-times-empty">
            {t('caseStats.charts.noTimes')}
          </p>
        )}
        <MonthChart filters={filters} label={label} />
      </div>
    </section>
  );
}

/** Cases per month of the same filters (a second query, grouped by month). */
function MonthChart({ filters, label }: { filters: Filters; label: Props['label'] }) {
  const { t } = useTranslation();
  const f = useStatsFormat();
  const months = useStats(filters, ['month']);
  if (months.status === 'error') return <ErrorMessage error={months.error} onRetry={months.reload} />;
  if (!months.data) return <Loading />;
  const rows = orderByKeys(months.data.groups, ['month'], label, f.compare);
  if (rows.length === 0) return null;
  return (
    <StatsChart
      id="chart-months"
      caption={t('caseStats.charts.months')}
      categoryHeading={t('caseStats.dimensions.month')}
      categories={rows.map((g) => ({ key: g.keys.month ?? '', label: label('month', g.keys.month ?? null) }))}
      series={[{ name: t('caseStats.table.count'), values: rows.map((g) => g.count) }]}
    />
  );
}
