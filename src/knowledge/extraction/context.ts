import type { Lang } from './types.ts';

/** Index helpers shared by the matchers: sentence and line boundaries of one document. */
export class DocContext {
  readonly sentenceStarts: number[];
  readonly lineStarts: number[];

  constructor(
    readonly text: string,
    readonly sh: string,
    readonly lang: Lang,
  ) {
    this.lineStarts = [0];
    for (let i = sh.indexOf('\n'); i >= 0; i = sh.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    this.sentenceStarts = computeSentenceStarts(text, sh, lang);
  }

  /** Start of the sentence containing pos. */
  sentenceStart(pos: number): number {
    return floorValue(this.sentenceStarts, pos);
  }

  /** Index of the line containing pos. */
  lineIndex(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(pos: number): number {
    return this.lineStarts[this.lineIndex(pos)]!;
  }

  /** The line with index i, without its line break. */
  line(i: number): string {
    const s = this.lineStarts[i]!;
    const e = i + 1 < this.lineStarts.length ? this.lineStarts[i + 1]! - 1 : this.sh.length;
    return this.sh.slice(s, e);
  }
}

function floorValue(sorted: number[], pos: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  if (hi < 0 || sorted[0]! > pos) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return sorted[lo]!;
}

/**
 * Sentence starts. Line breaks are not boundaries (PDF extraction breaks lines mid-sentence, even
 * blank lines); full stops are, in Western text when the next word starts with a capital ("art. 16" and
 * "para. 5" are not), and so is the start of a numbered paragraph or heading at the beginning of a line.
 */
function computeSentenceStarts(text: string, sh: string, lang: Lang): number[] {
  const out: number[] = [0];
  const re =
    lang === 'zh'
      ? /[。！？]|[.!?](?=\s+[A-Z])|\n[ \t]*(?:\d{1,3}\.|[A-Z]\.|[一二三四五六七八九十]+[.．、])[ \t]/g
      : lang === 'ar'
        ? /[.!?؟](?=\s)|\n[ \t]*(?:\d{1,3}\.|[A-Z]\.|[ا-ي]\s?-)[ \t]/g
        : /[.!?](?=\s+["“«(]?\p{Lu})|\n[ \t]*(?:\d{1,3}\.|[A-Z]\.|[IVX]{1,5}\.)[ \t]/gu;
  const source = lang === 'zh' || lang === 'ar' ? sh : text;
  for (const m of source.matchAll(re)) {
    out.push(m[0].startsWith('\n') ? m.index + 1 : m.index + m[0].length);
  }
  return out;
}

/** True when the character code is a Han ideograph. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** True when the character is a letter (any script) or digit. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
}
