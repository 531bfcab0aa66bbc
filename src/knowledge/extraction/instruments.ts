/**
 * Names of the six instruments in the six languages, and the mentions of instruments (and of things that
 * are not instruments: rules of procedure, national laws, other treaties) in a text.
 */
import type { DocContext } from './context.ts';
import type { Instrument, Lang } from './types.ts';

/** What a mention names: one of the instruments, "the Protocol" (resolved to the last Protocol named), or something else. */
export type MentionKind = Instrument | 'PROTOCOL' | 'OTHER';

export interface Mention {
  start: number;
  end: number;
  kind: MentionKind;
  /** Resolved instrument (generic "the Protocol" → the last Protocol named before it); null for OTHER or an unresolved Protocol. */
  instrument: Instrument | null;
  /** For OTHER: the name as written, whitespace collapsed. */
  label: string;
}

/** Phrase → regex source on the shadow text: ", " → ",\s*", " " → "\s+". */
function w(src: string): string {
  return src.replace(/, /g, ',\\s*').replace(/ /g, '\\s+');
}
/** Chinese phrase → regex source allowing whitespace (PDF line breaks) between any two characters. */
function zhw(src: string): string {
  const isLit = (c: string | undefined) => c !== undefined && !'()|?:*+\\'.includes(c);
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    out += c;
    const next = src[i + 1];
    const leftOk = isLit(c) || c === ')' || (c === '?' && src[i - 1] === ')');
    const rightOk = isLit(next) || next === '(';
    if (leftOk && rightOk) out += '\\s*';
  }
  return out;
}

type Pattern = [MentionKind, string];

const EN_SUPP = w('(?:,? supplementing the united nations convention against transnational organi[sz]ed crime)?');
const FR_SUPP = w("(?:,? additionnel à la convention des nations unies contre la criminalité transnationale organisée)?");
const ES_SUPP = w('(?:,? que complementa la convención de las naciones unidas contra la delincuencia organizada transnacional)?');
const RU_SUPP = w('(?:,? дополняющ\\p{L}* конвенцию организации объединенных наций против транснациональной организованной преступности)?');
const AR_SUPP = w('(?:،? المكمل لاتفاقي[ةه] الامم المتحد[ةه] لمكافح[ةه] الجريم[ةه] المنظم[ةه] عبر الوطني[ةه])?');

