import { useState } from 'react';
import { useFormat } from '../../web/format.ts';
import { useSession } from '../../web/session.tsx';
import { ActionForm } from './ActionForm.tsx';
import { fieldsFor, initialValues } from './actionFields.ts';
import type { CaseAction, CaseDto, CaseEvent } from './caseTypes.ts';
import { useCaseLabels } from './labels.ts';

/** Whether the API allows the action now (the case's `actions`: the machine's answer for this viewer). */
export const allows = (c: CaseDto, action: CaseAction) => c.actions.some((a) => a.action === action && a.allowed);

/**
 * A refusal worth showing as a disabled button: the action exists in this state and the viewer's role, but a rule
 * stops it (e.g. refuse or postpone before a consultation is recorded, 16(16), 18(26)). An action of another
 * state or another role is not shown at all.
 */
export function blockedReasons(c: CaseDto, action: CaseAction) {
  const a = c.actions.find((x) => x.action === action);
  if (!a || a.allowed) return null;
  const reasons = a.reasons.filter((r) => r.code !== 'state' && r.code !== 'relationship');
  return reasons.length === a.reasons.length && reasons.length > 0 ? reasons : null;
}

export interface Perform {
  event: (body: CaseEvent) => Promise<void>;
  /** The exchange's send (POST /cases/{id}/send): a covering note and the version seen. */
  send: (body: CaseEvent) => Promise<void>;
}

/** An action's button and, once pressed, its small form in place. */
export function ActionSlot({ c, action, perform, className }: { c: CaseDto; action: CaseAction; perform: Perform; className?: string }) {
  const L = useCaseLabels();
  const f = useFormat();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const label = action === 'supply_info' && c.direction === 'incoming' ? L.t('cases.actions.supply_info_incoming') : L.action(action);
  const blocked = blockedReasons(c, action);

  if (blocked) {
    const reasonId = `blocked-${action}`;
    return (
      <div className={`case-action blocked ${className ?? ''}`}>
        <button type="button" disabled aria-describedby={reasonId} data-testid={`action-${action}`} data-blocked="true">
          {label}
        </button>
        <span id={reasonId} className="small blocked-reason" data-testid={`blocked-${action}`}>
          {blocked.some((r) => r.code === 'prior-action') ? L.t('cases.reasons.consultFirst') : <span lang="en" dir="ltr">{blocked.map((r) => r.message).join(' · ')}</span>}
        </span>
      </div>
    );
  }
  if (!allows(c, action)) return null;
  return (
    <div className={`case-action ${open ? 'open' : ''} ${className ?? ''}`}>
      {!open && (
        <button type="button" className={action === 'refuse' || action === 'withdraw' ? 'button-secondary button-danger' : 'button-secondary'} onClick={() => setOpen(true)} data-testid={`action-${action}`} aria-expanded={false}>
          {label}
        </button>
      )}
      {open && (
        <section className="case-action-box" aria-label={label}>
          <h3 className="h3-like">{label}</h3>
          {action === 'send' && <p className="small">{L.t('cases.form.sendText')}</p>}
          <ActionForm
            action={action}
            fields={fieldsFor(action, c, L, session.user?.id ?? null, f.date)}
            initial={initialValues(action, c)}
            version={c.version}
            submitLabel={label}
            onSubmit={async (body) => {
              if (action === 'send') await perform.send(body);
              else await perform.event(body);
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        </section>
      )}
    </div>
  );
}
