import { useFormat } from '../../web/format.ts';
import { ActionSlot, allows, type Perform } from './ActionSlot.tsx';
import type { CaseDto } from './caseTypes.ts';
import { useCaseLabels } from './labels.ts';

/**
 * The steps due on the case (deadlines as configuration, deadlines.ts): overdue ones are marked and ask for a
 * reason and a new estimate (`explain_delay`); an explained step shows its new estimate and reason.
 */
export function DueSteps({ c, perform }: { c: CaseDto; perform: Perform }) {
  const L = useCaseLabels();
  const f = useFormat();
  const { t } = L;
  if (c.dueSteps.length === 0) return null;
  const overdue = c.dueSteps.some((s) => s.overdue);
  return (
    <section className="case-section" aria-labelledby="case-due-title" data-testid="due-steps">
      <h2 id="case-due-title">{t('cases.due.title')}</h2>
      <ul className="plain-list due-list">
        {c.dueSteps.map((s) => (
          <li key={`${s.step}-${s.seq ?? ''}-${s.dueAt}`} className={s.overdue ? 'due-step is-overdue' : 'due-step'} data-testid="due-step" data-step={s.step} data-overdue={s.overdue}>
            <strong>{L.step(s.step)}</strong> — {t('cases.due.dueOn', { date: f.date(s.dueAt) })}
            {s.overdue && <span className="badge badge-overdue">{t('cases.due.overdue')}</span>}
            {s.explained && (
              <span className="block small">
                {t('cases.due.explained', { date: f.date(s.explained.newEstimate) })} <span dir="auto">{s.explained.reason}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      {overdue && allows(c, 'explain_delay') && <ActionSlot c={c} action="explain_delay" perform={perform} />}
    </section>
  );
}
