import type { BulkItem } from '../../src/knowledge/ingest/bulk.ts';
import type { RecordInput } from '../../src/knowledge/knowledge.schemas.ts';
import type { RecordType } from '../../src/knowledge/knowledge.schemas.ts';
import { Rng, Weighted, zipf } from './prng.ts';
import { tailWords } from './tail.ts';
import { LANGUAGES, TOPICS, TOPIC_FACTS, type Instrument, type Language, type LangCode, type Topic } from './vocab.ts';

/**
 * A reproducible synthetic knowledge corpus: the same seed and size give the same records, in the same
 * order. Languages, types, States (Zipf-distributed: a few States have most records), topics (which decide
 * the crime types, the articles cited and the topical vocabulary), dates skewed to recent years, and access
 * levels in proportions like those of a real portal.
 */

export const LANG_WEIGHTS: Array<[LangCode, number]> = [['en', 40], ['fr', 15], ['es', 15], ['ru', 10], ['ar', 10], ['zh', 10]];
const TYPE_WEIGHTS: Array<[RecordType, number]> = [
  ['legislation', 22], ['case', 30], ['cop-document', 10], ['recommendation', 15], ['guide', 6], ['bibliography', 10], ['cooperation-case', 5], ['database-link', 2],
];
/** Median length in words per type (log-normal around it). */
const LENGTH: Record<RecordType, number> = {
  legislation: 300, case: 220, 'cop-document': 400, recommendation: 70, guide: 250, bibliography: 60, 'cooperation-case': 110, 'database-link': 40,
};
export const FIRST_YEAR = 1995;
export const LAST_YEAR = 2026;

export interface StateRef {
  iso3: string;
  group: string | null;
}

export interface CorpusPlan {
  /** States by decreasing frequency. */
  states: StateRef[];
  topics: Topic[];
}

/** States in a fixed order (by code, then shuffled by the seed), so "the most frequent State" is reproducible. */
export function plan(states: StateRef[], seed: number): CorpusPlan {
  const rng = new Rng(seed ^ 0x5eed);
  const sorted = [...states].sort((a, b) => a.iso3.localeCompare(b.iso3));
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
  }
  return { states: sorted, topics: [...TOPICS] };
}

const ARABIC_MARKS = ['\u064e', '\u064b', '\u0651', '\u0650'];

function decorateArabic(rng: Rng, term: string): string {
  let t = term;
  if (rng.chance(0.12)) {
    const at = 1 + rng.int(Math.max(1, t.length - 1));
    t = t.slice(0, at) + rng.pick(ARABIC_MARKS) + t.slice(at);
  }
  if (rng.chance(0.08) && !t.includes(' ')) t = `و${t}`;
  return t;
}

class Writer {
  private readonly general: Weighted<string>;
  private readonly topical = new Map<Topic, Weighted<string>>();
  private readonly tail: Weighted<string>;
  constructor(readonly lang: Language, seed: number) {
    this.general = zipf(lang.general, 1.05);
    this.tail = zipf(tailWords(lang.code, seed), 1);
    for (const t of TOPICS) this.topical.set(t, zipf(lang.topics[t], 0.7));
  }

  sentence(rng: Rng, topics: Topic[], ref: string | null, rare: string | null): string {
    const n = 8 + rng.int(14);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      let w: string;
      if (x < 0.3) w = this.general.draw(rng);
      else if (x < 0.45) w = this.topical.get(rng.pick(topics))!.draw(rng);
      else if (x < 0.75) w = this.tail.draw(rng);
      else w = rng.pick(this.lang.glue);
      out.push(this.lang.code === 'ar' ? decorateArabic(rng, w) : w);
    }
    if (ref) out.splice(1 + rng.int(out.length - 1), 0, ref);
    if (rare) out.splice(rng.int(out.length), 0, rare);
    const zh = this.lang.code === 'zh';
    const body = out.join(this.lang.sep);
    return zh ? `${body}。` : `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
  }
}

function isoDate(rng: Rng, year: number): string {
  const m = 1 + rng.int(12);
  const d = 1 + rng.int(28);
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function details(rng: Rng, type: RecordType, lang: Language, title: string, n: number, year: number, date: string, states: string[], crimes: string[]) {
  switch (type) {
    case 'legislation':
      return { lawTitle: title, lawNumber: `${n}/${year}`, enactedOn: date };
    case 'case':
      return { court: rng.pick(lang.courts), caseNumber: `${n}/${year}`, stage: rng.pick(['investigation', 'first-instance', 'appeal', 'final']) };
    case 'cooperation-case':
      return {
        cooperation: {
          kind: rng.pick(['mla', 'extradition', 'confiscation', 'joint-investigation']), requesting: states[0]!, requested: states[1]!,
          legalBasis: { kind: 'convention', instrument: 'UNTOC', article: rng.pick([16, 18, 13]) }, outcome: rng.pick(['granted', 'refused', 'pending', 'partly-granted']),
        },
        crimeType: crimes[0] ?? 'other',
      };
    case 'cop-document':
      return { symbols: [`CTOC/COP/WG.${1 + rng.int(7)}/${year}/${n % 9}`] };
    case 'recommendation':
      return { addressees: ['states'] };
    case 'guide':
      return { publisher: 'UNODC' };
    case 'bibliography':
      return { authors: ['A. Author'], year };
    case 'database-link':
      return { url: `https://example.org/db/${n}` };
  }
}

