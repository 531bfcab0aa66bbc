import { isolate, useFormat } from '../../web/format.ts';
import { ActionSlot, type Perform } from './ActionSlot.tsx';
import type { CaseDto } from './caseTypes.ts';
import { factorText } from './factorText.ts';
import { useCaseLabels } from './labels.ts';

/**
 * The priority and why: each factor with what it added to the score, the computed level, and an officer's
 * override with its reason, who and when. The override form is there when the API allows `set_priority`.
 */
export function PriorityPanel({ c, perform }: { c: CaseDto; perform: Perform }) {
  const L = useCaseLabels();
  const f = useFormat();
  const { t } = L;
  const p = c.priority;
  return (
    <section className="case-section" aria-labelledby="case-priority-title" data-testid="case-priority">
      <h2 id="case-priority-title">{t('cases.priority.title')}</h2>
      <p>
        <span className={`priority priority-${p.level}`} data-testid="priority-level" data-level={p.level}>
          {L.level(p.level)}
        </span>{' '}
        <span className="small">{t('cases.priority.score', { score: f.number(p.score) })}</span>
      </p>
      {p.factors.length === 0 ? (
        <p className="small muted">{t('cases.priority.noFactors')}</p>
      ) : (
        <ul className="plain-list small priority-factors" data-testid="priority-factors" aria-label={t('cases.priority.factors')}>
          {p.factors.map((x) => (
            <li key={x.factor} data-factor={x.factor}>
              {factorText(L, f, x)}
            </li>
          ))}
        </ul>
      )}
      {p.override && (
        <div className="notice priority-override" data-testid="priority-override">
          <p>
            {t('cases.priority.overriddenBy', { level: L.level(p.override.level), computed: L.level(p.computedLevel), name: isolate(p.override.by.name), date: f.date(p.override.at) })}
          </p>
          <p dir="auto">{p.override.reason}</p>
        </div>
      )}
      <ActionSlot c={c} action="set_priority" perform={perform} />
    </section>
  );
}
