/** Fields ticked or chosen on the page itself: a single check box, radio buttons, and several check boxes. */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { FieldIssues, FieldLabel, Hint, RequiredMark, useDescription, type Described, type Option } from './field-parts.tsx';
import { useDraftForm, useField } from './form-context.tsx';

interface CheckboxProps extends Described {
  label: ReactNode;
}

export function CheckboxField({ path, label, hint }: CheckboxProps) {
  const [value, set, form] = useField<boolean>(path);
  const d = useDescription({ hint, path });
  return (
    <div className="field field-check">
      <input
        id={d.id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => set(e.target.checked)}
        disabled={form.readOnly}
        aria-describedby={d.describedBy}
        aria-invalid={d.invalid || undefined}
        data-path={path}
      />
      <FieldLabel id={d.id} label={label} hint={hint} />
      <FieldIssues id={d.id} issues={d.issues} />
    </div>
  );
}

interface ChoiceGroupProps extends Described {
  legend: ReactNode;
  options: readonly Option[];
  required?: boolean;
}

/**
 * Radio buttons or check boxes in a fieldset, each option with what it means; `input` gives each its own
 * type, state and change handler.
 */
function ChoiceFieldset({ path, legend, hint, options, required, input }: ChoiceGroupProps & {
  input: (o: Option) => Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'name' | 'checked' | 'onChange'>;
}) {
  const form = useDraftForm();
  const d = useDescription({ hint, path });
  return (
    <fieldset className="choice-group" id={d.id} tabIndex={-1} aria-describedby={d.describedBy} aria-invalid={d.invalid || undefined} data-path={path}>
      <legend>
        {legend}
        {required && <RequiredMark />}
      </legend>
      <Hint id={d.id} hint={hint} />
      {options.map((o) => {
        const oid = `${d.id}--${o.value}`;
        return (
          <div className="choice" key={o.value}>
            <input {...input(o)} id={oid} value={o.value} disabled={form.readOnly} aria-describedby={o.hint ? `${oid}-hint` : undefined} />
            <label htmlFor={oid}>{o.label}</label>
            {o.hint && (
              <span id={`${oid}-hint`} className="field-hint choice-hint">
                {o.hint}
              </span>
            )}
          </div>
        );
      })}
      <FieldIssues id={d.id} issues={d.issues} />
    </fieldset>
  );
}

/** One choice among a few, each with what it means (radio buttons in a fieldset). */
export function RadioGroup(props: ChoiceGroupProps) {
  const [value, set] = useField<string>(props.path);
  const name = useId();
  return <ChoiceFieldset {...props} input={(o) => ({ type: 'radio', name, checked: value === o.value, onChange: () => set(o.value) })} />;
}

/** Several choices stored as a list of codes (check boxes in a fieldset). */
export function MultiCheck(props: ChoiceGroupProps) {
  const [value, set] = useField<string[]>(props.path);
  const chosen = Array.isArray(value) ? value : [];
  return (
    <ChoiceFieldset
      {...props}
      input={(o) => ({
        type: 'checkbox',
        checked: chosen.includes(o.value),
        onChange: (e) => {
          const next = e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value);
          set(props.options.map((x) => x.value).filter((v) => next.includes(v)));
        },
      })}
    />
  );
}
