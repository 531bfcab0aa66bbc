import { Link } from 'react-router';
import { useFormat } from '../../web/format.ts';
import type { CaseSummary } from './caseTypes.ts';
import { useCaseLabels } from './labels.ts';
import { PriorityBadge } from './PriorityBadge.tsx';
import { useStates } from './useStates.ts';

/** One work queue's page, in the API's order (priority first): each case with its age and its overdue steps. */
export function QueueTable({ items, total }: { items: CaseSummary[]; total: number }) {
  const L = useCaseLabels();
  const f = useFormat();
  const { stateName } = useStates();
  const { t } = L;
  return (
    <div className="table-scroll">
      <table className="cases-table" data-testid="queue-table">
        <caption>
          <span>{t('cases.queue.caption', { count: total, n: f.number(total) })}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.fields.priority')}</th>
            <th scope="col">{t('cases.fields.reference')}</th>
            <th scope="col">{t('cases.fields.title')}</th>
            <th scope="col">{t('cases.fields.counterpartState')}</th>
            <th scope="col">{t('cases.fields.kind')}</th>
            <th scope="col">{t('cases.fields.status')}</th>
            <th scope="col">{t('cases.fields.age')}</th>
            <th scope="col">{t('cases.fields.overdue')}</th>
            <th scope="col">{t('cases.fields.transmission')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-testid="case-row" data-id={c.id} data-reference={c.reference} className={c.overdueSteps > 0 ? 'is-overdue' : undefined}>
              <td data-label={t('cases.fields.priority')}>
                <PriorityBadge priority={c.priority} />
              </td>
              <th data-label={t('cases.fields.reference')} scope="row" className="nowrap">
                <Link to={`/cases/${c.id}`} dir="ltr">
                  {c.reference}
                </Link>
                {c.counterpartReference && (
                  <span className="block small muted" dir="ltr">
                    {c.counterpartReference}
                  </span>
                )}
              </th>
              <td data-label={t('cases.fields.title')}>
                <span dir="auto">{c.title}</span>
              </td>
              <td data-label={t('cases.fields.counterpartState')}>
                <span className="direction-mark" aria-label={L.direction(c.direction)} title={L.direction(c.direction)}>
                  {c.direction === 'incoming' ? '⇠' : '⇢'}
                </span>{' '}
                {stateName(c.counterpartState)}
              </td>
              <td data-label={t('cases.fields.kind')}>{L.kind(c.kind)}</td>
              <td data-label={t('cases.fields.status')}>
                <span className={`badge case-state state-${c.status}`}>{L.state(c.status)}</span>
              </td>
              <td data-label={t('cases.fields.age')} className="nowrap num">{t('cases.queue.days', { count: c.ageDays, n: f.number(c.ageDays) })}</td>
              <td data-label={t('cases.fields.overdue')} data-testid="overdue-cell">
                {c.overdueSteps === 0 ? (
                  c.nextDueAt ? <span className="small">{t('cases.due.nextDue', { date: f.date(c.nextDueAt) })}</span> : <span className="muted">—</span>
                ) : (
                  <span className="badge badge-overdue" data-testid="overdue-steps">
                    {t('cases.due.overdueCount', { count: c.overdueSteps, n: f.number(c.overdueSteps) })}
                  </span>
                )}
                {c.overdueSteps > 0 && c.nextDueAt && (
                  <span className="block small">{t('cases.due.since', { date: f.date(c.nextDueAt) })}</span>
                )}
              </td>
              <td data-label={t('cases.fields.transmission')}>{c.transmission === 'none' ? <span className="muted">{L.transmission('none')}</span> : <span className={`badge transmission-${c.transmission}`}>{L.transmission(c.transmission)}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
