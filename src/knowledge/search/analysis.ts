import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { sourceDir } from '../../platform/paths.ts';

/**
 * How text becomes searchable, per language. PostgreSQL stems English, French, Spanish, Russian and
 * Arabic itself; we add what it lacks: accent folding for French and Spanish (the *_unaccent
 * configurations), Arabic orthographic normalisation, and Chinese, which has no spaces: Chinese text is
 * indexed as overlapping character bigrams, and a query is segmented into words (jieba, with a
 * dictionary of legal terms) each of which must occur as a contiguous run — so 中央机关 is found however
 * the text was segmented, and never where only 中央 and 机关 occur apart.
 */

export type SearchConfig = 'simple' | 'english' | 'french_unaccent' | 'spanish_unaccent' | 'russian' | 'arabic';

export function configFor(lang: string): SearchConfig {
  switch (lang.slice(0, 2).toLowerCase()) {
    case 'en':
      return 'english';
    case 'fr':
      return 'french_unaccent';
    case 'es':
      return 'spanish_unaccent';
    case 'ru':
      return 'russian';
    case 'ar':
      return 'arabic';
    default:
      return 'simple'; // Chinese (pre-tokenised here) and any other language
  }
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
export const hasHan = (s: string) => HAN.test(s);
export const hasArabic = (s: string) => /[\u0600-\u06ff]/.test(s);
export const hasCyrillic = (s: string) => /[\u0400-\u04ff]/.test(s);

/** Diacritics and tatweel removed; alef, ya and ta-marbuta variants folded; a leading "wa-" split off. */
export function normalizeArabic(text: string): string {
  return text
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/(^|[^\u0600-\u06ff])\u0648(?=[\u0600-\u06ff]{3,})/g, '$1');
}

/** Full-width Latin letters and digits to ASCII (PDF text is full of them). */
function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The text handed to to_tsvector(config, …) for a record in `lang`. */
export function indexText(text: string, lang: string): string {
  const config = configFor(lang);
  if (config === 'arabic') return normalizeArabic(text);
  if (config !== 'simple' || !hasHan(text)) return text;
  // Han runs become bigrams; everything else (Latin words, numbers, symbols) stays as it is.
  return foldWidth(text).replace(HAN_RUN, (run) => ` ${bigrams(run).join(' ')} `);
}

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  if (!jieba) {
    // loaded (a native module and its 5 MB dictionary) with the first Chinese text, not by every command
    const require = createRequire(import.meta.url);
    const { Jieba: Segmenter } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    jieba = Segmenter.withDict(dict);
    // the dictionary stays under src/ (not copied into dist/server): sourceDir finds it from either layout
    jieba.loadDict(fs.readFileSync(path.join(sourceDir(import.meta.url), 'legal-terms.zh.txt')));
  }
  return jieba;
}

export function segmentChinese(text: string): string[] {
  return segmenter().cut(text, true);
}

const quote = (lexeme: string) => `'${lexeme.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/** A Chinese word as a tsquery over the bigram index: its bigrams in sequence. */
function chineseWordQuery(word: string): string {
  const grams = bigrams(word);
  if (grams.length === 1 && [...word].length === 1) return `${quote(word)}:*`;
  return grams.length === 1 ? quote(grams[0]!) : `(${grams.map(quote).join(' <-> ')})`;
}

/**
 * A query containing Chinese, as to_tsquery('simple', …) text. Quoted phrases must occur as written;
 * other words are segmented, and every word must occur (AND). Non-Han words are matched as they are.
 */
export function chineseQuery(q: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|([^"]+)/g;
  for (let m = re.exec(q); m; m = re.exec(q)) {
    if (m[1] !== undefined) {
      const phrase = foldWidth(m[1]);
      const runs = phrase.match(HAN_RUN) ?? [];
      const latin = phrase.replace(HAN_RUN, ' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const grams = runs.flatMap(bigrams);
      if (grams.length) parts.push(`(${[...grams.map(quote), ...latin.map(quote)].join(' <-> ')})`);
      else if (latin.length) parts.push(`(${latin.map(quote).join(' <-> ')})`);
      continue;
    }
    for (const word of segmentChinese(foldWidth(m[2]!))) {
      if (hasHan(word)) {
        const run = (word.match(HAN_RUN) ?? []).join('');
        if (run) parts.push(chineseWordQuery(run));
      } else {
        for (const w of word.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)) parts.push(quote(w));
      }
    }
  }
  return parts.length ? parts.join(' & ') : null;
}

/** The configurations to try for a query, from its script: a Latin query may be English, French or Spanish. */
export function queryConfigs(q: string): SearchConfig[] {
  if (hasArabic(q)) return ['arabic', 'simple'];
  if (hasCyrillic(q)) return ['russian', 'simple'];
  return ['english', 'french_unaccent', 'spanish_unaccent', 'simple'];
}

export function queryText(q: string): string {
  return hasArabic(q) ? normalizeArabic(q) : q;
}
