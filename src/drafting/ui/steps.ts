import { splitPath } from './paths.ts';

/** The wizard's steps, in order; each owns the top-level parts of the draft it edits. */
export const STEPS = ['route', 'basis', 'proceedings', 'facts', 'persons', 'assistance', 'conditions', 'review'] as const;
export type Step = (typeof STEPS)[number];

const OWNER: Record<string, Step> = {
  kind: 'route',
  title: 'route',
  language: 'route',
  requesting: 'route',
  requested: 'route',
  channel: 'route',
  legalBasis: 'basis',
  proceedings: 'proceedings',
  offences: 'proceedings',
  facts: 'facts',
  purpose: 'facts',
  abbreviations: 'facts',
  persons: 'persons',
  assistance: 'assistance',
  dualCriminality: 'assistance',
  urgency: 'conditions',
  confidentiality: 'conditions',
  procedures: 'conditions',
  useLimitations: 'conditions',
  attachments: 'conditions',
};

/** The step where the field at `path` is edited (the review step for anything else). */
export function stepOfPath(path: string): Step {
  const head = splitPath(path)[0] ?? '';
  return OWNER[head] ?? 'review';
}

export const isStep = (s: unknown): s is Step => typeof s === 'string' && (STEPS as readonly string[]).includes(s);
