import { finding, type CheckContext, type CheckResult } from './types.ts';

/**
 * What the directory says about the requested State and each form: unavailable measures, a directory that could
 * not answer, and a request addressed to another body than the one a measure's record names as receiving it.
 */
export const AVAILABILITY_CHECK_IDS = ['availability.measure-unavailable', 'availability.directory-unavailable', 'availability.authority-unknown', 'availability.addressee-not-receiving-authority'] as const;

const sameName = (a: string, b: string) => a.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase() === b.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

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
  // A measure whose record names its own receiving authority (preservation: the police or 24/7 unit) goes there.
  const requested = ctx.content.requested;
  for (const code of new Set(ctx.content.assistance.map((f) => f.measure))) {
    const a = d.addressees?.[code];
    // the central authority itself: addressing it is the general case, not this check's
    if (!a || a.source !== 'measure' || (a.id !== null && a.id === d.general.authority?.id)) continue;
    if ((a.id && requested.authorityId === a.id) || sameName(requested.authorityName, a.name)) continue;
    out.push(finding(
      'availability.addressee-not-receiving-authority', 'warning', '$.requested.authorityName',
      `The requested State's record for "${code}" names ${a.name} as the receiving authority${a.via ? ` (the central authority ${a.via.name} being the channel)` : ''}, but the request is addressed to another body.`,
      'Address the request to the receiving authority named for this form of assistance, or send that form in a separate request.',
      { measure: code, addressee: a.name, via: a.via?.name ?? '' },
    ));
  }
  return out;
}
