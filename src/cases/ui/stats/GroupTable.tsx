import { useTranslation } from 'react-i18next';
import { STAGES, type Dimension } from './dimensions.ts';
import { useStatsFormat } from './numbers.ts';
import type { StatsGroup } from './statsApi.ts';

interface Props {
  by: Dimension[];
  groups: StatsGroup[];
  total: StatsGroup;
  label: (dim: Dimension, value: string | null) => string;
}

/**
 * The figures per group: count, closed, Convention basis, outside the system, processing time (median and 90th
 * percentile in days) and the same per stage — only the stages some case of the table went through, so an
 * incoming-only table has no "preparation" columns. The last row is the total.
 */
export function GroupTable({ by, groups, total, label }: Props) {
  const { t } = useTranslation();
  const n = useStatsFormat();
  const stages = STAGES.filter((s) => groups.some((g) => (g.stages[s]?.n ?? 0) > 0));
  const caption = t('caseStats.table.caption', { by: by.map((d) => t(`caseStats.dimensions.${d}`)).join(' · ') });
  const figures = (g: StatsGroup) => (
    <>
      <td className="num" data-col="count">{n.count(g.count)}</td>
      <td className="num" data-col="closed">{n.count(g.closed)}</td>
      <td className="num" data-col="convention">{n.count(g.convention)}</td>
      <td className="num" data-col="outside">{n.count(g.outside)}</td>
      <td className="num" data-col="median">{n.days(g.totalDays.median)}</td>
      <td className="num" data-col="p90">{n.days(g.totalDays.p90)}</td>
      {stages.map((s) => (
        <td className="num" key={s} data-col={`${s}-median`}>
          {n.days(g.stages[s]?.median)}
          <span className="stats-p90"> / {n.days(g.stages[s]?.p90)}</span>
        </td>
      ))}
    </>
  );
  return (
    <div className="table-scroll">
      <table className="stats-table" data-testid="stats-table">
        <caption>
          <span>{caption}</span>
        </caption>
        <thead>
          <tr>
            {by.map((d) => (
              <th scope="col" key={d}>
                {t(`caseStats.dimensions.${d}`)}
              </th>
            ))}
            <th scope="col" className="num">{t('caseStats.table.count')}</th>
            <th scope="col" className="num">{t('caseStats.table.closed')}</th>
            <th scope="col" className="num">{t('caseStats.table.convention')}</th>
            <th scope="col" className="num">{t('caseStats.table.outside')}</th>
            <th scope="col" className="num">{t('caseStats.table.median')}</th>
            <th scope="col" className="num">{t('caseStats.table.p90')}</th>
            {stages.map((s) => (
              <th scope="col" className="num" key={s}>
                {t(`caseStats.stages.${s}`)}
                <span className="stats-th-note">{t('caseStats.table.stageNote')}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={JSON.stringify(g.keys)} data-testid="stats-row" data-keys={by.map((d) => g.keys[d] ?? '').join('|')}>
              {by.map((d, i) =>
                i === 0 ? (
                  <th scope="row" key={d}>
                    {label(d, g.keys[d] ?? null)}
                  </th>
                ) : (
                  <td key={d}>{label(d, g.keys[d] ?? null)}</td>
                ),
              )}
              {figures(g)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="stats-total">
            <th scope="row" colSpan={by.length}>
              {t('caseStats.table.total')}
            </th>
            {figures(total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
