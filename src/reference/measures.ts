/**
 * The forms of international cooperation the directory describes per State and the request writer asks
 * for: UNTOC art. 18(3) (a)–(i), electronic evidence, asset recovery (arts. 13–14), extradition (art. 16),
 * transfer of proceedings (art. 21), joint investigations (art. 19), controlled delivery (art. 20),
 * video-link hearings (art. 18(18)). One vocabulary for both modules; codes are stable API values.
 */
export type RequestKind = 'mla' | 'extradition' | 'confiscation';
export const REQUEST_KINDS: readonly RequestKind[] = ['mla', 'extradition', 'confiscation'];

export interface Measure {
  code: string;
  /** The request kinds it belongs to. */
  kinds: readonly RequestKind[];
  /** The Convention's provision for it. */
  article: string;
  /** Compels someone or touches property or privacy: dual criminality may be required by the requested State. */
  coercive: boolean;
  /** Asks for electronic evidence from a service provider. */
  electronic: boolean;
}

export const MEASURES: readonly Measure[] = [
  { code: 'taking-evidence', kinds: ['mla'], article: 'UNTOC:18:3:a', coercive: false, electronic: false },
  { code: 'video-link-hearing', kinds: ['mla'], article: 'UNTOC:18:18', coercive: false, electronic: false },
  { code: 'service-of-documents', kinds: ['mla'], article: 'UNTOC:18:3:b', coercive: false, electronic: false },
  { code: 'search-and-seizure', kinds: ['mla'], article: 'UNTOC:18:3:c', coercive: true, electronic: false },
  { code: 'freezing', kinds: ['mla', 'confiscation'], article: 'UNTOC:18:3:c', coercive: true, electronic: false },
  { code: 'examining-objects-and-sites', kinds: ['mla'], article: 'UNTOC:18:3:d', coercive: false, electronic: false },
  { code: 'information-and-expert-evaluations', kinds: ['mla'], article: 'UNTOC:18:3:e', coercive: false, electronic: false },
  { code: 'bank-records', kinds: ['mla'], article: 'UNTOC:18:3:f', coercive: true, electronic: false },
  { code: 'government-and-business-records', kinds: ['mla'], article: 'UNTOC:18:3:f', coercive: false, electronic: false },
  { code: 'identify-and-trace-proceeds', kinds: ['mla', 'confiscation'], article: 'UNTOC:18:3:g', coercive: false, electronic: false },
  { code: 'voluntary-appearance', kinds: ['mla'], article: 'UNTOC:18:3:h', coercive: false, electronic: false },
  { code: 'other-assistance', kinds: ['mla'], article: 'UNTOC:18:3:i', coercive: false, electronic: false },
  { code: 'e-evidence-preservation', kinds: ['mla'], article: 'UNTOC:18:3:i', coercive: true, electronic: true },
  { code: 'e-evidence-subscriber', kinds: ['mla'], article: 'UNTOC:18:3:f', coercive: true, electronic: true },
  { code: 'e-evidence-traffic', kinds: ['mla'], article: 'UNTOC:18:3:f', coercive: true, electronic: true },
  { code: 'e-evidence-content', kinds: ['mla'], article: 'UNTOC:18:3:c', coercive: true, electronic: true },
  { code: 'e-evidence-real-time-traffic', kinds: ['mla'], article: 'UNTOC:18:3:i', coercive: true, electronic: true },
  { code: 'confiscation', kinds: ['confiscation'], article: 'UNTOC:13', coercive: true, electronic: false },
  { code: 'asset-sharing-and-return', kinds: ['confiscation'], article: 'UNTOC:14', coercive: false, electronic: false },
  { code: 'extradition', kinds: ['extradition'], article: 'UNTOC:16', coercive: true, electronic: false },
  { code: 'transfer-of-proceedings', kinds: ['mla'], article: 'UNTOC:21', coercive: false, electronic: false },
  { code: 'joint-investigation', kinds: ['mla'], article: 'UNTOC:19', coercive: false, electronic: false },
  { code: 'controlled-delivery', kinds: ['mla'], article: 'UNTOC:20', coercive: true, electronic: false },
  { code: 'transfer-of-sentenced-persons', kinds: ['mla'], article: 'UNTOC:17', coercive: false, electronic: false },
];

export const MEASURE_CODES = MEASURES.map((m) => m.code) as [string, ...string[]];
export const measureByCode = (code: string): Measure | undefined => MEASURES.find((m) => m.code === code);

/** Forms of transmission a central authority may accept (directory spec, part 1). */
export const CHANNELS = ['post', 'courier', 'diplomatic', 'email', 'secure-electronic', 'interpol', 'fax', 'oral-urgent'] as const;
export type Channel = (typeof CHANNELS)[number];
