/**
 * Dates: "2016 年 10 月 17 日", "17 October 2016", "17 octobre 2016", "17 de octubre de 2016",
 * "17 октября 2016 года", "17 تشرين الأول/أكتوبر 2016", and ranges and pairs of days
 * ("2016年10月17日至19日", "17-19 October 2016", "du 17 au 19 octobre 2016", "28 October to 1 November 2016").
 *
 * A range or pair gives one reference per day written (the days in between are not listed); every
 * reference of one expression spans the whole expression, and the first carries `endDate` for a range.
 * A date without a year ("10 月 17 日", "on 17 October") takes the year most often written in the
 * document's full dates (the meeting's year; ties → the latest) and is marked `yearInferred`; in a
 * document without any full date it is skipped.
 *
 * This is the one date matcher of the platform: `findDateSpans` gives the structure parser (`../parsing`) one span
 * per expression, for meeting dates and the date under "Distr.".
 */
import type { DocContext } from './context.ts';
import { shadow } from './numbers.ts';
import type { DateReference, Lang } from './types.ts';

type MonthTable = [number, string][];

const MONTHS: Record<Exclude<Lang, 'zh'>, MonthTable> = {
  en: [[1, 'january'], [2, 'february'], [3, 'march'], [4, 'april'], [5, 'may'], [6, 'june'], [7, 'july'], [8, 'august'], [9, 'september'], [10, 'october'], [11, 'november'], [12, 'december']],
  fr: [[1, 'janvier'], [2, 'février|fevrier'], [3, 'mars'], [4, 'avril'], [5, 'mai'], [6, 'juin'], [7, 'juillet'], [8, 'août|aout'], [9, 'septembre'], [10, 'octobre'], [11, 'novembre'], [12, 'décembre|decembre']],
  es: [[1, 'enero'], [2, 'febrero'], [3, 'marzo'], [4, 'abril'], [5, 'mayo'], [6, 'junio'], [7, 'julio'], [8, 'agosto'], [9, 'septiembre|setiembre'], [10, 'octubre'], [11, 'noviembre'], [12, 'diciembre']],
  ru: [[1, 'января'], [2, 'февраля'], [3, 'марта'], [4, 'апреля'], [5, 'мая'], [6, 'июня'], [7, 'июля'], [8, 'августа'], [9, 'сентября'], [10, 'октября'], [11, 'ноября'], [12, 'декабря']],
  // Levantine / Western names as the UN writes them ("تشرين الأول/أكتوبر"), either alone; alef folded.
  ar: [
    [1, 'كانون الثاني/يناير|يناير|كانون الثاني'],
    [2, 'شباط/فبراير|فبراير|شباط'],
    [3, 'اذار/مارس|مارس|اذار'],
    [4, 'نيسان/ابريل|ابريل|نيسان'],
    [5, 'ايار/مايو|مايو|ايار'],
    [6, 'حزيران/يونيه|حزيران/يونيو|يونيه|يونيو|حزيران'],
    [7, 'تموز/يوليه|تموز/يوليو|يوليه|يوليو|تموز'],
    [8, 'اب/اغسطس|اغسطس|اب'],
    [9, 'ايلول/سبتمبر|سبتمبر|ايلول'],
    [10, 'تشرين الاول/اكتوبر|اكتوبر|تشرين الاول'],
    [11, 'تشرين الثاني/نوفمبر|نوفمبر|تشرين الثاني'],
    [12, 'كانون الاول/ديسمبر|ديسمبر|كانون الاول'],
  ],
};

function monthAlternation(t: MonthTable, prefix = 'm'): string {
  return t
    .map(([n, s]) => `(?<${prefix}${n}>${s.split('|').map((x) => x.replace(/ /g, '\\s+').replace(/\//g, '\\s*/\\s*')).join('|')})`)
    .join('|');
}

interface LangConf {
  /** A day-month[-year] token; groups d, y and the month groups. */
  token: RegExp;
  /** Connector between two tokens: range or pair. */
  join: RegExp;
  /** A bare day before a full token ("17-" in "17-19 October 2016"); group d; group sep. */
  day: RegExp;
}

