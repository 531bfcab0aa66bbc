import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../web/format.ts';

/**
 * How the statistics write their figures in the UI language: counts, days with one decimal (a median of 12.5 days
 * is not 13), shares as percentages, and "—" where there is no figure (no closed case, or a suppressed cell).
 */
export function useStatsFormat() {
  const { t } = useTranslation();
  const f = useFormat();
  return useMemo(() => {
    const days = new Intl.NumberFormat(f.lang, { maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(f.lang, { style: 'percent', maximumFractionDigits: 0 });
    const none = t('caseStats.noValue');
    return {
      ...f,
      none,
      count: (n: number | null | undefined) => (n === null || n === undefined ? none : f.number(n)),
      days: (n: number | null | undefined) => (n === null || n === undefined ? none : days.format(n)),
      daysNumber: (n: number) => days.format(n),
      share: (n: number | null | undefined) => (n === null || n === undefined ? none : pct.format(n)),
    };
  }, [f, t]);
}
