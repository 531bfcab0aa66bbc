/** Known meeting places ("Vienna", "Вена", "维也纳" …) found in a text, for the meeting a document reports. */
import { PLACES } from './lexicon.ts';
import { fold } from './text.ts';
import type { UnLang } from './types.ts';

export interface PlaceHit {
  place: string;
  placeEn: string;
  index: number;
}

/** Known meeting places in a (folded) text, in order. */
export function findPlaces(text: string, lang: UnLang): PlaceHit[] {
  const f = lang === 'zh' ? text : fold(text);
  const out: PlaceHit[] = [];
  for (const p of PLACES) {
    for (const form of p.forms) {
      let i = f.indexOf(form);
      while (i >= 0) {
        const before = f[i - 1] ?? ' ';
        const after = f[i + form.length] ?? ' ';
        if (lang === 'zh' || (!/\p{L}/u.test(before) && !/\p{L}/u.test(after))) {
          out.push({ place: p.names[lang] ?? p.en, placeEn: p.en, index: i });
        }
        i = f.indexOf(form, i + form.length);
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
