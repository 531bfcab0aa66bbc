/**
 * Resolutions and decisions: "第 8/2 号决议", "第 2/6 号决定", "resolution 8/2", "decisions 4/3 and 5/1",
 * "résolution 8/2", "resolución 8/2", "резолюция 8/2", "القرار 8/2", "Security Council resolution 2331 (2016)".
 * The adopting body comes from the words around the number (nearest earlier body in the sentence, or
 * "of the General Assembly" after it); failing that, from the form of the number: YYYY/N → ECOSOC,
 * NNNN (YYYY) → SC, sessions ≥ 40 → GA, ≤ 15 → COP.
 */
import type { DocContext } from './context.ts';
import type { Body, Lang, ResolutionReference } from './types.ts';

const NUM = String.raw`(?:\d{3,4}\s*\(\s*\d{4}\s*\)|\d{1,4}\s*/\s*\d{1,4}(?![\d/]))`;

interface KwConf {
  re: RegExp;
  /** Group 1: keyword; group 2: the numbers part. */
  kindOf: (kw: string) => 'resolution' | 'decision';
}

const LIST = (and: string) => String.raw`(${NUM}(?:\s*(?:,\s*(?:${and})?|${and})\s*${NUM})*)`;

const CONF: Record<Exclude<Lang, 'zh'>, KwConf> = {
  en: { re: new RegExp(String.raw`\b(resolutions?|decisions?)\s+(?:no\.\s*)?${LIST('and|or')}`, 'gu'), kindOf: (k) => (k.startsWith('r') ? 'resolution' : 'decision') },
  fr: { re: new RegExp(String.raw`(?<![\p{L}])(résolutions?|décisions?)\s+(?:n[°o]\s*)?${LIST('et|ou')}`, 'gu'), kindOf: (k) => (k.startsWith('r') ? 'resolution' : 'decision') },
  es: { re: new RegExp(String.raw`(?<![\p{L}])(resoluci(?:ón|ones)|decisi(?:ón|ones))\s+(?:n[°o]\s*)?${LIST('y|e|o')}`, 'gu'), kindOf: (k) => (k.startsWith('r') ? 'resolution' : 'decision') },
  ru: {
    re: new RegExp(String.raw`(?<![\p{L}])(резолюци\p{L}*|решени\p{L}*)\s+(?:(?:генеральн\p{L}*\s+ассамбле\p{L}*|совет\p{L}*\s+безопасности|экономическ\p{L}*\s+и\s+социальн\p{L}*\s+совет\p{L}*|конференци\p{L}*(?:\s+участников)?|комисси\p{L}*\s+по\s+\p{L}+(?:\s+\p{L}+){0,4})\s+)?(?:№\s*)?${LIST('и|или')}`, 'gu'),
    kindOf: (k) => (k.startsWith('рез') ? 'resolution' : 'decision'),
  },
  ar: {
    re: new RegExp(String.raw`(?<![\p{L}])((?:[وفب]|لل|وب|ول|فب)?(?:ال)?(?:قرار(?:ات|ين|ان|ي|ها|ه|يها)?|مقرر(?:ات|ين|ان|ها|ه)?))\s+(?:(?:(?:ل|لل)?(?:الجمعي[ةه]\s+العام[ةه]|مجلس\s+الامن|المجلس\s+الاقتصادي\s+والاجتماعي|المؤتمر|مؤتمر\s+الاطراف|لجن[ةه]\s+\p{L}+(?:\s+\p{L}+){0,4}))\s+)?(?:رقم\s*)?${LIST('و|او')}`, 'gu'),
    kindOf: (k) => (/مقرر/.test(k) ? 'decision' : 'resolution'),
  },
};

const ZH_RE = new RegExp(String.raw`第\s*(${NUM}(?:\s*号)?(?:\s*(?:和|及|以及|、|,|与)\s*(?:第\s*)?${NUM}(?:\s*号)?)*)\s*号?\s*(决议|决定)`, 'gu');

