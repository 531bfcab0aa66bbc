import type { RouteAnswer } from '../../directory/routing.types.ts';
import type { DraftContent } from '../draft.schema.ts';

/**
 * One finding about a draft. Errors block finalising; warnings are advice. `path` is a JSON path into
 * the draft content ($.facts.summary), so the wizard can open the step and focus the field; `id` is
 * stable, so the UI can translate `message` and `fix` (with `params`) instead of showing the English.
 */
export type CheckFamily = 'elements' | 'forms' | 'language' | 'channel' | 'legal-basis' | 'dual-criminality' | 'availability' | 'clarity';

export interface CheckResult {
  id: string;
  family: CheckFamily;
  severity: 'error' | 'warning';
  path: string;
  step: string;
  message: string;
  fix: string;
  params?: Record<string, string | number>;
}

/** What the directory said (through routeRequest only), for the requested State. */
export interface DirectoryFacts {
  /** The answer for the request's kind; null when the directory could not answer (an error, not "unknown"). */
  general: RouteAnswer | null;
  /** Per form of assistance: the requested State's measure record, null when it has none. */
  measures: Record<string, RouteAnswer['measure']>;
  /** Per form of assistance: whom the directory says to address for that measure (absent: not asked). */
  addressees?: Record<string, RouteAnswer['addressee']>;
}

export interface CheckContext {
  content: DraftContent;
  requestingState: string;
  /** YYYY-MM-DD, for "deadline already passed". */
  today: string;
  /** null until a requested State is chosen. */
  directory: DirectoryFacts | null;
}

export function finding(
  id: string,
  severity: CheckResult['severity'],
  path: string,
  message: string,
  fix: string,
  params?: Record<string, string | number>,
): CheckResult {
  const family = id.slice(0, id.indexOf('.')) as CheckFamily;
  const step = /^\$\.([A-Za-z]+)/.exec(path)?.[1] ?? '';
  return { id, family, severity, path, step, message, fix, ...(params && { params }) };
}

export const blank = (s: string | null | undefined) => !s || s.trim() === '';
