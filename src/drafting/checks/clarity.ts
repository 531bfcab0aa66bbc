import type { DraftContent } from '../draft.schema.ts';
import { finding, type CheckContext, type CheckResult } from './types.ts';

/**
 * Length and clarity (warnings only): a facts summary long enough to bury what matters, abbreviations
 * the reader in another State cannot know, and facts or offences without dates.
 */
export const CLARITY_CHECK_IDS = ['clarity.facts-too-long', 'clarity.undefined-abbreviation', 'clarity.facts-no-dates', 'clarity.offence-dates'] as const;

/** About two pages: practitioners' guides ask for a concise summary, with detail in annexes. */
export const FACTS_WORD_LIMIT = 1000;

/** Words in any of the six languages: space-separated tokens, and Chinese characters at ~1.5 per word. */
export function wordCount(text: string): number {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const other = text.replace(/\p{Script=Han}/gu, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return other + Math.ceil(han / 1.5);
}

/** Abbreviations everyone in international cooperation reads without a definition. */
const WELL_KNOWN = new Set(['UN', 'UNTOC', 'UNODC', 'UNCAC', 'INTERPOL', 'EU', 'IBAN', 'BIC', 'SWIFT', 'IP', 'URL', 'ID', 'DNA', 'UTC', 'GMT', 'USD', 'EUR', 'GPS', 'SIM', 'IMEI', 'IMSI', 'PIN', 'PDF', 'SMS', 'VPN', 'CCTV', 'MLA', 'ООН', 'ЕС']);
const ROMAN = /^[IVXLC]+$/;
const ABBREVIATION = /(?<![\p{L}\p{N}])(\p{Lu}{2,}\d*)s?(?![\p{L}\p{N}])/gu;

const FREE_TEXT: Array<[string, (c: DraftContent) => string]> = [
  ['$.facts.summary', (c) => c.facts.summary],
  ['$.proceedings.subjectMatter', (c) => c.proceedings.subjectMatter],
  ['$.purpose', (c) => c.purpose],
  ['$.procedures', (c) => c.procedures],
  ['$.useLimitations', (c) => c.useLimitations],
  ['$.dualCriminality.statement', (c) => c.dualCriminality.statement],
];

function texts(c: DraftContent): Array<[string, string]> {
  return [...FREE_TEXT.map(([p, f]) => [p, f(c)] as [string, string]), ...c.assistance.map((f, i) => [`$.assistance[${i}].description`, f.description] as [string, string])];
}

export function undefinedAbbreviations(c: DraftContent): Array<{ term: string; path: string }> {
  const defined = new Set(c.abbreviations.map((a) => a.term.trim().toUpperCase()).filter(Boolean));
  // Family names are often written in capitals (DUPONT): not abbreviations.
  for (const p of c.persons) for (const w of `${p.name.family} ${p.organisationName}`.split(/\s+/)) if (w) defined.add(w.toUpperCase());
  const all = texts(c);
  // "organised criminal group (OCG)": defined in the text itself.
  for (const [, t] of all) for (const m of t.matchAll(/[(（]\s*(\p{Lu}{2,}\d*)\s*[)）]/gu)) defined.add(m[1]!);
  const found = new Map<string, string>();
  for (const [path, t] of all) {
    for (const m of t.matchAll(ABBREVIATION)) {
      const term = m[1]!;
      if (defined.has(term) || WELL_KNOWN.has(term) || ROMAN.test(term) || found.has(term)) continue;
      found.set(term, path);
    }
  }
  return [...found].map(([term, path]) => ({ term, path }));
}

/** A year (1900–2099, Western or Arabic-Indic digits) or a numeric date: enough to say "the facts are dated". */
export function hasDate(text: string): boolean {
  return /(?<!\d)(19|20)\d{2}(?!\d)/.test(text) || /[٠-٩]{4}/.test(text) || /(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)/.test(text);
}

export function clarityChecks(ctx: CheckContext): CheckResult[] {
  const c = ctx.content;
  const out: CheckResult[] = [];
  const words = wordCount(c.facts.summary);
  if (words > FACTS_WORD_LIMIT) {
    out.push(finding('clarity.facts-too-long', 'warning', '$.facts.summary', `The summary of facts is long (${words} words).`, `Keep it under about ${FACTS_WORD_LIMIT} words: the facts that link the offence to the assistance sought; put the rest in attachments.`, { words, limit: FACTS_WORD_LIMIT }));
  }
  for (const { term, path } of undefinedAbbreviations(c)) {
    out.push(finding('clarity.undefined-abbreviation', 'warning', path, `The abbreviation "${term}" is not defined.`, `Write it out at first use, e.g. "… (${term})", or add it to the list of abbreviations.`, { term }));
  }
  if (c.facts.summary.trim() !== '' && !hasDate(c.facts.summary)) {
    out.push(finding('clarity.facts-no-dates', 'warning', '$.facts.summary', 'The summary of facts gives no dates.', 'Say when the events took place (at least the month and year).'));
  }
  c.offences.forEach((o, i) => {
    if (!o.dateFrom) out.push(finding('clarity.offence-dates', 'warning', `$.offences[${i}].dateFrom`, 'The offence has no date or period.', 'Give when the offence was committed (a date, or the start and end of a period).'));
  });
  return out;
}
