/** A titled fieldset grouping fields of the wizard, with an optional hint. */
import { useId, type ReactNode } from 'react';

/** A titled group of fields. */
export function Group({ legend, hint, children, className }: { legend: ReactNode; hint?: ReactNode; children: ReactNode; className?: string }) {
  const hintId = useId();
  return (
    <fieldset className={'group' + (className ? ' ' + className : '')} aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children}
    </fieldset>
  );
}
