import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Translated names for the case tracker's codes (case.vocabulary.ts, case.workflow.ts). One place, so a page
 * never builds a key by hand. Forms of assistance are the directory's and the request writer's vocabulary
 * (reference/measures.ts): their names are the request writer's (`drafting.measures.*`), not copied here.
 */
export function useCaseLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const of = (group: string) => (code: string | null | undefined) => (code ? t(`cases.${group}.${code}`, { defaultValue: code }) : '');
    return {
      t,
      state: of('states'),
      action: of('actions'),
      event: of('events'),
      kind: of('kinds'),
      direction: of('directions'),
      legalBasis: of('legalBases'),
      channel: of('channels'),
      transmission: of('transmission'),
      evidence: of('evidences'),
      ground: of('grounds'),
      confidentiality: of('confidentiality'),
      crimeType: of('crimeTypes'),
      authorityRole: of('authorityRoles'),
      level: of('levels'),
      documentRole: of('documentRoles'),
      factor: of('factors'),
      step: of('steps'),
      measure: (code: string) => t(`drafting.measures.${code}`, { defaultValue: code }),
    };
  }, [t]);
}
export type CaseLabels = ReturnType<typeof useCaseLabels>;
