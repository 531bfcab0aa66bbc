import { useTranslation } from 'react-i18next';
import { DIMENSIONS, type Dimension } from './dimensions.ts';
import { useStatsFormat } from './numbers.ts';
import type { Submission } from './statsApi.ts';
import { SubmissionTable } from './SubmissionTable.tsx';

type Label = (dim: Dimension, value: string | null) => string;

const dims = (by: readonly string[]) => by.filter((d): d is Dimension => (DIMENSIONS as readonly string[]).includes(d));

/**
 * Submissions received or made: State (for the secretariat, by name — never by a figure), period, grouping, when and
 * by whom. A State's own officers can open each to see the cells exactly as sent.
 */
export function SubmissionList({ items, label, withCells = false, showState = false }: { items: Submission[]; label: Label; withCells?: boolean; showState?: boolean }) {
  const { t } = useTranslation();
  const n = useStatsFormat();
  if (items.length === 0) return <p className="muted" data-testid="submissions-empty">{t('caseStats.submissions.none')}</p>;
  const rows = showState
    ? [...items].sort((a, b) => n.compare(label('counterpart', a.state), label('counterpart', b.state)) || (a.from < b.from ? -1 : 1))
    : [...items].sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1));
  return (
    <>
      <div className="table-scroll">
        <table className="stats-table" data-testid="submissions-table">
          <caption>
            <span>{t('caseStats.submissions.caption', { n: n.number(rows.length) })}</span>
          </caption>
          <thead>
            <tr>
              {showState && <th scope="col">{t('caseStats.submissions.state')}</th>}
              {showState && <th scope="col">{t('caseStats.dimensions.regional-group')}</th>}
              <th scope="col">{t('caseStats.submissions.period')}</th>
              <th scope="col">{t('caseStats.submissions.grouping')}</th>
              <th scope="col">{t('caseStats.submissions.submitted')}</th>
              <th scope="col">{t('caseStats.submissions.by')}</th>
              <th scope="col" className="num">{t('caseStats.submissions.cells')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-testid="submission-row" data-state={s.state}>
                {showState && <th scope="row">{label('counterpart', s.state)}</th>}
                {showState && <td>{label('regional-group', s.regionalGroup)}</td>}
                <td className="nowrap">
                  {n.date(s.from)} – {n.date(s.to)}
                </td>
                <td>{dims(s.by).map((d) => t(`caseStats.dimensions.${d}`)).join(' · ')}</td>
                <td className="nowrap">{n.date(s.submittedAt)}</td>
                <td dir="auto">{s.submittedBy}</td>
                <td className="num">{n.number(s.cellCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withCells &&
        rows.map((s) =>
          s.cells ? (
            <details key={s.id} className="stats-sent" data-testid="submission-details">
              <summary>{t('caseStats.submissions.sentTable', { from: n.date(s.from), to: n.date(s.to), when: n.date(s.submittedAt) })}</summary>
              <SubmissionTable caption={t('caseStats.submissions.sentCaption')} by={dims(s.by)} cells={s.cells} label={label} testId="sent-table" />
            </details>
          ) : null,
        )}
    </>
  );
}
