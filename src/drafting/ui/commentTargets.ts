import type { DraftContent } from '../draft.schema.ts';
import { STEPS, stepOfPath, type Step } from './steps.ts';

/**
 * What a consultation comment can be about: the fields a reader of the request comments on most, and each
 * offence, person and form of assistance of this draft, grouped by the step that shows them. The paths are
 * the API's JSON paths ($.facts.summary), so a comment leads to the same field as a check does.
 */
const FIELDS = [
  '$.title', '$.language', '$.channel', '$.requesting.authority.name', '$.requested.state', '$.requested.authorityName',
  '$.legalBasis.type',
  '$.proceedings.subjectMatter', '$.proceedings.conductingAuthority.name', '$.offences',
  '$.facts.summary', '$.purpose', '$.abbreviations',
  '$.persons',
  '$.assistance', '$.dualCriminality.statement',
  '$.urgency.reason', '$.confidentiality.reason', '$.procedures', '$.useLimitations', '$.attachments',
] as const;

const LISTS = { '$.offences': 'offences', '$.persons': 'persons', '$.assistance': 'assistance' } as const;

export function commentTargets(content: DraftContent | null): Array<{ step: Step; paths: string[] }> {
  const paths: string[] = [];
  for (const p of FIELDS) {
    paths.push(p);
    const list = p in LISTS && content ? content[LISTS[p as keyof typeof LISTS]] : [];
    list.forEach((_, i) => paths.push(`${p}[${i}]`));
  }
  return STEPS.filter((s) => s !== 'review')
    .map((step) => ({ step, paths: paths.filter((p) => stepOfPath(p) === step) }))
    .filter((g) => g.paths.length > 0);
}
