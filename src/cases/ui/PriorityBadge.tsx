import { useId } from 'react';
import { useFormat } from '../../web/format.ts';
import type { CasePriority } from './caseTypes.ts';
import { factorText } from './factorText.ts';
import { useCaseLabels } from './labels.ts';

/**
 * The priority level as a badge; its score and the factors that made it show on hover and on keyboard focus
 * (the badge is focusable and described by the explanation, so a screen reader hears it too).
 */
export function PriorityBadge({ priority }: { priority: CasePriority }) {
  const L = useCaseLabels();
  const f = useFormat();
  const tipId = useId();
  // a case's priority carries its override; a queue row says only whether there is one
  const level = priority.level;
  const overridden = !!priority.override || !!priority.overridden;
  return (
    <span className="priority-wrap">
      <span className={`priority priority-${level}`} tabIndex={0} aria-describedby={tipId} data-testid="priority-badge" data-level={level} data-score={priority.score}>
        {L.level(level)}
        {overridden && <span aria-hidden="true"> *</span>}
      </span>
      <span role="tooltip" id={tipId} className="priority-tip">
        <strong>{L.t('cases.priority.score', { score: f.number(priority.score) })}</strong>
        {!priority.factors && <span className="block">{L.t('cases.priority.seeCase')}</span>}
        {priority.factors && priority.factors.length > 0 && (
          <ul>
            {priority.factors.map((x) => (
              <li key={x.factor}>{factorText(L, f, x)}</li>
            ))}
          </ul>
        )}
        {priority.override ? (
          <span className="block">{L.t('cases.priority.overriddenBecause', { reason: priority.override.reason })}</span>
        ) : (
          overridden && <span className="block">{L.t('cases.priority.overridden')}</span>
        )}
      </span>
    </span>
  );
}
