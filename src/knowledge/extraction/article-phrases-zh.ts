/**
 * Article phrases in Chinese: "第 18 条第 13 款", "第三十二条第四款和第五款", "第 5 款(a)项", and the instrument
 * named right before "第" (《贩运人口议定书》第 5 条).
 */
import type { DocContext } from './context.ts';
import { Cursor, expandRange, type Item, type Para, type Phrase } from './article-phrase.ts';
import { classifyZhTitle, type Mention, type MentionIndex, type Qualifier } from './instruments.ts';
import { CN_NUMERAL_CHARS, parseChineseNumeral } from './numbers.ts';

const CN = `[${CN_NUMERAL_CHARS}]`;
const ZH_NUM = new RegExp(`\\s*(\\d+(?:[ \\t\\r\\n]+\\d+)*|${CN}(?:\\s*${CN})*)`, 'uy');
const ZH_SEP = /\s*(、|,|和|及|以及|与|或|至|到|-|~)\s*/uy;
const ZH_LETTER = /\s*第?\s*\(\s*([a-z]|[一二三四五六七八九十])\s*\)\s*(?:项|目)?/uy;
const ZH_LETTER_SEP = /\s*(、|,|和|及|或|至|到|-)\s*/uy;
const CN_ORDER = '一二三四五六七八九十';

function zhNumValue(raw: string): number | null {
  if (/\d/.test(raw)) return Number(raw.replace(/\s+/g, ''));
  return parseChineseNumeral(raw);
}

/** "13、16 和 18", "14 至 17", "三十二" → numbers (ranges expanded). */
function parseZhNumList(c: Cursor, allowDi: boolean): number[] | null {
  const m = c.try(ZH_NUM);
  if (!m) return null;
  const first = zhNumValue(m[1]!);
  if (first === null || first === 0) return null;
  const out = [first];
  for (;;) {
    const save = c.pos;
    const sep = c.try(ZH_SEP);
    if (!sep) break;
    if (allowDi) c.try(/\s*第/uy);
    const n = c.try(ZH_NUM);
    const v = n ? zhNumValue(n[1]!) : null;
    if (v === null || v === 0) {
      c.pos = save;
      break;
    }
    if (sep[1] === '至' || sep[1] === '到' || sep[1] === '-' || sep[1] === '~') {
      const exp = expandRange(out[out.length - 1]!, v);
      if (!exp) {
        c.pos = save;
        break;
      }
      out.push(...exp);
    } else out.push(v);
  }
  return out;
}

function parseZhLetters(c: Cursor): string[] {
  const out: string[] = [];
  const letter = (m: RegExpExecArray) => {
    const r = m[1]!;
    const i = CN_ORDER.indexOf(r);
    return i >= 0 ? String.fromCharCode(97 + i) : r;
  };
  const m = c.try(ZH_LETTER);
  if (!m) return out;
  out.push(letter(m));
  for (;;) {
    const save = c.pos;
    const sep = c.try(ZH_LETTER_SEP);
    const n = sep ? c.try(ZH_LETTER) : null;
    if (!n) {
      c.pos = save;
      break;
    }
    const v = letter(n);
    const prev = out[out.length - 1]!;
    if ((sep![1] === '至' || sep![1] === '到' || sep![1] === '-') && v > prev) {
      for (let ch = prev.charCodeAt(0) + 1; ch <= v.charCodeAt(0); ch++) out.push(String.fromCharCode(ch));
    } else out.push(v);
  }
  return out;
}

/** After "第 … 条": sub-paragraphs "(a)项", or paragraphs "第 13 款", "第四款和第五款", "第 5 款(a)项". */
function parseZhTail(c: Cursor, item: Item): void {
  const letters0 = parseZhLetters(c);
  if (letters0.length) {
    item.letters.push(...letters0);
    return;
  }
  let any = false;
  for (;;) {
    const save = c.pos;
    if (any && !c.try(ZH_SEP)) return;
    if (!c.try(/\s*第/uy)) {
      c.pos = save;
      return;
    }
    const nums = parseZhNumList(c, true);
    if (!nums || !c.try(/\s*款/uy)) {
      c.pos = save;
      return;
    }
    const letters = parseZhLetters(c);
    nums.forEach((n, i) => item.paras.push({ n, letters: i === nums.length - 1 ? letters : [] }));
    any = true;
  }
}

