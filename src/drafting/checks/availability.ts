import { finding, type CheckContext, type CheckResult } from './types.ts';

/** What the directory says about the requested State and each form: unavailable measures, and a directory that could not answer. */
export const AVAILABILITY_CHECK_IDS = ['availability.measure-unavailable', 'availability.directory-unavailable', 'availability.authority-unknown'] as const;

export function availabilityChecks(ctx: CheckContext): CheckResult[] {
  const d = ctx.directory;
  if (!d) return [];
  if (!d.general) {
    return [finding('availability.directory-unavailable', 'warning', '$.requested.state', 'The directory could not be consulted for the requested State.', 'Confirm the authority, languages, channels and legal basis with the requested State.')];
  }
  const out: CheckResult[] = [];
  if (!d.general.authority) {
    out.push(finding('availability.authority-unknown', 'warning', '$.requested.authorityName', 'The directory records no central authority of the requested State for this kind of request.', 'Confirm with the requested State which authority receives the request.', { state: d.general.requested.iso3 }));
  }
  ctx.content.assistance.forEach((f, i) => {
    const m = d.measures[f.measure];
    if (m?.available === 'no') {
      out.push(finding('availability.measure-unavailable', 'warning', `$.assistance[${i}].measure`, `The requested State records that "${f.measure}" is not available${m.alternatives ? `; alternatives: ${m.alternatives}` : ''}.`, 'Consult the requested State, or choose an alternative form of assistance.', { measure: f.measure }));
    }
  });
  return out;
}
