import type { RecordType } from '../../src/knowledge/knowledge.schemas.ts';

/** What the corpus generator needs per language: legal vocabulary, by topic, and how to cite an article. */

export const TOPICS = ['mla', 'extradition', 'ml', 'confiscation', 'tip', 'som', 'firearms', 'corruption', 'drugs', 'cyber', 'witness', 'jit', 'ocg', 'env'] as const;
export type Topic = (typeof TOPICS)[number];
export type Instrument = 'UNTOC' | 'TIP' | 'SOM' | 'FIR' | 'UNCAC';
export type LangCode = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';

export interface Language {
  code: LangCode;
  /** Everyday vocabulary of the field, most frequent first (drawn with Zipf weights). */
  general: string[];
  /** Terms that occur only in records about the topic. */
  topics: Record<Topic, string[]>;
  /** Terms that occur in about one record in a thousand. */
  rare: string[];
  /** Function words between terms. */
  glue: string[];
  /** Word separator: a space, or nothing for Chinese. */
  sep: string;
  articleRef(instrument: Instrument, article: number, paragraph: number | null): string;
  title(type: RecordType, term: string, n: number, year: number): string;
  courts: string[];
}

/** The topics' crime types and the articles records about them cite. */
export const TOPIC_FACTS: Record<Topic, { crimes: string[]; articles: Array<[Instrument, number, number[]]> }> = {
  mla: { crimes: [], articles: [['UNTOC', 18, [1, 3, 8, 9, 13, 14, 15, 17, 21]]] },
  extradition: { crimes: [], articles: [['UNTOC', 16, [1, 3, 4, 7, 10, 14]]] },
  ml: { crimes: ['money-laundering'], articles: [['UNTOC', 6, [1, 2]], ['UNTOC', 7, [1, 3]]] },
  confiscation: { crimes: ['money-laundering'], articles: [['UNTOC', 12, [1, 2, 7]], ['UNTOC', 13, [1, 2]], ['UNTOC', 14, [2, 3]]] },
  tip: { crimes: ['trafficking-in-persons'], articles: [['TIP', 3, []], ['TIP', 5, [1, 2]], ['TIP', 6, [1, 3, 6]], ['TIP', 9, [1, 4]]] },
  som: { crimes: ['smuggling-of-migrants'], articles: [['SOM', 3, []], ['SOM', 6, [1, 3]], ['SOM', 8, [1, 2]], ['SOM', 18, [1]]] },
  firearms: { crimes: ['firearms'], articles: [['FIR', 5, [1]], ['FIR', 8, [1]], ['FIR', 9, []], ['FIR', 10, [1, 2]]] },
  corruption: { crimes: ['corruption'], articles: [['UNTOC', 8, [1, 2]], ['UNTOC', 9, [1]], ['UNCAC', 15, []], ['UNCAC', 16, [1]]] },
  drugs: { crimes: ['drug-trafficking'], articles: [['UNTOC', 20, [1, 2]], ['UNTOC', 3, [1]]] },
  cyber: { crimes: ['cybercrime', 'fraud'], articles: [['UNTOC', 18, [1]], ['UNTOC', 27, [3]]] },
  witness: { crimes: ['obstruction-of-justice'], articles: [['UNTOC', 24, [1, 2]], ['UNTOC', 25, [1, 2]], ['UNTOC', 26, [1, 2]], ['UNTOC', 23, []]] },
  jit: { crimes: [], articles: [['UNTOC', 19, []], ['UNTOC', 20, [1, 2]], ['UNTOC', 27, [1, 2]]] },
  ocg: { crimes: ['organized-crime-group'], articles: [['UNTOC', 2, []], ['UNTOC', 5, [1]], ['UNTOC', 3, [1, 2]]] },
  env: { crimes: ['environmental-crime'], articles: [['UNTOC', 2, []], ['UNTOC', 3, [1]]] },
};

import { en, es, fr } from './vocab-latin.ts';
import { ar, ru, zh } from './vocab-world.ts';

export const LANGUAGES: Record<LangCode, Language> = { en, fr, es, ru, ar, zh };
