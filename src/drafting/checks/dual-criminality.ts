import { measureByCode } from '../../reference/measures.ts';
import { blank, finding, type CheckContext, type CheckResult } from './types.ts';

/**
 * Dual criminality for coercive measures (and always for extradition, art. 16(1)): when the requested
 * State requires it (directory, per measure), the request must explain how the conduct is also an
 * offence there; when the directory does not know, the drafter is told to confirm.
 */
export const DUAL_CRIMINALITY_CHECK_IDS = ['dual-criminality.statement-required', 'dual-criminality.unknown'] as const;

export function dualCriminalityChecks(ctx: CheckContext): CheckResult[] {
  const c = ctx.content;
  if (!blank(c.dualCriminality.statement)) return [];
  const coercive = [...new Set(c.assistance.map((f) => f.measure))].filter((code) => measureByCode(code)?.coercive);
  if (coercive.length === 0) return [];
  const required: string[] = [];
  const unknown: string[] = [];
  for (const code of coercive) {
    const rule = ctx.directory?.measures[code]?.dualCriminality ?? null;
    if (code === 'extradition' || rule === 'required' || rule === 'coercive-only') required.push(code);
    else if (rule === null && ctx.directory) unknown.push(code);
  }
  const path = '$.dualCriminality.statement';
  if (required.length > 0) {
    return [finding('dual-criminality.statement-required', 'error', path, `The requested State requires dual criminality for: ${required.join(', ')}.`, 'Explain how the conduct would also be an offence under the requested State’s law.', { measures: required.join(', ') })];
  }
  if (unknown.length > 0) {
    return [finding('dual-criminality.unknown', 'warning', path, `Coercive measures are asked (${unknown.join(', ')}) and the directory does not say whether the requested State requires dual criminality.`, 'Confirm with the requested State, or explain how the conduct is also an offence there.', { measures: unknown.join(', ') })];
  }
  return [];
}
