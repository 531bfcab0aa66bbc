import { useTranslation } from 'react-i18next';
import type { Dimension } from './dimensions.ts';
import { useStatsFormat } from './numbers.ts';
import { THRESHOLD } from './preview.ts';
import type { SubmittedCell } from './statsApi.ts';

interface Props {
  caption: string;
  by: Dimension[];
  cells: SubmittedCell[];
  label: (dim: Dimension, value: string | null) => string;
  testId?: string;
}

/**
 * An aggregate table as the secretariat receives it: per cell the count, closed, Convention basis, outside the
 * system and the processing time; a suppressed cell says so instead of showing figures, and a withheld
 * sub-count (under the threshold) reads "fewer than 5".
 */
export function SubmissionTable({ caption, by, cells, label, testId = 'submission-table' }: Props) {
  const { t } = useTranslation();
  const n = useStatsFormat();
  const withheld = t('caseStats.submit.withheld', { threshold: n.number(THRESHOLD) });
  const sub = (v: number | null) => (v === null ? <span className="muted">{withheld}</span> : n.count(v));
  return (
    <div className="table-scroll">
      <table className="stats-table" data-testid={testId}>
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
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={JSON.stringify(c.keys)} data-testid="submission-cell" data-suppressed={c.suppressed ? 'true' : 'false'} data-keys={by.map((d) => c.keys[d] ?? '').join('|')}>
              {by.map((d, i) =>
                i === 0 ? (
                  <th scope="row" key={d}>
                    {label(d, c.keys[d] ?? null)}
                    {/* said at the start of the row too: on a phone the suppressed cell lies beyond the scroll */}
                    {c.suppressed && <span className="badge badge-outline stats-suppressed-badge">{t('caseStats.submit.suppressedShort')}</span>}
                  </th>
                ) : (
                  <td key={d}>{label(d, c.keys[d] ?? null)}</td>
                ),
              )}
              {c.suppressed ? (
                <td colSpan={6} className="stats-suppressed">
                  {t('caseStats.submit.suppressed', { threshold: n.number(THRESHOLD) })}
                </td>
              ) : (
                <>
                  <td className="num" data-col="count">{n.count(c.count)}</td>
                  <td className="num" data-col="closed">{sub(c.closed)}</td>
                  <td className="num" data-col="convention">{sub(c.convention)}</td>
                  <td className="num" data-col="outside">{sub(c.outside)}</td>
                  <td className="num" data-col="median">{n.days(c.totalDays.median)}</td>
                  <td className="num" data-col="p90">{n.days(c.totalDays.p90)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
