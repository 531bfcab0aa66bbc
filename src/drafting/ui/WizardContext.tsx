import { createContext, useContext } from 'react';
import type { StateSummary } from '../../web/api/types.ts';
import type { Loadable } from '../../web/useApi.ts';
import type { Draft, RouteAnswer } from '../../web/api/types.ts';

/** What every step needs besides the form: the draft's frame, the States, and the directory's answer. */
export interface WizardInfo {
  draft: Draft;
  states: StateSummary[];
  stateName: (iso3: string | null | undefined) => string;
  /** The directory's answer for the pair of States; null before a requested State is chosen. */
  route: (Loadable<RouteAnswer> & { reload: () => void }) | null;
  readOnly: boolean;
}

const Ctx = createContext<WizardInfo | null>(null);
export const WizardInfoProvider = Ctx.Provider;

export function useWizardInfo(): WizardInfo {
  const v = useContext(Ctx);
  if (!v) throw new Error('useWizardInfo outside WizardInfoProvider');
  return v;
}
