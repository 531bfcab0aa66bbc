/** Title, type, meeting dates and place, session number and issuing body of a document. */
import { looksWrapped } from './block-breaks.ts';
import type { Preprocessed, SourceLine } from './clean.ts';
import { findDateSpans } from '../extraction/dates.ts';
import { findPlaces } from './places.ts';
import {
  AGENDA_ITEM_REF,
  AGENDA_TITLE,
  BACKGROUND_SUBTITLE,
  BODIES,
  BODY_BY_CODE,
  CONFERENCE_NAME,
  NOTE_SUBTITLE,
  REPORT_TITLE,
  SESSION_PATTERNS,
  SUBTITLE_LINE,
  WORKING_GROUP_WORD,
} from './lexicon.ts';
import { chineseNumber } from './markers.ts';
import { fold, joinLines, normalizeInline } from './text.ts';
import type { DocumentType, IssuingBody, Meeting, Session, UnLang } from './types.ts';

export interface FrontMatter {
  title: string | null;
  subtitle: string | null;
  bodyLine: string | null;
  meetingLine: string | null;
  /** "Tenth session", "第十届会议" … on its own line. */
  sessionLine: string | null;
  agendaItemReference: string | null;
  /** Lines of the front matter that are none of the above (kept as preamble). */
  other: string[];
}

/** A title line going on ("… held" / "in Vienna from …"). */
const CONTINUATION_START = /^(?:في|من|يومي|held|in|from|on|à|du|les|en|del|los|celebrad[ao]|в|с|состоявш\p{L}*|tenue)\s/u;

const strip = (s: string) => s.replace(/\s*\*+\s*$/u, '').trim();

function isMeetingLine(t: string, lang: UnLang): boolean {
  const dates = findDateSpans(t, lang);
  if (!dates.length) return false;
  const places = findPlaces(t, lang);
  if (!places.length) return /^[\p{Lu}][\p{L}\- ]{1,30},\s*\d/u.test(t) && t.length < 60;
  // Mostly a date and a place: a title that mentions them is longer.
  const f = lang === 'zh' ? t : fold(t);
  const rest = f.length - dates.reduce((n, d) => n + d.length, 0);
  return rest < (lang === 'zh' ? 14 : 30);
}

export function readFrontMatter(front: SourceLine[], pre: Preprocessed): FrontMatter {
  const lang = pre.lang;
  const fm: FrontMatter = { title: null, subtitle: null, bodyLine: null, meetingLine: null, sessionLine: null, agendaItemReference: null, other: [] };
  const titleLines: string[] = [];
  let prevTitle: SourceLine | null = null;
  for (const line of front) {
    const t = strip(line.text);
    if (!t) continue;
    const f = fold(t);
    const continues = prevTitle !== null && (looksWrapped(prevTitle, line, pre) || CONTINUATION_START.test(f));
    if (continues && !SUBTITLE_LINE.test(f)) {
      titleLines.push(t);
      prevTitle = line;
      continue;
    }
    prevTitle = null;
    if (AGENDA_ITEM_REF.test(f) && !fm.agendaItemReference) fm.agendaItemReference = normalizeInline(t, lang);
    else if (SUBTITLE_LINE.test(f) && !fm.subtitle) fm.subtitle = normalizeInline(t, lang);
    else if (
      !fm.bodyLine &&
      !titleLines.length &&
      (WORKING_GROUP_WORD.test(f) || CONFERENCE_NAME.test(f)) &&
      !findDateSpans(t, lang).length &&
      !REPORT_TITLE.test(f) &&
      !AGENDA_TITLE.test(f)
    )
      fm.bodyLine = normalizeInline(t, lang);
    else if (!fm.meetingLine && isMeetingLine(t, lang)) fm.meetingLine = normalizeInline(t, lang);
    else if (!fm.sessionLine && !titleLines.length && t.length < 45 && readSession([{ text: t, weight: 1 }], lang, null)) fm.sessionLine = normalizeInline(t, lang);
    else if (!fm.subtitle || !titleLines.length) {
      if (fm.subtitle && titleLines.length) fm.other.push(t);
      else {
        titleLines.push(t);
        prevTitle = line;
      }
    } else fm.other.push(t);
  }
  if (titleLines.length) fm.title = normalizeInline(joinLines(titleLines, lang), lang);
  return fm;
}

export function documentType(title: string | null, subtitle: string | null, isAgenda: boolean): DocumentType {
  const t = fold(title ?? '');
  const s = fold(subtitle ?? '');
  if (isAgenda || AGENDA_TITLE.test(t)) return 'agenda';
  if (REPORT_TITLE.test(t)) return 'report';
  if (BACKGROUND_SUBTITLE.test(s)) return 'background-paper';
  if (NOTE_SUBTITLE.test(s)) return 'note';
  return 'other';
}

