import { isLanguage, type Language } from '../i18n/languages.ts';
import { formatterFor } from './format.ts';
import { noticeKind, type Rendered } from './kinds.ts';

/** A notice as one language says it, from its kind's template (kinds.ts) and its stored parameters. */
export function render(kind: string, params: unknown, language: string): Rendered {
  const lang: Language = isLanguage(language) ? language : 'en';
  const k = noticeKind(kind);
  if (k) {
    try {
      return k.templates[lang](params, formatterFor(lang));
    } catch {
      // parameters stored by an older release that the template no longer reads: say what we can below
    }
  }
  // A kind this process does not know (its module is not loaded) or cannot render: whatever text it carries.
  const p = (params ?? {}) as { subject?: unknown };
  return { subject: typeof p.subject === 'string' ? p.subject : kind };
}

/** The plain-text e-mail of a rendered notice; `baseUrl` makes its links absolute. */
export function emailText(r: Rendered, link: string | null, baseUrl: string): { subject: string; body: string } {
  const parts = [r.subject];
  if (r.body) parts.push('', r.body);
  if (r.items?.length) {
    parts.push('', ...r.items.map((i) => `- ${i.text}${i.detail ? ` (${i.detail})` : ''}${i.link ? `\n  ${baseUrl}${i.link}` : ''}`));
  }
  if (link) parts.push('', `${baseUrl}${link}`);
  return { subject: `Palermo: ${r.subject}`, body: `${parts.join('\n')}\n` };
}