const ORD = '(?:st|nd|rd|th|er)?';
const confs = new Map<Lang, LangConf>();
function conf(lang: Exclude<Lang, 'zh'>): LangConf {
  let c = confs.get(lang);
  if (c) return c;
  const M = monthAlternation(MONTHS[lang]);
  const M2 = monthAlternation(MONTHS[lang], 'n');
  const B = '(?<![\\p{L}\\p{N}])';
  const E = '(?![\\p{L}\\p{N}])';
  switch (lang) {
    case 'en':
      c = {
        token: new RegExp(`${B}(?:(?<d>\\d{1,2})${ORD}\\s+(?:${M})(?:,?\\s+(?<y>\\d{4}))?|(?:${M2})\\s+(?<d2>\\d{1,2})${ORD},?\\s+(?<y2>\\d{4}))${E}`, 'guy'),
        join: /\s*(?:-|–|to|through|until|and)\s*/uy,
        day: new RegExp(`${B}(?<d>\\d{1,2})${ORD}\\s*(?<sep>-|–|to|and|through)\\s*(?=\\d{1,2}${ORD}\\s+(?:${M}))`, 'guy'),
      };
      break;
    case 'fr':
      c = {
        token: new RegExp(`${B}(?<d>\\d{1,2})(?:er)?\\s+(?:${M})(?:\\s+(?<y>\\d{4}))?${E}`, 'guy'),
        join: /\s*(?:-|–|au|et|à)\s*/uy,
        day: new RegExp(`${B}(?<d>\\d{1,2})(?:er)?\\s*(?<sep>-|–|au|et)\\s*(?=\\d{1,2}(?:er)?\\s+(?:${M}))`, 'guy'),
      };
      break;
    case 'es':
      c = {
        token: new RegExp(`${B}(?<d>\\d{1,2})\\s+de\\s+(?:${M})(?:\\s+de(?:l)?\\s+(?<y>\\d{4}))?${E}`, 'guy'),
        join: /\s*(?:-|–|al|a|y|hasta\s+el)\s*/uy,
        day: new RegExp(`${B}(?<d>\\d{1,2})\\s*(?<sep>-|–|al|y|a)\\s*(?=\\d{1,2}\\s+de\\s+(?:${M}))`, 'guy'),
      };
      break;
    case 'ru':
      c = {
        token: new RegExp(`${B}(?<d>\\d{1,2})\\s+(?:${M})(?:\\s+(?<y>\\d{4})(?:\\s*(?:года|году|г\\.))?)?${E}`, 'guy'),
        join: /\s*(?:-|–|по|и|до)\s*/uy,
        day: new RegExp(`${B}(?<d>\\d{1,2})\\s*(?<sep>-|–|по|и)\\s*(?=\\d{1,2}\\s+(?:${M}))`, 'guy'),
      };
      break;
    case 'ar':
      c = {
        // The second day of a pair may carry the conjunction: "يومي 2 و3 أيار/مايو 2018".
        token: new RegExp(`(?:${B}|(?<=${B}و))(?<d>\\d{1,2})\\s+(?:${M})(?:\\s+(?<y>\\d{4}))?${E}`, 'guy'),
        join: /\s*(?:-|–|الى|حتى|و)\s*/uy,
        day: new RegExp(`${B}(?<d>\\d{1,2})\\s*(?<sep>-|–|الى|و|حتى)\\s*(?=\\d{1,2}\\s+(?:${M}))`, 'guy'),
      };
      break;
  }
  confs.set(lang, c);
  return c;
}

interface Tok {
  start: number;
  end: number;
  y: number | null;
  m: number | null;
  d: number;
  /** Connector to the previous token is a range ("to", "-", "至"). */
  range: boolean;
}

const RANGE_WORDS = /^(?:-|–|to|through|until|au|à|al|a|hasta\s+el|по|до|الى|حتى|至|到|~)$/u;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthOf(groups: Record<string, string | undefined>): number | null {
  for (let i = 1; i <= 12; i++) if (groups[`m${i}`] !== undefined || groups[`n${i}`] !== undefined) return i;
  return null;
}