/** The records, one at a time (a million of them never sit in memory together). */
export function* generate(p: CorpusPlan, size: number, seed: number): Generator<BulkItem> {
  const rng = new Rng(seed);
  const langs = Weighted.of(LANG_WEIGHTS);
  const types = Weighted.of(TYPE_WEIGHTS);
  const years: Array<[number, number]> = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.push([y, 1 + Math.pow(y - FIRST_YEAR, 1.4)]);
  const yearDist = Weighted.of(years);
  const stateDist = zipf(p.states.map((s) => s.iso3), 0.9);
  const topicDist = zipf(p.topics, 0.6);
  const writers = new Map<LangCode, Writer>(Object.values(LANGUAGES).map((l) => [l.code, new Writer(l, seed)]));

  for (let k = 0; k < size; k++) {
    const code = langs.draw(rng);
    const lang = LANGUAGES[code];
    const writer = writers.get(code)!;
    const type = types.draw(rng);
    const year = yearDist.draw(rng);
    const date = isoDate(rng, year);
    const topics = [topicDist.draw(rng)];
    if (rng.chance(0.4)) topics.push(topicDist.draw(rng));
    if (rng.chance(0.1)) topics.push(topicDist.draw(rng));
    const uniqTopics = [...new Set(topics)];

    const nStates = type === 'cooperation-case' ? 2 : type === 'cop-document' || type === 'recommendation' ? rng.int(4) : type === 'legislation' || type === 'case' ? 1 : rng.int(2);
    const states = new Set<string>();
    while (states.size < nStates) states.add(stateDist.draw(rng));
    const stateList = [...states];
    if (type === 'cooperation-case' && stateList.length < 2) stateList.push(p.states[0]!.iso3 === stateList[0] ? p.states[1]!.iso3 : p.states[0]!.iso3);

    const crimes = [...new Set(uniqTopics.flatMap((t) => TOPIC_FACTS[t].crimes))];
    if (rng.chance(0.05)) crimes.push('other');

    const links: RecordInput['links'] = [];
    const seen = new Set<string>();
    for (const t of uniqTopics) {
      const facts = TOPIC_FACTS[t].articles;
      for (let j = 0, m = 1 + rng.int(2); j < m; j++) {
        const [instrument, article, paras] = rng.pick(facts);
        const paragraph = paras.length && rng.chance(0.6) ? rng.pick(paras) : undefined;
        const key = `${instrument}:${article}:${paragraph ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        links.push({ predicate: type === 'legislation' ? 'implements' : 'cites', instrument: instrument as Instrument, article, ...(paragraph ? { paragraph } : {}) });
      }
    }

    const words = Math.min(6000, Math.max(12, Math.round(LENGTH[type] * Math.exp(0.6 * rng.normal()))));
    const sentences: string[] = [];
    let written = 0;
    const rare = rng.chance(0.004) ? rng.pick(lang.rare) : null;
    const rareAt = rare ? rng.int(Math.max(1, Math.floor(words / 14))) : -1;
    for (let s = 0; written < words; s++) {
      const l = links.length && rng.chance(0.25) ? rng.pick(links) : null;
      const ref = l ? lang.articleRef(l.instrument as Instrument, l.article, l.paragraph ?? null) : null;
      const text = writer.sentence(rng, uniqTopics, ref, s === rareAt ? rare : null);
      sentences.push(text);
      written += 14;
    }
    const n = 1 + rng.int(999);
    const title = lang.title(type, lang.topics[uniqTopics[0]!][rng.int(3)]!, n, year);
    const access = rng.chance(0.88) ? 'public' : rng.chance(0.66) ? 'practitioners' : 'state';
    const accessState = access === 'state' ? (stateList[0] ?? p.states[rng.int(Math.min(20, p.states.length))]!.iso3) : undefined;
    const d = details(rng, type, lang, title, n, year, date, stateList, crimes);
    const input: RecordInput = {
      type, title, lang: code, states: stateList, date, dates: {}, fullText: sentences.join(code === 'zh' ? '' : ' '), details: d,
      crimes: crimes as RecordInput['crimes'], topics: [], access, links,
      ...(type === 'cop-document' ? { symbol: (d as { symbols: string[] }).symbols[0]! } : {}),
      ...(accessState ? { accessState } : {}),
    };
    yield { input, source: { importKey: `bench:${seed}:${k}` } };
  }
}
