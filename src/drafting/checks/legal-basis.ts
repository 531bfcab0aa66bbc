import { blank, finding, type CheckContext, type CheckResult } from './types.ts';

/**
 * The legal basis: the Convention only when both States are parties (and, for extradition, when the
 * requested State has not notified that it does not take the Convention as the legal basis, art. 16(5)(a));
 * a treaty must be named; reciprocity should come with an assurance.
 */
export const LEGAL_BASIS_CHECK_IDS = [
  'legal-basis.missing', 'legal-basis.convention-not-available', 'legal-basis.convention-unknown', 'legal-basis.treaty-name', 'legal-basis.reciprocity-assurance',
] as const;

export function legalBasisChecks(ctx: CheckContext): CheckResult[] {
  const lb = ctx.content.legalBasis;
  if (!lb.type) return [finding('legal-basis.missing', 'error', '$.legalBasis.type', 'The legal basis is not chosen.', 'Choose the Convention, a treaty, or reciprocity.')];
  const out: CheckResult[] = [];
  if (lb.type === 'convention') {
    const general = ctx.directory?.general;
    if (general && general.legalBasis.convention === false) {
      out.push(finding('legal-basis.convention-not-available', 'error', '$.legalBasis.type', `The Convention cannot be the legal basis here: ${general.legalBasis.explanation}`, 'Choose a treaty binding both States, or reciprocity.', { code: general.legalBasis.code }));
    } else if (general && general.legalBasis.convention === null) {
      out.push(finding('legal-basis.convention-unknown', 'warning', '$.legalBasis.type', `Whether the Convention can be the legal basis is not known: ${general.legalBasis.explanation}`, 'Confirm with the requested State that it accepts the Convention as the legal basis.', { code: general.legalBasis.code }));
    }
  }
  if (lb.type === 'treaty' && blank(lb.treatyName)) {
    out.push(finding('legal-basis.treaty-name', 'error', '$.legalBasis.treatyName', 'The treaty is not named.', 'Give the treaty (title, date) and the article relied on.'));
  }
  if (lb.type === 'reciprocity' && blank(lb.reciprocityAssurance)) {
    out.push(finding('legal-basis.reciprocity-assurance', 'warning', '$.legalBasis.reciprocityAssurance', 'A request on the basis of reciprocity usually carries an assurance of reciprocity.', 'Add the assurance that the requesting State would grant a similar request.'));
  }
  return out;
}