/** Parses "第 … 条 …" at 第; also "第 N 款" alone (paragraphs of an article referred to before). */
function parseZhPhrase(sh: string, start: number): Phrase | null {
  const c = new Cursor(sh, start + 1);
  const nums = parseZhNumList(c, true);
  if (!nums) return null;
  const afterNums = c.pos;
  if (c.try(/\s*条/uy)) {
    const items: Item[] = nums.map((n) => ({ article: n, paras: [], letters: [] }));
    parseZhTail(c, items[items.length - 1]!);
    let end = c.pos;
    // "第 13 条和第 14 条", "第 14 条至第 17 条"
    for (;;) {
      const save = c.pos;
      const sep = c.try(ZH_SEP);
      if (!sep || !c.try(/\s*第/uy)) {
        c.pos = save;
        break;
      }
      const more = parseZhNumList(c, true);
      if (!more || !c.try(/\s*条/uy)) {
        c.pos = save;
        break;
      }
      if (sep[1] === '至' || sep[1] === '到' || sep[1] === '-' || sep[1] === '~') {
        const exp = expandRange(items[items.length - 1]!.article, more[0]!);
        if (!exp) {
          c.pos = save;
          break;
        }
        for (const k of exp.slice(0, -1)) items.push({ article: k, paras: [], letters: [] });
      }
      for (const n of more) items.push({ article: n, paras: [], letters: [] });
      parseZhTail(c, items[items.length - 1]!);
      end = c.pos;
    }
    return { start, end, items, qualifier: null };
  }
  c.pos = afterNums;
  if (c.try(/\s*款/uy)) {
    const letters = parseZhLetters(c);
    const paras: Para[] = nums.map((n, i) => ({ n, letters: i === nums.length - 1 ? letters : [] }));
    // "第四款和第五款" continuing
    for (;;) {
      const save = c.pos;
      if (!c.try(ZH_SEP) || !c.try(/\s*第/uy)) {
        c.pos = save;
        break;
      }
      const more = parseZhNumList(c, true);
      if (!more || !c.try(/\s*款/uy)) {
        c.pos = save;
        break;
      }
      const l = parseZhLetters(c);
      more.forEach((n, i) => paras.push({ n, letters: i === more.length - 1 ? l : [] }));
    }
    // "该条第 14 款" / "同条" / "本条": the article just referred to; otherwise one earlier in the sentence.
    const same = /(?:该|同|本|此|上述)\s*条\s*$/u.exec(sh.slice(Math.max(0, start - 12), start));
    return { start: same ? start - same[0].length : start, end: c.pos, items: [], qualifier: null, inheritFrom: same ? 'same' : 'sentence', paras, letters: [] };
  }
  return null;
}

/** The name right before "第" in Chinese: 《贩运人口议定书》第 5 条, 联合国打击跨国有组织犯罪公约第三十二条, 议事规则第 22 条. */
export function zhQualifierBefore(ctx: DocContext, index: MentionIndex, byEnd: Map<number, Mention>, pos: number): Qualifier | null {
  const { sh } = ctx;
  let q = pos;
  while (q > 0 && /\s/.test(sh[q - 1]!)) q--;
  const m = byEnd.get(q);
  if (m) {
    if (m.kind === 'OTHER' || (m.kind === 'PROTOCOL' && !m.instrument)) return { instrument: null, target: m.label, end: m.end };
    return { instrument: m.instrument, target: null, end: m.end };
  }
  // A bare name: the run of Han characters before 第.
  let s = q;
  while (s > 0 && q - s < 40 && /[\u4e00-\u9fff\s]/.test(sh[s - 1]!)) s--;
  const run = sh.slice(s, q).replace(/\s+/g, '');
  if (!run) return null;
  // "该议定书第 5 条", "本公约第 3 条": the instrument named before.
  const generic = /(?:该|本|此|这一|上述|同一)(公约|议定书)$/.exec(run);
  if (generic) {
    if (generic[1] === '公约') return { instrument: 'UNTOC', target: null, end: q };
    const p = index.lastProtocolBefore(pos);
    return p ? { instrument: p, target: null, end: q } : { instrument: null, target: generic[0], end: q };
  }
  const law = /(议事规则(?:草案)?|(?:刑事|民事)?诉讼法|刑法典?|民法典?|宪法|[^的在与和及对将了是为据照按依于即之到、，,]{0,6}(?:法典|条例|章程|规约|守则|规则|法))$/.exec(run);
  if (law) return { instrument: null, target: law[1]!, end: q };
  if (/(?:公约|议定书)$/.test(run)) {
    const nameMatch = /([^的在与和及对将了是为据照按依于即之到、，,]{1,20})$/.exec(run);
    const name = nameMatch ? nameMatch[1]! : run;
    const kind = classifyZhTitle(name);
    if (kind === 'OTHER') return { instrument: null, target: name, end: q };
    if (kind === 'PROTOCOL') {
      const p = index.lastProtocolBefore(pos);
      return p ? { instrument: p, target: null, end: q } : { instrument: null, target: name, end: q };
    }
    return { instrument: kind, target: null, end: q };
  }
  return null;
}

export function findZhPhrases(ctx: DocContext): Phrase[] {
  const { sh } = ctx;
  const out: Phrase[] = [];
  let consumed = 0;
  for (let i = sh.indexOf('第'); i >= 0; i = sh.indexOf('第', i + 1)) {
    if (i < consumed) continue;
    const p = parseZhPhrase(sh, i);
    if (!p) continue;
    out.push(p);
    consumed = p.end;
  }
  return out;
}
