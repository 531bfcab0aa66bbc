/**
 * The draft being edited, shared with every field of the wizard through React context: its content, the setter
 * by path, whether it is read-only, and the issues (failed checks, API validation) that fields show.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { getAt, type Path } from '../paths.ts';

/** A problem with one field: a failed check (error or warning) or the API's validation of the draft. */
export interface FieldIssue {
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface DraftForm {
  content: unknown;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
  issues: readonly FieldIssue[];
}

const FormContext = createContext<DraftForm | null>(null);

export function DraftFormProvider({ value, children }: { value: DraftForm; children: ReactNode }) {
  return <FormContext.Provider value={value}>{children}</FormContext.Provider>;
}

export function useDraftForm(): DraftForm {
  const f = useContext(FormContext);
  if (!f) throw new Error('useDraftForm outside DraftFormProvider');
  return f;
}

/** The value at `path`, and a setter for it. */
export function useField<T = unknown>(path: Path): [T | undefined, (v: unknown) => void, DraftForm] {
  const form = useDraftForm();
  return [getAt(form.content, path) as T | undefined, (v) => form.set(path, v), form];
}
