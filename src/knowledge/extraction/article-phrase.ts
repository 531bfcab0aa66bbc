/**
 * What the article grammars (`article-phrases-western.ts`, `article-phrases-zh.ts`) produce and share: a phrase
 * found in the text (articles, their paragraphs and sub-paragraphs, and any explicit instrument name), the
 * cursor they read with, and range expansion ("articles 5 to 7").
 */
import type { Qualifier } from './instruments.ts';

export interface Para {
  n: number;
  letters: string[];
}
export interface Item {
  article: number;
  paras: Para[];
  /** Sub-paragraphs directly under the article ("article 2 (a)"). */
  letters: string[];
}
export interface Phrase {
  start: number;
  end: number;
  items: Item[];
  qualifier: Qualifier | null;
  /** Paragraph(s) only: the article is the one referred to before ("of the same article", "该条"). */
  inheritFrom?: 'same' | 'sentence';
  paras?: Para[];
  letters?: string[];
}

const MAX_RANGE = 60;

export function expandRange(a: number, b: number): number[] | null {
  if (b <= a || b - a > MAX_RANGE) return null;
  const out: number[] = [];
  for (let i = a + 1; i <= b; i++) out.push(i);
  return out;
}

/** Reads a text (its shadow) with sticky regular expressions from a position that advances on a match. */
export class Cursor {
  pos: number;
  constructor(
    readonly sh: string,
    start: number,
  ) {
    this.pos = start;
  }
  try(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.sh);
    if (m) this.pos = re.lastIndex;
    return m;
  }
  peek(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    return re.exec(this.sh);
  }
}
