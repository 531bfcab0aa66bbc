import type { TFunction } from 'i18next';

const FAMILIES = ['civil', 'common', 'customary', 'muslim'] as const;

/** The legal families of a record: from legalFamilies, else parsed from "mixed:civil+muslim" / "civil_law". */
function families(legalSystem: string | null, legalFamilies: string[]): string[] {
  if (legalFamilies.length > 0) return legalFamilies;
  if (!legalSystem) return [];
  return legalSystem
    .replace(/^mixed:/, '')
    .split('+')
    .map((f) => f.replace(/_law$/, ''))
    .filter((f) => (FAMILIES as readonly string[]).includes(f));
}

/** "Civil law", "Mixed: civil law + Muslim law", or "Not recorded", in the UI language. */
export function legalSystemLabel(t: TFunction, legalSystem: string | null, legalFamilies: string[]): string {
  const fams = families(legalSystem, legalFamilies);
  if (fams.length === 0) return t('legal.notRecorded');
  if (fams.length === 1 && !legalSystem?.startsWith('mixed:')) return t(`legal.family.${fams[0]}`);
  // inside a sentence: "Mixed: civil law + Muslim law"
  return t('legal.mixed', { families: fams.map((f) => t(`legal.inMixed.${f}`)).join(' + ') });
}

export const LEGAL_FAMILIES = FAMILIES;
