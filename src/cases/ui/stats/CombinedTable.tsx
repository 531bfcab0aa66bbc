import { useTranslation } from 'react-i18next';
import type { Dimension } from './dimensions.ts';
import { useStatsFormat } from './numbers.ts';
import { orderByKeys } from './order.ts';
import type { Combined } from './statsApi.ts';

type Label = (dim: Dimension, value: string | null) => string;

/**
 * The submissions combined across States (or per regional group of the submitting States): sums over the cells
 * States did not suppress, how many States are in each cell and how many withheld it, and the range and weighted
 * median of the States' medians. Ordered by regional group and by the groups' names — never by a figure.
 */
export function CombinedTable({ data, by, label }: { data: Combined; by: Dimension[]; label: Label }) {
  const { t } = useTranslation();
  const n = useStatsFormat();
  const perGroup = data.across === 'regional-group';
  const ordered = orderByKeys(data.cells, by, label, n.compare);
  const cells = perGroup ? [...ordered].sort((a, b) => n.compare(label('regional-group', a.regionalGroup), label('regional-group', b.regionalGroup))) : ordered;
  const range = (c: Combined['cells'][number]) =>
    c.medianDays.min === null || c.medianDays.max === null ? n.none : `${n.days(c.medianDays.min)} – ${n.days(c.medianDays.max)}`;
  return (
    <div className="table-scroll">
      <table className="stats-table" data-testid="combined-table">
        <caption>
          <span>{t('caseStats.combined.caption', { n: n.number(data.submissions), from: n.date(data.from), to: n.date(data.to) })}</span>
        </caption>
        <thead>
          <tr>
            {perGroup && <th scope="col">{t('caseStats.dimensions.regional-group')}</th>}
            {by.map((d) => (
              <th scope="col" key={d}>
                {t(`caseStats.dimensions.${d}`)}
              </th>
            ))}
            <th scope="col" className="num">{t('caseStats.combined.states')}</th>
            <th scope="col" className="num">{t('caseStats.combined.suppressedStates')}</th>
            <th scope="col" className="num">{t('caseStats.table.count')}</th>
            <th scope="col" className="num">{t('caseStats.table.closed')}</th>
            <th scope="col" className="num">{t('caseStats.table.convention')}</th>
            <th scope="col" className="num">{t('caseStats.table.outside')}</th>
            <th scope="col" className="num">{t('caseStats.combined.medianRange')}</th>
            <th scope="col" className="num">{t('caseStats.combined.weightedMedian')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={`${c.regionalGroup ?? ''}|${JSON.stringify(c.keys)}`} data-testid="combined-row" data-keys={by.map((d) => c.keys[d] ?? '').join('|')}>
              {perGroup && <th scope="row">{label('regional-group', c.regionalGroup)}</th>}
              {by.map((d, i) =>
                i === 0 && !perGroup ? (
                  <th scope="row" key={d}>
                    {label(d, c.keys[d] ?? null)}
                  </th>
                ) : (
                  <td key={d}>{label(d, c.keys[d] ?? null)}</td>
                ),
              )}
              <td className="num">{n.number(c.states)}</td>
              <td className="num">{n.number(c.suppressedStates)}</td>
              <td className="num" data-col="count">{n.number(c.count)}</td>
              <td className="num">{n.number(c.closed)}</td>
              <td className="num">{n.number(c.convention)}</td>
              <td className="num">{n.number(c.outside)}</td>
              <td className="num nowrap">{range(c)}</td>
              <td className="num">{n.days(c.medianDays.weightedMedianOfMedians)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