const KNOWN: Record<Lang, Pattern[]> = {
  en: [
    ['UNTOC', w('united nations convention against transnational organi[sz]ed crime')],
    ['UNTOC', w('convention against transnational organi[sz]ed crime')],
    ['UNTOC', w('organi[sz]ed crime convention')],
    ['UNTOC', w('palermo convention')],
    ['UNTOC', 'untoc\\b'],
    ['TIP', w(`protocol to prevent, suppress and punish trafficking in persons, especially women and children${EN_SUPP}`)],
    ['TIP', w('(?:trafficking in persons|human trafficking|trafficking) protocol')],
    ['TIP', w('protocol on trafficking in persons')],
    ['SOM', w(`protocol against the smuggling of migrants by land, sea and air${EN_SUPP}`)],
    ['SOM', w('protocol against the smuggling of migrants')],
    ['SOM', w('(?:smuggling of migrants|migrant smuggling|migrants) protocol')],
    ['FIR', w(`protocol against the illicit manufacturing of and trafficking in firearms, their parts and components and ammunition${EN_SUPP}`)],
    ['FIR', w('firearms protocol')],
    ['UNCAC', w('(?:united nations )?convention against corruption')],
    ['UNCAC', 'uncac\\b'],
    ['DRUG1988', w('(?:united nations )?convention against illicit traffic in narcotic drugs and psychotropic substances(?:,? of 1988)?')],
    ['DRUG1988', w('1988 (?:drug |narcotics? )?convention')],
  ],
  fr: [
    ['UNTOC', w('convention des nations unies contre la criminalité transnationale organisée')],
    ['UNTOC', w('convention contre la criminalité (?:transnationale )?organisée')],
    ['UNTOC', w('convention de palerme')],
    ['TIP', w(`protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants${FR_SUPP}`)],
    ['TIP', w('protocole (?:relatif à|sur|contre) la traite(?: des personnes)?')],
    ['SOM', w(`protocole contre le trafic illicite de migrants par terre, mer et air${FR_SUPP}`)],
    ['SOM', w('protocole (?:relatif au|sur le|contre le) trafic (?:illicite )?de migrants')],
    ['SOM', w('protocole relatif aux migrants')],
    ['FIR', w(`protocole contre la fabrication et le trafic illicites d'armes à feu, de leurs pièces, éléments et munitions${FR_SUPP}`)],
    ['FIR', w('protocole (?:relatif aux|sur les) armes à feu')],
    ['UNCAC', w('convention (?:des nations unies )?contre la corruption')],
    ['DRUG1988', w('convention (?:des nations unies )?contre le trafic illicite de stupéfiants et de substances psychotropes(?: de 1988)?')],
    ['DRUG1988', w('convention de 1988')],
  ],
  es: [
    ['UNTOC', w('convención de las naciones unidas contra la delincuencia organizada transnacional')],
    ['UNTOC', w('convención contra la delincuencia organizada(?: transnacional)?')],
    ['UNTOC', w('convención de palermo')],
    ['TIP', w(`protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente mujeres y niños${ES_SUPP}`)],
    ['TIP', w('protocolo (?:contra|sobre|relativo a|de) (?:la )?trata de personas')],
    ['SOM', w(`protocolo contra el tráfico ilícito de migrantes por tierra, mar y aire${ES_SUPP}`)],
    ['SOM', w('protocolo (?:contra el|sobre el|relativo al|de) tráfico (?:ilícito )?de migrantes')],
    ['SOM', w('protocolo (?:relativo a los|sobre los|de) migrantes')],
    ['FIR', w(`protocolo contra la fabricación y el tráfico ilícitos de armas de fuego, sus piezas y componentes y municiones${ES_SUPP}`)],
    ['FIR', w('protocolo (?:sobre|relativo a las|de|contra las) armas de fuego')],
    ['UNCAC', w('convención (?:de las naciones unidas )?contra la corrupción')],
    ['DRUG1988', w('convención (?:de las naciones unidas )?contra el tráfico ilícito de estupefacientes y sustancias p?sicotrópicas(?: de 1988)?')],
    ['DRUG1988', w('convención de 1988')],
  ],
  ru: [
    ['UNTOC', w('конвенци\\p{L}* (?:организации объединенных наций )?против транснациональной организованной преступности')],
    ['UNTOC', w('конвенци\\p{L}* (?:против|об) организованной преступности')],
    ['UNTOC', w('палермск\\p{L}* конвенци\\p{L}*')],
    ['TIP', w(`протокол\\p{L}* о предупреждении и пресечении торговли людьми, особенно женщинами и детьми, и наказании за нее${RU_SUPP}`)],
    ['TIP', w('протокол\\p{L}* (?:о|против) торговл\\p{L}* людьми')],
    ['SOM', w(`протокол\\p{L}* против незаконного ввоза мигрантов(?: по суше, морю и воздуху)?${RU_SUPP}`)],
    ['SOM', w('протокол\\p{L}* о (?:незаконном ввозе )?мигрант\\p{L}*')],
    ['FIR', w(`протокол\\p{L}* против незаконного изготовления и оборота огнестрельного оружия, его составных частей и компонентов, а также боеприпасов к нему${RU_SUPP}`)],
    ['FIR', w('протокол\\p{L}* об огнестрельном оружии')],
    ['UNCAC', w('конвенци\\p{L}* (?:организации объединенных наций )?против коррупции')],
    ['DRUG1988', w('конвенци\\p{L}* (?:организации объединенных наций )?о борьбе против незаконного оборота наркотических средств и психотропных веществ(?: 1988 года)?')],
    ['DRUG1988', w('конвенци\\p{L}* 1988 года')],
  ],
  ar: [
    ['UNTOC', w('(?:[وفبل]|لل)?اتفاقي[ةه] (?:الامم المتحد[ةه] )?لمكافح[ةه] الجريم[ةه] المنظم[ةه] عبر الوطني[ةه]')],
    ['UNTOC', w('(?:[وفبل]|لل)?اتفاقي[ةه] الجريم[ةه] المنظم[ةه](?: عبر الوطني[ةه])?')],
    ['UNTOC', w('(?:[وفبل]|لل)?اتفاقي[ةه] باليرمو')],
    ['TIP', w(`(?:[وفبل]|لل)?بروتوكول منع وقمع ومعاقب[ةه] الاتجار بالاشخاص، وبخاص[ةه] النساء والاطفال${AR_SUPP}`)],
    ['TIP', w('(?:[وفبل]|لل)?بروتوكول الاتجار بالاشخاص')],
    ['TIP', w('(?:[وفبل]|لل)?البروتوكول المتعلق بالاتجار بالاشخاص')],
    ['SOM', w(`(?:[وفبل]|لل)?بروتوكول مكافح[ةه] تهريب المهاجرين عن طريق البر والبحر والجو${AR_SUPP}`)],
    ['SOM', w('(?:[وفبل]|لل)?بروتوكول (?:تهريب )?المهاجرين')],
    ['SOM', w('(?:[وفبل]|لل)?البروتوكول المتعلق بتهريب المهاجرين')],
    ['FIR', w(`(?:[وفبل]|لل)?بروتوكول مكافح[ةه] صنع الاسلح[ةه] الناري[ةه] واجزائها ومكوناتها والذخير[ةه] والاتجار بها بصور[ةه] غير مشروع[ةه]${AR_SUPP}`)],
    ['FIR', w('(?:[وفبل]|لل)?بروتوكول الاسلح[ةه] الناري[ةه]')],
    ['FIR', w('(?:[وفبل]|لل)?البروتوكول المتعلق بالاسلح[ةه] الناري[ةه]')],
    ['UNCAC', w('(?:[وفبل]|لل)?اتفاقي[ةه] (?:الامم المتحد[ةه] )?لمكافح[ةه] الفساد')],
    ['DRUG1988', w('(?:[وفبل]|لل)?اتفاقي[ةه] (?:الامم المتحد[ةه] )?لمكافح[ةه] الاتجار غير المشروع في المخدرات والمؤثرات العقلي[ةه](?: لسن[ةه] 1988| لعام 1988)?')],
    ['DRUG1988', w('(?:[وفبل]|لل)?(?:ال)?اتفاقي[ةه] (?:سن[ةه]|عام|لسن[ةه]|لعام) 1988')],
  ],
  zh: [
    ['TIP', zhw('(?:联合国打击跨国有组织犯罪)?(?:公约)?关于预防、禁止和惩治贩运人口特别是妇女(?:和)?儿童行为的补充议定书')],
    ['TIP', zhw('(?:贩运人口|人口贩运)议定书')],
    ['SOM', zhw('(?:联合国打击跨国有组织犯罪)?(?:公约)?关于打击陆、海、空偷运移民的补充议定书')],
    ['SOM', zhw('(?:偷运)?移民议定书')],
    ['FIR', zhw('(?:联合国打击跨国有组织犯罪)?(?:公约)?关于打击非法制造和贩运枪支及其零部件和弹药的补充议定书')],
    ['FIR', zhw('枪支议定书')],
    ['UNTOC', zhw('(?:联合国)?打击跨国(?:有)?组织犯罪公约')],
    ['UNTOC', zhw('有组织犯罪公约')],
    ['UNTOC', zhw('巴勒莫公约')],
    ['UNCAC', zhw('(?:联合国)?反腐败公约')],
    ['DRUG1988', zhw('(?:联合国)?禁止非法贩运麻醉药品和精神药物公约')],
    ['DRUG1988', zhw('1988年公约')],
  ],
};

