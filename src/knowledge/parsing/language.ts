/** Language of a document's text: by script (Han, Arabic, Cyrillic), else English/French/Spanish by stop words. */
import type { UnLang } from './types.ts';

const STOP: Record<'en' | 'fr' | 'es', Set<string>> = {
  en: new Set(['the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'by', 'its', 'was', 'were', 'which', 'be', 'as', 'this', 'at', 'from']),
  fr: new Set(['le', 'la', 'les', 'des', 'et', 'du', 'est', 'à', 'pour', 'que', 'qui', 'dans', 'sur', 'par', 'une', 'au', 'aux', 'sont', 'ont', 'il']),
  es: new Set(['el', 'la', 'los', 'las', 'y', 'del', 'en', 'que', 'por', 'para', 'con', 'una', 'al', 'se', 'su', 'sus', 'lo', 'es', 'como', 'entre']),
};

export function detectLang(text: string): UnLang {
  const sample = text.length > 40_000 ? text.slice(0, 40_000) : text;
  let han = 0;
  let arabic = 0;
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) arabic++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  // A Han character carries about as much as a short word: weigh it against the letters of alphabetic scripts.
  const scores: [UnLang, number][] = [['zh', han * 3], ['ar', arabic], ['ru', cyrillic], ['en', latin]];
  scores.sort((a, b) => b[1] - a[1]);
  const top = scores[0]!;
  if (top[1] === 0) return 'en';
  if (top[0] !== 'en') return top[0];
  const counts = { en: 0, fr: 0, es: 0 };
  for (const m of sample.slice(0, 12_000).toLowerCase().matchAll(/[a-zà-ÿ]+/g)) {
    const w = m[0];
    if (STOP.en.has(w)) counts.en++;
    if (STOP.fr.has(w)) counts.fr++;
    if (STOP.es.has(w)) counts.es++;
  }
  if (counts.fr > counts.en && counts.fr >= counts.es) return 'fr';
  if (counts.es > counts.en && counts.es > counts.fr) return 'es';
  return 'en';
}
