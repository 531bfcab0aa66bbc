import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, MEASURES, type RequestKind } from '../../reference/measures.ts';
import { useLanguageName } from '../../web/format.ts';
import { LANGUAGES } from '../../platform/i18n/languages.ts';
import type { Option } from './components/field-parts.tsx';

/** Where a measure sits in the "add a form of assistance" list. */
export function measureGroup(code: string): 'general' | 'electronic' | 'assets' | 'other' {
  if (code.startsWith('e-evidence-')) return 'electronic';
  if (['freezing', 'identify-and-trace-proceeds', 'confiscation', 'asset-sharing-and-return'].includes(code)) return 'assets';
  if (['transfer-of-proceedings', 'joint-investigation', 'controlled-delivery', 'video-link-hearing', 'transfer-of-sentenced-persons', 'extradition'].includes(code)) return 'other';
  return 'general';
}

/** "UNTOC:18:3:a" as "art. 18(3)(a)". */
export function articleLabel(article: string): string {
  const [, art, para, sub] = article.split(':');
  return `${art ?? ''}${para ? `(${para})` : ''}${sub ? `(${sub})` : ''}`;
}

/** Translated names for the codes the wizard offers. */
export function useLabels() {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  return useMemo(() => {
    const opts = (prefix: string, codes: readonly string[]): Option[] => codes.map((c) => ({ value: c, label: t(`drafting.${prefix}.${c}`) }));
    return {
      languageName,
      unLanguages: LANGUAGES.map((c) => ({ value: c, label: languageName(c) })) as Option[],
      kind: (k: string) => t(`drafting.kinds.${k}`),
      measure: (code: string) => t(`drafting.measures.${code}`),
      channel: (c: string) => t(`drafting.channels.${c}`),
      channels: opts('channels', CHANNELS),
      measuresFor: (kind: RequestKind) => MEASURES.filter((m) => m.kinds.includes(kind)),
      opts,
    };
  }, [t, languageName]);
}
