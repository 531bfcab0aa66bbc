import { useTranslation } from 'react-i18next';
import { openQueries } from './actionFields.ts';
import { ActionSlot, allows, blockedReasons, type Perform } from './ActionSlot.tsx';
import type { CaseAction, CaseDto } from './caseTypes.ts';

/** Shown in their own sections, where their context is: the priority override, and explaining an overdue step. */
const ELSEWHERE: readonly CaseAction[] = ['set_priority', 'explain_delay'];

/**
 * What the viewer may do with the case now: exactly the actions the API's `actions` allows, in the machine's
 * order, each with its own small form; refuse and postpone stay visible but disabled, with the reason, while no
 * consultation is recorded. Answering a progress query is offered only while one is unanswered.
 */
export function ActionsPanel({ c, perform }: { c: CaseDto; perform: Perform }) {
  const { t } = useTranslation();
  const shown = c.actions
    .map((a) => a.action)
    .filter((a) => !ELSEWHERE.includes(a))
    .filter((a) => a !== 'answer_query' || openQueries(c).length > 0)
    .filter((a) => allows(c, a) || blockedReasons(c, a));
  return (
    <section className="case-section case-actions" aria-labelledby="case-actions-title" data-testid="case-actions">
      <h2 id="case-actions-title">{t('cases.case.actions')}</h2>
      {shown.length === 0 ? (
        <p className="muted" data-testid="no-actions">
          {t('cases.case.noActions')}
        </p>
      ) : (
        <div className="case-action-list">
          {shown.map((a) => (
            <ActionSlot key={a} c={c} action={a} perform={perform} />
          ))}
        </div>
      )}
    </section>
  );
}