/** Expressions of one or more day tokens, for a Western-style language. */
function westernExpressions(sh: string, lang: Exclude<Lang, 'zh'>): Tok[][] {
  const c = conf(lang);
  const out: Tok[][] = [];
  const find = new RegExp(c.token.source, 'gu');
  let consumed = 0;
  for (const m of sh.matchAll(find)) {
    if (m.index < consumed) continue;
    const expr: Tok[] = [];
    // A bare leading day: "17-19 October 2016", "du 17 au 19 octobre".
    const first = tokenAt(sh, c, m.index);
    if (!first) continue;
    const lead = leadingDay(sh, c, m.index);
    if (lead && lead.start >= consumed) expr.push(lead.tok);
    if (lead) first.range = lead.range;
    expr.push(first);
    let pos = first.end;
    for (;;) {
      c.join.lastIndex = pos;
      const j = c.join.exec(sh);
      if (!j) break;
      const next = tokenAt(sh, c, c.join.lastIndex);
      if (!next) break;
      next.range = RANGE_WORDS.test(j[0].trim());
      expr.push(next);
      pos = next.end;
    }
    consumed = pos;
    out.push(expr);
  }
  return out;
}

function tokenAt(sh: string, c: LangConf, pos: number): Tok | null {
  c.token.lastIndex = pos;
  const m = c.token.exec(sh);
  if (!m) return null;
  const g = m.groups ?? {};
  const d = Number(g.d ?? g.d2);
  const y = g.y ?? g.y2;
  return { start: pos, end: c.token.lastIndex, y: y ? Number(y) : null, m: monthOf(g), d, range: false };
}

function leadingDay(sh: string, c: LangConf, pos: number): { start: number; tok: Tok; range: boolean } | null {
  // Look back a few characters for "17-" / "17 au " / "17 y ".
  const from = Math.max(0, pos - 16);
  for (let s = from; s < pos; s++) {
    c.day.lastIndex = s;
    const m = c.day.exec(sh);
    if (m && c.day.lastIndex === pos) {
      return { start: s, tok: { start: s, end: s + m.groups!.d!.length, y: null, m: null, d: Number(m.groups!.d), range: false }, range: RANGE_WORDS.test(m.groups!.sep!.trim()) };
    }
  }
  return null;
}

