import type { CheckReport, CheckResult } from '../../web/api/types.ts';
import type { DraftContent } from '../draft.schema.ts';
import { getAt } from './paths.ts';

/**
 * A check's message and fix in the reader's language. The API words each finding in English with a stable
 * `id` and `params`; the texts live under drafting.checkTexts.<id> ({message, fix}). A few ids cover more
 * than one situation with different English: those have `variants`, told apart here from the finding's
 * path and params, or from the draft and the directory's answer the checks were run on.
 */

/** Ids whose English differs by situation, and the names of their variants (besides the default text). */
export const CHECK_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'elements.requested-state': ['same-state'],
  'forms.e-evidence-identifier': ['incomplete'],
  'forms.e-evidence-date-range': ['ip-subscriber', 'reversed'],
  'forms.property': ['no-description'],
  'forms.confiscation-order': ['unidentified'],
  'availability.measure-unavailable': ['alternatives'],
};

export interface CheckTextContext {
  /** The draft the checks were run on (the wizard's current content is close enough). */
  content?: DraftContent | null;
  report?: CheckReport | null;
}

/** How codes read for people; the panel passes the UI's label helpers, the tests plain codes. */
export interface CheckTextLabels {
  language: (code: string) => string;
  measure: (code: string) => string;
  channel: (code: string) => string;
  kind: (code: string) => string;
  legalBasis: (code: string) => string;
  /** "a, b and c" / "a, b or c" in the UI language. */
  list: (items: string[], type: 'and' | 'or') => string;
  /** When a State records no accepted language or channel at all. */
  noneRecorded: string;
}

type Translate = (key: string, values: Record<string, unknown>) => string;

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function directoryMeasure(report: CheckReport | null | undefined, code: string): { alternatives?: unknown } | null {
  const d = report?.directory as { measures?: Record<string, { alternatives?: unknown } | null> } | null | undefined;
  return d?.measures?.[code] ?? null;
}

/** Which of an id's texts applies to this finding; null for the default one. */
export function checkVariant(r: CheckResult, ctx: CheckTextContext = {}): string | null {
  const p = r.params ?? {};
  switch (r.id) {
    case 'elements.requested-state':
      // the check names the State only when it is the requesting one
      return p.state ? 'same-state' : null;
    case 'forms.e-evidence-identifier':
      return /\.identifiers\[\d+\]/.test(r.path) ? 'incomplete' : null;
    case 'forms.e-evidence-date-range': {
      const range = getAt(ctx.content, r.path.replace(/\.(from|to)$/, '')) as { from?: string | null; to?: string | null } | undefined;
      if (range?.from && range.to) return 'reversed';
      return p.measure === 'e-evidence-subscriber' ? 'ip-subscriber' : null;
    }
    case 'forms.property':
      return /\.property\[\d+\]/.test(r.path) ? 'no-description' : null;
    case 'forms.confiscation-order':
      return /\.order\.basis$/.test(r.path) ? null : 'unidentified';
    case 'availability.measure-unavailable':
      return str(directoryMeasure(ctx.report, str(p.measure))?.alternatives) ? 'alternatives' : null;
    default:
      return null;
  }
}

/** The i18next key (without .message/.fix) for a finding. */
export function checkTextKey(r: CheckResult, ctx: CheckTextContext = {}): string {
  const v = checkVariant(r, ctx);
  return `drafting.checkTexts.${r.id}${v ? `.variants.${v}` : ''}`;
}

/** The finding's params as the texts interpolate them: codes as names, lists in the UI language. */
export function checkValues(r: CheckResult, L: CheckTextLabels, ctx: CheckTextContext = {}): Record<string, string | number> {
  const p = r.params ?? {};
  const codes = (v: unknown) => str(v).split(',').map((s) => s.trim()).filter(Boolean);
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  if (p.measure !== undefined) out.measure = L.measure(str(p.measure));
  if (p.kind !== undefined) out.kind = L.kind(str(p.kind));
  if (p.measures !== undefined) out.measures = L.list(codes(p.measures).map(L.measure), 'and');
  if (p.language !== undefined) out.language = L.language(str(p.language));
  if (p.channel !== undefined) out.channel = L.channel(str(p.channel));
  if (p.accepted !== undefined) {
    const names = codes(p.accepted).map(r.id.startsWith('channel.') ? L.channel : L.language);
    out.accepted = names.length ? L.list(names, 'or') : L.noneRecorded;
  }
  if (p.code !== undefined) out.explanation = L.legalBasis(str(p.code));
  if (r.id === 'availability.measure-unavailable') out.alternatives = str(directoryMeasure(ctx.report, str(p.measure))?.alternatives);
  return out;
}

export interface CheckText {
  /** false: no text in the UI's locale files, so the API's English is shown (marked lang="en"). */
  translated: boolean;
  message: string;
  fix: string;
}

export function checkText(r: CheckResult, t: Translate, exists: (key: string) => boolean, L: CheckTextLabels, ctx: CheckTextContext = {}): CheckText {
  const key = checkTextKey(r, ctx);
  if (!exists(`${key}.message`)) return { translated: false, message: r.message, fix: r.fix };
  const values = checkValues(r, L, ctx);
  return { translated: true, message: t(`${key}.message`, values), fix: exists(`${key}.fix`) ? t(`${key}.fix`, values) : r.fix };
}
