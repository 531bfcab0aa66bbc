import { useTranslation } from 'react-i18next';
import { useStatsFormat } from './numbers.ts';
import type { Stats } from './statsApi.ts';

/**
 * The headline figures of the chosen cases: how many, how many closed, the processing time (median and 90th
 * percentile, in days, paused time excluded — said under the figures), the share on the Convention's basis and
 * how many were handled outside the system.
 */
export function Headline({ stats }: { stats: Stats }) {
  const { t } = useTranslation();
  const n = useStatsFormat();
  const total = stats.total;
  const items: { key: string; label: string; value: string }[] = [
    { key: 'count', label: t('caseStats.headline.count'), value: n.count(total.count) },
    { key: 'closed', label: t('caseStats.headline.closed'), value: n.count(total.closed) },
    { key: 'median', label: t('caseStats.headline.median'), value: n.days(total.totalDays.median) },
    { key: 'p90', label: t('caseStats.headline.p90'), value: n.days(total.totalDays.p90) },
    { key: 'convention', label: t('caseStats.headline.convention'), value: n.share(stats.conventionShare) },
    { key: 'outside', label: t('caseStats.headline.outside'), value: n.count(total.outside) },
  ];
  return (
    <section aria-labelledby="stats-headline-title" className="stats-headline">
      <h2 id="stats-headline-title">{t('caseStats.headline.title')}</h2>
      <dl className="stats-figures" data-testid="stats-headline">
        {items.map((i) => (
          <div key={i.key} className="stats-figure" data-figure={i.key}>
            <dt>{i.label}</dt>
            <dd data-testid={`figure-${i.key}`}>{i.value}</dd>
          </div>
        ))}
      </dl>
      <p className="small muted" data-testid="paused-note">
        {t('caseStats.headline.pausedNote', { closed: n.number(total.totalDays.n) })}
      </p>
    </section>
  );
}