const ZH_TOKEN = /(?:(?<y>\d{4})\s*年\s*)?(?:(?<m>\d{1,2})\s*月\s*)?(?<d>\d{1,2})\s*日/uy;
const ZH_FULL = /(?<!\d)(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日/gu;
const ZH_JOIN = /\s*(?:[(（][^()（）\n]{0,12}[)）])?\s*(?:,\s*星期.\s*)?(至|到|和|及|、|-|~)\s*/uy;

function zhExpressions(sh: string): Tok[][] {
  const out: Tok[][] = [];
  let consumed = 0;
  for (const m of sh.matchAll(ZH_FULL)) {
    if (m.index < consumed) continue;
    ZH_TOKEN.lastIndex = m.index;
    const t = ZH_TOKEN.exec(sh);
    if (!t) continue;
    const g = t.groups!;
    const expr: Tok[] = [{ start: m.index, end: ZH_TOKEN.lastIndex, y: g.y ? Number(g.y) : null, m: g.m ? Number(g.m) : null, d: Number(g.d), range: false }];
    let pos = ZH_TOKEN.lastIndex;
    for (;;) {
      ZH_JOIN.lastIndex = pos;
      const j = ZH_JOIN.exec(sh);
      if (!j) break;
      ZH_TOKEN.lastIndex = ZH_JOIN.lastIndex;
      const n = ZH_TOKEN.exec(sh);
      if (!n) break;
      const ng = n.groups!;
      expr.push({ start: ZH_JOIN.lastIndex, end: ZH_TOKEN.lastIndex, y: ng.y ? Number(ng.y) : null, m: ng.m ? Number(ng.m) : null, d: Number(ng.d), range: j[1] !== '和' && j[1] !== '及' && j[1] !== '、' });
      pos = ZH_TOKEN.lastIndex;
    }
    consumed = pos;
    out.push(expr);
  }
  return out;
}

/** A day of an expression, as an ISO date. */
interface Day {
  date: string;
  /** The year came from the document, not from the expression. */
  yearInferred: boolean;
}

/**
 * The days of one expression: month and year filled from the following tokens ("17-19 October 2016", "17 日至
 * 19 日" after a full date), then from preceding ones; `docYear` when the expression has no year at all. Days
 * that are not real dates are left out.
 */
function resolveDays(expr: Tok[], docYear: number | null): Day[] {
  for (let i = expr.length - 2; i >= 0; i--) {
    const t = expr[i]!;
    const n = expr[i + 1]!;
    if (t.m === null) t.m = n.m;
    if (t.y === null && t.m !== null && n.m !== null && t.m <= n.m) t.y = n.y;
  }
  for (let i = 1; i < expr.length; i++) {
    const t = expr[i]!;
    const p = expr[i - 1]!;
    if (t.m === null) t.m = p.m;
    if (t.y === null) t.y = p.y;
  }
  const hasYear = expr.some((t) => t.y !== null);
  const days: Day[] = [];
  for (const t of expr) {
    let yearInferred = false;
    let y = t.y;
    if (y === null && !hasYear) {
      y = docYear;
      yearInferred = true;
    } else if (y === null) {
      // a later token has the year but an earlier month ("28 December to 3 January 2017"): previous year
      const later = expr.find((x) => x.y !== null)!;
      y = later.y! - 1;
    }
    if (y === null || t.m === null) continue;
    const date = iso(y, t.m, t.d);
    if (date) days.push({ date, yearInferred });
  }
  return days;
}

function expressions(sh: string, lang: Lang): Tok[][] {
  return lang === 'zh' ? zhExpressions(sh) : westernExpressions(sh, lang);
}

export function extractDates(ctx: DocContext): DateReference[] {
  const { sh, text, lang } = ctx;
  const exprs = expressions(sh, lang);
  // English dates appear in every language version (document headers: "Distr.: General 31 May 2016").
  if (lang !== 'en') exprs.push(...westernExpressions(sh, 'en'));
  exprs.sort((a, b) => a[0]!.start - b[0]!.start);
  const out: DateReference[] = [];
  const yearCount = new Map<number, number>();
  for (const e of exprs) for (const t of e) if (t.y !== null) yearCount.set(t.y, (yearCount.get(t.y) ?? 0) + 1);
  let docYear: number | null = null;
  for (const [y, n] of yearCount) if (docYear === null || n > yearCount.get(docYear)! || (n === yearCount.get(docYear)! && y > docYear)) docYear = y;
  let lastEnd = -1;
  for (const expr of exprs) {
    const start = expr[0]!.start;
    const end = expr[expr.length - 1]!.end;
    if (start < lastEnd) continue;
    const refs = resolveDays(expr, docYear).map(({ date, yearInferred }) => {
      const r: DateReference = { kind: 'date', date, text: text.slice(start, end), start, end };
      if (yearInferred) r.yearInferred = true;
      return r;
    });
    if (!refs.length) continue;
    if (expr.length === 2 && expr[1]!.range && refs.length === 2) refs[0]!.endDate = refs[1]!.date;
    out.push(...refs);
    lastEnd = end;
  }
  return out;
}

/** One date or range of dates in a text, as the structure parser reads meeting and document dates. */
export interface DateSpan {
  /** First and last day written (the same for a single date). */
  start: string;
  end: string;
  /** Offset and length in the text. */
  index: number;
  length: number;
  /** More than one day written ("17-19 October 2016", "17 and 18 October 2016"). */
  range: boolean;
}

/**
 * The dates and ranges of a text in one language, in order, one span per expression. A single date counts only
 * with its year; a range without one ("from 17 to 19 October") takes `yearHint`, or is left out without it.
 */
export function findDateSpans(text: string, lang: Lang, yearHint?: number): DateSpan[] {
  const out: DateSpan[] = [];
  for (const expr of expressions(shadow(text), lang)) {
    if (expr.length === 1 && expr[0]!.y === null) continue;
    const days = resolveDays(expr, yearHint ?? null);
    if (days.length !== expr.length) continue;
    const start = days[0]!.date;
    const end = days[days.length - 1]!.date;
    if (start > end) continue;
    const index = expr[0]!.start;
    out.push({ start, end, index, length: expr[expr.length - 1]!.end - index, range: expr.length > 1 });
  }
  return out;
}