type BodyPatterns = [Body, string][];
const BODIES: Record<Lang, BodyPatterns> = {
  en: [['GA', 'general\\s+assembly|(?<!world\\s)assembly'], ['SC', 'security\\s+council'], ['ECOSOC', 'economic\\s+and\\s+social\\s+council'], ['CCPCJ', 'commission\\s+on\\s+crime\\s+prevention\\s+and\\s+criminal\\s+justice'], ['CND', 'commission\\s+on\\s+narcotic\\s+drugs'], ['HRC', 'human\\s+rights\\s+council'], ['COP', 'conference']],
  fr: [['GA', "assemblée\\s+générale|l'assemblée"], ['SC', 'conseil\\s+de\\s+sécurité'], ['ECOSOC', 'conseil\\s+économique\\s+et\\s+social'], ['CCPCJ', 'commission\\s+(?:pour\\s+la|de)\\s+prévention\\s+du\\s+crime'], ['CND', 'commission\\s+des\\s+stupéfiants'], ['HRC', "conseil\\s+des\\s+droits\\s+de\\s+l'homme"], ['COP', 'conférence']],
  es: [['GA', 'asamblea\\s+general|la\\s+asamblea'], ['SC', 'consejo\\s+de\\s+seguridad'], ['ECOSOC', 'consejo\\s+económico\\s+y\\s+social'], ['CCPCJ', 'comisión\\s+de\\s+prevención\\s+del\\s+delito'], ['CND', 'comisión\\s+de\\s+estupefacientes'], ['HRC', 'consejo\\s+de\\s+derechos\\s+humanos'], ['COP', 'conferencia']],
  ru: [['GA', 'генеральн\\p{L}*\\s+ассамбле\\p{L}*|ассамбле\\p{L}*'], ['SC', 'совет\\p{L}*\\s+безопасности'], ['ECOSOC', 'экономическ\\p{L}*\\s+и\\s+социальн\\p{L}*\\s+совет\\p{L}*'], ['CCPCJ', 'комисси\\p{L}*\\s+по\\s+предупреждению\\s+преступности'], ['CND', 'комисси\\p{L}*\\s+по\\s+наркотическим'], ['HRC', 'совет\\p{L}*\\s+по\\s+правам\\s+человека'], ['COP', 'конференци\\p{L}*']],
  ar: [['GA', 'الجمعي[ةه]\\s+العام[ةه]|للجمعي[ةه]\\s+العام[ةه]|الجمعي[ةه]'], ['SC', 'مجلس\\s+الامن'], ['ECOSOC', 'المجلس\\s+الاقتصادي\\s+والاجتماعي'], ['CCPCJ', 'لجن[ةه]\\s+منع\\s+الجريم[ةه]'], ['CND', 'لجن[ةه]\\s+المخدرات'], ['HRC', 'مجلس\\s+حقوق\\s+الانسان'], ['COP', 'المؤتمر|مؤتمر\\s+الاطراف']],
  zh: [['GA', '(?<!司法)大会'], ['SC', '安全理事会|安理会'], ['ECOSOC', '经济及社会理事会|经社理事会'], ['CCPCJ', '预防犯罪和刑事司法委员会'], ['CND', '麻醉药品委员会'], ['HRC', '人权理事会'], ['COP', '缔约方会议']],
};

const bodyRes = new Map<Lang, RegExp>();
function bodyRe(lang: Lang): RegExp {
  let r = bodyRes.get(lang);
  if (!r) {
    r = new RegExp(BODIES[lang].map(([b, src]) => `(?<${b}>${src})`).join('|'), 'gu');
    bodyRes.set(lang, r);
  }
  return r;
}

function bodyOf(m: RegExpExecArray): Body | null {
  for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) return k as Body;
  return null;
}

