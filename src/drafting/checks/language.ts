import { finding, type CheckContext, type CheckResult } from './types.ts';

/** Art. 18(14): the request is written in a language the requested State accepts (from the directory). */
export const LANGUAGE_CHECK_IDS = ['language.missing', 'language.not-accepted', 'language.unknown', 'language.measure-not-accepted'] as const;

export function languageChecks(ctx: CheckContext): CheckResult[] {
  const lang = ctx.content.language;
  if (!lang) return [finding('language.missing', 'error', '$.language', 'The language of the request is not chosen.', 'Choose the language the request is written in.')];
  const general = ctx.directory?.general;
  if (!ctx.directory || !general) return [];
  const out: CheckResult[] = [];
  if (general.languages === null) {
    out.push(finding('language.unknown', 'warning', '$.language', 'The directory does not record which languages the requested State accepts.', 'Confirm with the requested State that it accepts this language.', { language: lang, state: general.requested.iso3 }));
  } else if (!general.languages.includes(lang)) {
    out.push(finding('language.not-accepted', 'error', '$.language', `The requested State does not accept requests in this language (accepted: ${general.languages.join(', ') || 'none recorded'}).`, 'Write or translate the request into an accepted language.', { language: lang, accepted: general.languages.join(', ') }));
  }
  // The authority that executes a measure may work in fewer languages than the central authority that
  // receives the request: a warning, since the central authority accepts the request and may translate.
  for (const [measure, m] of Object.entries(ctx.directory.measures)) {
    if (m?.languages && m.languages.length > 0 && !m.languages.includes(lang) && general.languages?.includes(lang) !== false) {
      out.push(finding('language.measure-not-accepted', 'warning', '$.language', `For "${measure}" the executing authority works in: ${m.languages.join(', ')}.`, 'Consider attaching a translation into one of those languages to avoid delay.', { language: lang, accepted: m.languages.join(', '), measure }));
    }
  }
  return out;
}