/** Meeting dates and place from the first text that has a date range (or date) and a place near it. */
export function readMeeting(texts: string[], lang: UnLang, yearHint: number | undefined): Meeting | null {
  let fallback: Meeting | null = null;
  for (const text of texts) {
    if (!text) continue;
    const dates = findDateSpans(text, lang, yearHint);
    if (!dates.length) continue;
    const places = findPlaces(text, lang);
    for (const d of dates) {
      const near = places
        .map((p) => ({ p, dist: p.index < d.index ? d.index - p.index : p.index - (d.index + d.length) }))
        .filter((x) => x.dist <= (lang === 'zh' ? 30 : 80))
        .sort((a, b) => a.dist - b.dist)[0];
      let place = near?.p.place ?? null;
      const placeEn = near?.p.placeEn ?? null;
      if (!place) {
        const g =
          lang === 'zh'
            ? /在(\p{Script=Han}{2,6}?)举行|[，,]\s*(\p{Script=Han}{2,6})\s*$/u.exec(text)
            : /^\s*([\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)?),\s*\d/u.exec(text) ??
              /(?:held in|tenue à|tenue a|celebrad[ao] en|состоявш\p{L}* в|المعقود في)\s+([\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)?)/u.exec(text);
        place = g ? (g[1] ?? g[2] ?? null) : null;
      }
      const m: Meeting = { start: d.start, end: d.end, place, placeEn, text: normalizeInline(text, lang) };
      if (d.range && place) return m;
      if (!fallback && (d.range || place)) fallback = m;
    }
  }
  return fallback;
}

/** The meeting (working groups) or session (Conference) number, from its spelled-out ordinal. */
export function readSession(texts: { text: string; weight: number }[], lang: UnLang, prefer: 'meeting' | 'session' | null): Session | null {
  const tally = new Map<string, { s: Session; score: number; first: number }>();
  let order = 0;
  for (const { text, weight } of texts) {
    const hits: { n: number; kind: 'meeting' | 'session'; raw: string; bonus: number }[] = [];
    if (lang === 'zh') {
      for (const m of text.matchAll(/第\s*([一二三四五六七八九十]+)\s*(次会议|届会议)(?!\s*[上中期])/gu)) {
        const n = chineseNumber(m[1]!);
        if (n === null) continue;
        const before = text.slice(Math.max(0, m.index - 6), m.index);
        hits.push({ n, kind: m[2] === '次会议' ? 'meeting' : 'session', raw: m[0].replace(/\s+/g, ''), bonus: /其|工作组|本/.test(before) ? 2 : 0 });
      }
      // "缔约方会议第八届会议期间": the session during which the meeting was held.
      for (const m of text.matchAll(/第\s*([一二三四五六七八九十]+)\s*届会议\s*期间/gu)) {
        const n = chineseNumber(m[1]!);
        if (n !== null) hits.push({ n, kind: 'session', raw: m[0].replace(/\s+/g, '').replace(/期间$/, ''), bonus: 0 });
      }
    } else {
      const pat = SESSION_PATTERNS[lang];
      const f = fold(text);
      for (const m of f.matchAll(pat.re)) {
        const ord = pat.nounFirst ? m[2]! : m[1]!;
        const noun = pat.nounFirst ? m[1]! : m[2]!;
        const n = pat.ordinal(ord);
        if (n === null) continue;
        const kind: 'meeting' | 'session' = /session|сесси|دور|período|periodo/u.test(noun) ? 'session' : 'meeting';
        const before = f.slice(Math.max(0, m.index - 12), m.index);
        const after = f.slice(m.index + m[0].length, m.index + m[0].length + 30);
        // "at its sixth meeting, held in 2015": a past meeting mentioned in passing counts less.
        const past = /held in \d{4}|tenue en \d{4}|celebrad[ao] en \d{4}|(?:^|\s)in \d{4}/u.test(after) ? -1 : 0;
        hits.push({ n, kind, raw: m[0], bonus: (/(?:its|sa|su|своем|своей)\s$/u.test(before) ? 1 : 0) + past });
      }
    }
    for (const h of hits) {
      const key = `${h.kind}:${h.n}`;
      const cur = tally.get(key) ?? { s: { number: h.n, kind: h.kind, text: h.raw }, score: 0, first: order++ };
      cur.score += weight + h.bonus;
      tally.set(key, cur);
    }
  }
  const all = [...tally.values()].filter((x) => !prefer || x.s.kind === prefer);
  all.sort((a, b) => b.score - a.score || a.first - b.first);
  return all[0]?.s ?? null;
}

export function readBody(ownSymbols: string[], texts: string[], lang: UnLang): IssuingBody | null {
  for (const s of ownSymbols) {
    const m = /^CTOC\/COP\/(WG\.\d+)\//.exec(s);
    if (m) {
      const known = BODY_BY_CODE[m[1]!];
      return known ? { code: m[1]!, key: known.key, name: known.name } : { code: m[1]!, key: 'other-working-group', name: `Working group ${m[1]!}` };
    }
    if (/^CTOC\/COP\/\d{4}\//.test(s)) return { code: 'COP', key: 'conference', name: 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime' };
  }
  for (const text of texts) {
    const f = lang === 'zh' ? text : fold(text);
    for (const b of BODIES) if (b.re.test(f) && (WORKING_GROUP_WORD.test(f) || b.key !== 'technical-assistance')) return { code: b.code, key: b.key, name: b.name };
  }
  for (const text of texts) {
    const f = lang === 'zh' ? text : fold(text);
    if (CONFERENCE_NAME.test(f) && !WORKING_GROUP_WORD.test(f))
      return { code: 'COP', key: 'conference', name: 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime' };
  }
  return null;
}