/** The nearest body named in sh[from, to). */
function nearestBody(lang: Lang, sh: string, from: number, to: number): Body | null {
  const re = bodyRe(lang);
  const win = sh.slice(from, to);
  let best: Body | null = null;
  for (const m of win.matchAll(re)) best = bodyOf(m as RegExpExecArray) ?? best;
  return best;
}

const AFTER: Record<Lang, RegExp> = {
  en: /^\s*,?\s*(?:of|by)\s+the\s+/u,
  fr: /^\s*,?\s*(?:de\s+l'|de\s+la\s+|du\s+|adoptée\s+par\s+l'|adoptée\s+par\s+la\s+)/u,
  es: /^\s*,?\s*(?:de\s+la\s+|del\s+)/u,
  ru: /^\s*,?\s*/u,
  ar: /^\s*،?\s*(?:الصادر\s+عن\s+|التي\s+اتخذتها\s+)?/u,
  zh: /(?!)/u,
};

function heuristicBody(num: string): Body | null {
  if (/\(/.test(num)) return 'SC';
  const first = Number(num.split('/')[0]);
  if (first >= 1946) return 'ECOSOC';
  if (first >= 40) return 'GA';
  if (first >= 1 && first <= 15) return 'COP';
  return null;
}

function normNum(raw: string): string {
  const sc = /^(\d{3,4})\s*\(\s*(\d{4})\s*\)$/.exec(raw);
  if (sc) return `${sc[1]} (${sc[2]})`;
  return raw.replace(/\s+/g, '');
}

export function extractResolutions(ctx: DocContext): ResolutionReference[] {
  const { sh, text, lang } = ctx;
  const out: ResolutionReference[] = [];
  const re = lang === 'zh' ? ZH_RE : CONF[lang].re;
  re.lastIndex = 0;
  let prevEnd = 0;
  for (const m of sh.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    if (lang !== 'zh' && start > 0 && /[\p{L}\p{N}]/u.test(sh[start - 1]!)) continue;
    let kw = lang === 'zh' ? m[2]! : m[1]!;
    // Arabic: leave conjunctions and prepositions out of the text ("بمقرره 2/2" → "مقرره 2/2").
    let s0 = start;
    if (lang === 'ar') {
      const pre = /^(?:و|ف)?(?:ب|ل(?!ل))?/u.exec(kw)![0];
      const rest = kw.slice(pre.length);
      if (pre && /^(?:ال|ل)?(?:قرار|مقرر)/u.test(rest)) {
        s0 = start + pre.length;
        kw = rest;
      }
    }
    const kind = lang === 'zh' ? (kw === '决议' ? 'resolution' : 'decision') : CONF[lang].kindOf(kw);
    const numsPart = lang === 'zh' ? m[1]! : m[2]!;
    const nums = [...numsPart.matchAll(new RegExp(NUM, 'gu'))].map((n) => normNum(n[0]));
    // Body: between keyword and number (ar, ru), right after, or nearest before in the sentence.
    let body: Body | null = null;
    if (lang === 'ar' || lang === 'ru') {
      const between = sh.slice(start + m[1]!.length, start + m[0].indexOf(numsPart, m[1]!.length));
      body = nearestBody(lang, between, 0, between.length);
    }
    if (!body) {
      const after = sh.slice(end, end + 80);
      const a = AFTER[lang].exec(after);
      if (a) {
        const rest = after.slice(a[0].length);
        const br = new RegExp(`^(?:${BODIES[lang].map(([b, s]) => `(?<${b}>${s})`).join('|')})`, 'u').exec(rest);
        if (br) body = bodyOf(br);
      }
    }
    if (!body) {
      const from = Math.max(ctx.sentenceStart(start), prevEnd, start - (lang === 'zh' ? 40 : 90));
      body = nearestBody(lang, sh, from, start);
    }
    prevEnd = end;
    for (const n of nums) {
      out.push({ kind, body: body ?? heuristicBody(n), number: n, text: text.slice(s0, end), start: s0, end });
    }
  }
  return out;
}