const compiled = new Map<Lang, RegExp[]>();
function knownRegexes(lang: Lang): RegExp[] {
  let r = compiled.get(lang);
  if (!r) {
    r = KNOWN[lang].map(([, src]) => new RegExp(src, 'gu'));
    compiled.set(lang, r);
  }
  return r;
}

const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** Generic "the Convention" / "the Protocol" by language: [regex on shadow, kind, check(original, match)]. */
interface Generic {
  re: RegExp;
  kind: 'UNTOC' | 'PROTOCOL';
  /** Words that, right after, make it the name of some other treaty ("Convention on Cybercrime"). */
  notBefore: RegExp;
  /** Needs a capital letter in the original (Latin/Cyrillic). */
  capital: boolean;
  /** Word(s) that must come right before it (article/determiner), or null. */
  after: RegExp | null;
}

const GENERIC: Record<Lang, Generic[]> = {
  en: [
    { re: /\bconvention(?!s)\b/gu, kind: 'UNTOC', capital: true, after: /(?:^|\s)(?:the|this|that|said|present|same)\s+$/u, notBefore: /^\s+(?:on|against|for|relating|concerning|of\s+\d|establishing|between|to)\b/u },
    { re: /\bprotocol(?!s)\b/gu, kind: 'PROTOCOL', capital: true, after: /(?:^|\s)(?:the|this|that|said|present|same)\s+$/u, notBefore: /^\s+(?:on|against|for|relating|concerning|of\s+\d|to|amending|additional)\b/u },
  ],
  fr: [
    { re: /\bconvention(?!s)\b/gu, kind: 'UNTOC', capital: true, after: /(?:^|[\s'])(?:la|l'|cette|ladite|présente|même)\s*$/u, notBefore: /^\s+(?:de|du|des|sur|contre|relative|européenne|interaméricaine|concernant|pour|unique|internationale|arabe|africaine)\b/u },
    { re: /\bprotocole(?!s)\b/gu, kind: 'PROTOCOL', capital: true, after: /(?:^|[\s'])(?:le|ce|ledit|présent|même)\s*$/u, notBefore: /^\s+(?:de|du|des|sur|contre|relatif|facultatif|additionnel|portant|concernant|se\s+rapportant)\b/u },
  ],
  es: [
    { re: /\bconvención(?!es)(?![\p{L}])/gu, kind: 'UNTOC', capital: true, after: /(?:^|\s)(?:la|esta|dicha|presente|misma)\s+$/u, notBefore: /^\s+(?:de|del|sobre|contra|relativa|europea|interamericana|para|única|internacional|árabe|africana)\b/u },
    { re: /\bprotocolo(?!s)(?![\p{L}])/gu, kind: 'PROTOCOL', capital: true, after: /(?:^|\s)(?:el|este|dicho|presente|mismo)\s+$/u, notBefore: /^\s+(?:de|del|sobre|contra|relativo|facultativo|adicional|para)\b/u },
  ],
  ru: [
    { re: /(?<![\p{L}])конвенци(?:я|и|ю|ей|ею|ях|ям)(?![\p{L}])/gu, kind: 'UNTOC', capital: true, after: null, notBefore: /^\s+(?:о|об|против|по|относительно|совета|организации|\d)(?![\p{L}])/u },
    { re: /(?<![\p{L}])протокол(?:а|у|ом|е)?(?![\p{L}])/gu, kind: 'PROTOCOL', capital: true, after: null, notBefore: /^\s+(?:о|об|против|по|относительно|к)(?![\p{L}])/u },
  ],
  ar: [
    { re: /(?<![\p{L}])(?:[وفب]|لل|وب|ول|فب|ول)?(?:ال)?اتفاقي[ةه](?![\p{L}])/gu, kind: 'UNTOC', capital: false, after: null, notBefore: /^\s+(?:الاوروبي|الامريكي|العربي|المتعلق|بشان|الخاص|الوحيد|الدولي|لعام|لسن|الافريقي|مجلس|فيينا|حقوق|[^\s]*\d)/u },
    { re: /(?<![\p{L}])(?:[وفب]|لل|وب|ول|فب)?(?:ال)?بروتوكول(?![\p{L}])/gu, kind: 'PROTOCOL', capital: false, after: null, notBefore: /^\s+(?:الاختياري|الاضافي|المتعلق|الخاص|بشان)/u },
  ],
  zh: [],
};

/** Classification of a Chinese title in 《…》 (or of a bare name before 第…条). */
export function classifyZhTitle(rawTitle: string): MentionKind {
  const t = rawTitle.replace(/\s+/g, '');
  if (/反腐败/.test(t)) return 'UNCAC';
  if (/麻醉药品|精神药物|^1988年公约$|^《?1988年/.test(t)) return 'DRUG1988';
  if (/议定书$/.test(t)) {
    if (/任择|附加|选择/.test(t)) return 'OTHER';
    if (/贩运人口|人口贩运|贩卖人口/.test(t)) return 'TIP';
    if (/移民/.test(t)) return 'SOM';
    if (/枪支|火器/.test(t)) return 'FIR';
    if (/^(?:本|该|此|这一)?议定书$/.test(t)) return 'PROTOCOL';
    return 'OTHER';
  }
  if (/公约$/.test(t)) {
    if (/有组织犯罪|跨国组织犯罪|巴勒莫/.test(t)) return 'UNTOC';
    if (/^(?:本|该|此|这一)?公约$/.test(t)) return 'UNTOC';
    return 'OTHER';
  }
  return 'OTHER';
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** All instrument mentions in the document (and OTHER for Chinese titles naming something else), sorted, non-overlapping. */
export function findMentions(ctx: DocContext): Mention[] {
  const { sh, text, lang } = ctx;
  const raw: { start: number; end: number; kind: MentionKind; label: string; prio: number }[] = [];
  const patterns = KNOWN[lang];
  knownRegexes(lang).forEach((re, i) => {
    re.lastIndex = 0;
    for (const m of sh.matchAll(re)) {
      // Latin/Cyrillic/Arabic names must start at a word boundary.
      if (lang !== 'zh' && m.index > 0 && /[\p{L}\p{N}]/u.test(sh[m.index - 1]!)) continue;
      raw.push({ start: m.index, end: m.index + m[0].length, kind: patterns[i]![0], label: collapse(text.slice(m.index, m.index + m[0].length)), prio: 2 });
    }
  });
  for (const g of GENERIC[lang]) {
    g.re.lastIndex = 0;
    for (const m of sh.matchAll(g.re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (g.capital && !isUpper(text[s])) continue;
      if (g.after && !g.after.test(sh.slice(Math.max(0, s - 20), s))) continue;
      const other = g.notBefore.test(sh.slice(e, e + 40));
      // Another treaty: its name runs to the next punctuation ("Convention européenne d'entraide judiciaire en matière pénale").
      const labelEnd = other ? s + (/^[^,;:.()\n]{0,80}/u.exec(text.slice(s))![0].replace(/\s+(?:and|et|y|и|و|or|ou|o)\s.*$/u, '').trimEnd().length) : e;
      raw.push({ start: s, end: e, kind: other ? 'OTHER' : g.kind, label: collapse(text.slice(s, labelEnd)), prio: 1 });
    }
  }
  if (lang === 'zh') {
    for (const m of sh.matchAll(/《([^《》]{1,200})》/g)) {
      const kind = classifyZhTitle(m[1]!);
      raw.push({ start: m.index, end: m.index + m[0].length, kind, label: collapse(m[1]!).replace(/\s+/g, ''), prio: 3 });
    }
  }
  raw.sort((a, b) => a.start - b.start || b.prio - a.prio || b.end - a.end);
  const out: Mention[] = [];
  let lastEnd = -1;
  let lastProtocol: Instrument | null = null;
  for (const r of raw) {
    if (r.start < lastEnd) continue;
    lastEnd = r.end;
    let instrument: Instrument | null = null;
    if (r.kind === 'PROTOCOL') instrument = lastProtocol;
    else if (r.kind !== 'OTHER') instrument = r.kind;
    if (r.kind === 'TIP' || r.kind === 'SOM' || r.kind === 'FIR') lastProtocol = r.kind;
    out.push({ start: r.start, end: r.end, kind: r.kind, instrument, label: r.label });
  }
  return out;
}

/** Mentions by start offset, and the last one ending at or before a position. */
export class MentionIndex {
  readonly byStart = new Map<number, Mention>();
  constructor(readonly mentions: Mention[]) {
    for (const m of mentions) this.byStart.set(m.start, m);
  }
  /** The last mention (of an instrument: not OTHER) ending at or before pos and starting at or after from. */
  lastBefore(pos: number, from: number): Mention | null {
    let lo = 0;
    let hi = this.mentions.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.end <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = best; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.start < from) return null;
      if (m.kind !== 'OTHER') return m;
    }
    return null;
  }
  /** The last Protocol (TIP/SOM/FIR) mentioned before pos. */
  lastProtocolBefore(pos: number): Instrument | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end > pos) continue;
      if (m.kind === 'TIP' || m.kind === 'SOM' || m.kind === 'FIR') return m.kind;
    }
    return null;
  }
}

/** Connector between an article phrase and the name of what it belongs to ("of the", "du", "de la", "من"). */
const QUAL_GAP: Record<Lang, RegExp> = {
  en: /\s*,?\s*(?:of|in|under)\s+(?:the\s+|its\s+|their\s+|this\s+|that\s+|his\s+|her\s+|our\s+)?(?:present\s+|said\s+|same\s+|above-mentioned\s+)?/uy,
  fr: /\s*,?\s*(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+son\s+|de\s+sa\s+|de\s+leur\s+|de\s+ce\s+|de\s+cette\s+|de\s+)(?:présente\s+|même\s+)?/uy,
  es: /\s*,?\s*(?:de\s+la\s+|del\s+|de\s+los\s+|de\s+las\s+|de\s+su\s+|de\s+esta\s+|de\s+este\s+|de\s+)(?:presente\s+|misma\s+|mismo\s+)?/uy,
  ru: /\s*,?\s*(?:(?:настоящ|данн|указанн|эт|сам)\p{L}*\s+)?/uy,
  ar: /\s*،?\s*(?:من|في)\s+/uy,
  zh: /(?!)/uy,
};

/**
 * Heads of names of things that have articles but are not one of the instruments, at the position after
 * the connector: "Criminal Code", "Budapest Convention", "Code pénal", "règlement intérieur",
 * "Código Penal", "Уголовного кодекса", "النظام الداخلي". Words before the head must be capitalized in
 * the original (checked in code), except in Russian, where they are adjectives.
 */
const OTHER_HEAD: Record<Lang, RegExp> = {
  en: /(?<pre>(?:[\p{L}\d'-]+\s+(?:(?:of|and|the|on)\s+)*){0,4}?)(?:code|law|act|constitution|decree|ordinance|statute|regulations?|convention|protocol|treaty|agreement|charter|rules\s+of\s+procedure|covenant)(?![\p{L}])/uy,
  fr: /(?<pre>)(?:code|loi|constitution|décret|ordonnance|statut|règlement(?:\s+intérieur)?|convention|protocole|traité|accord|charte|pacte)(?![\p{L}])(?:\s+(?:pénal|pénale|civil|civile|intérieur|de\s+procédure\s+pénale|national|nationale|européenne|interaméricaine))?/uy,
  es: /(?<pre>)(?:código|ley|constitución|decreto|reglamento|estatuto|convención|convenio|protocolo|tratado|acuerdo|carta|pacto)(?![\p{L}])(?:\s+(?:penal|civil|interno|de\s+procedimiento\s+penal|nacional|europeo|europea|interamericana))?/uy,
  ru: /(?<pre>(?:\p{L}+(?:ого|его|ой|ей|ых|их|ому|ым)\s+){0,3})(?:кодекс|закон|конституц|указ|правил|регламент|устав|конвенц|протокол|договор|соглашен|хартии|пакт)\p{L}*(?:\s+процедуры)?/uy,
  ar: /(?<pre>)(?:ال)?(?:قانون|دستور|نظام الداخلي|النظام الداخلي|مرسوم|لائح[ةه]|اتفاقي[ةه]|بروتوكول|معاهد[ةه]|اتفاق|ميثاق|مدون[ةه]|نظام)(?![\p{L}])(?:\s+(?:ال)?(?:داخلي|عقوبات|جنائي|الاجراءات الجنائيه?|[\p{L}]+يه?))?/uy,
  zh: /(?!)/uy,
};

/** Connectors and capitalized words that continue a proper name: "Code of Mexico", "règlement intérieur de la Conférence". */
const NAME_TAIL = /(?:\s+(?:(?:of|on|for|against|in|the|and|de|du|des|d'|la|le|les|l'|del|los|las|y|e|en|sobre|contra|relatif|relative|à|au|aux)\s*)*\p{Lu}[\p{L}'’-]*)*/uy;

function properNameEnd(text: string, pos: number): number {
  NAME_TAIL.lastIndex = pos;
  const m = NAME_TAIL.exec(text);
  return m ? pos + m[0].length : pos;
}

function otherLabel(text: string, start: number, end: number): string {
  let label = collapse(text.slice(start, end)).replace(/[,;:]$/, '');
  if (label.length > 80) label = label.slice(0, 80).trim();
  return label;
}

export interface Qualifier {
  instrument: Instrument | null;
  /** Set when the article belongs to something that is not an instrument. */
  target: string | null;
  /** Where the qualifier (the name) ends. */
  end: number;
}

/**
 * The name right after an article phrase that says what the article belongs to ("… of the Trafficking in
 * Persons Protocol", "… du règlement intérieur", "… Уголовного кодекса", "… من الاتفاقية"), or null.
 */
export function qualifierAfter(ctx: DocContext, mentions: MentionIndex, pos: number): Qualifier | null {
  const gap = QUAL_GAP[ctx.lang];
  gap.lastIndex = pos;
  const g = gap.exec(ctx.sh);
  const at = g ? pos + g[0].length : pos;
  // The mention may also start with a determiner the gap did not take.
  for (const p of [at, pos]) {
    const m = mentions.byStart.get(p) ?? nearMention(mentions, ctx.sh, p);
    if (m) {
      if (m.kind === 'OTHER') return { instrument: null, target: m.label, end: m.end };
      if (m.kind === 'PROTOCOL' && !m.instrument) return { instrument: null, target: m.label, end: m.end };
      return { instrument: m.instrument, target: null, end: m.end };
    }
  }
  if (!g && ctx.lang !== 'ru') return null;
  const head = OTHER_HEAD[ctx.lang];
  head.lastIndex = at;
  const h = head.exec(ctx.sh);
  if (!h) return null;
  const pre = h.groups?.pre ?? '';
  if (pre && ctx.lang === 'en') {
    // Words before the head must be part of a name: "Criminal Code", "Budapest Convention", not "present report and the Convention".
    const words = ctx.text.slice(at, at + pre.length).trim().split(/\s+/);
    if (!words.every((w) => /^\p{Lu}/u.test(w) || /^(?:of|and|the|on)$/.test(w))) return null;
  }
  const headEnd = at + h[0].length;
  const end = ctx.lang === 'ar' ? headEnd : properNameEnd(ctx.text, headEnd);
  return { instrument: null, target: otherLabel(ctx.text, at, end), end };
}

/** A mention starting within a determiner or two of pos ("the", "la", "el"). */
function nearMention(mentions: MentionIndex, sh: string, pos: number): Mention | undefined {
  const m = /(?:the|la|le|l'|el|los|las|les)\s+/uy;
  m.lastIndex = pos;
  const r = m.exec(sh);
  return r ? mentions.byStart.get(pos + r[0].length) : undefined;
}
