/**
 * Recommendations: which paragraphs (or lettered sub-paragraphs) of a "Recommendations" chapter or section are
 * recommendations, and to whom each is addressed (States, the secretariat/UNODC, the Conference, a working
 * group, others). Addressees are read from the grammar of the sentence: the subject of "should" / "应" /
 * "devraient" / "deberían" / "следует" (before it; after "ينبغي" in Arabic), and the object of "recommends",
 * "encourages", "invites", "建议", "鼓励" … (after it).
 */
import { RECOMMENDATIONS_HEADING, RECOMMENDATIONS_INTRO } from './lexicon.ts';
import { fold } from './text.ts';
import type { Addressee, Chapter, Paragraph, Recommendation, Section, UnLang } from './types.ts';

const B = '(?<!\\p{L})';
const E = '(?!\\p{L})';
const AR_PRE = '(?:و|ف)?(?:لل|بال|ال|ل|ب)?';

type Entities = Record<Addressee, RegExp>;
const ENTITIES: Record<UnLang, Entities> = {
  en: {
    states: new RegExp(`${B}(?:member states|states? parties|state party|signatory states|requesting states|requested states|states|countries|governments|national authorities|competent authorities)${E}`, 'gu'),
    secretariat: new RegExp(`${B}(?:the secretariat|secretariat|unodc|united nations office on drugs and crime|the office)${E}`, 'gu'),
    conference: new RegExp(`${B}(?:conference of the parties|the conference|conference)${E}`, 'gu'),
    'working-group': new RegExp(`${B}(?:working groups?)${E}`, 'gu'),
    other: new RegExp(`${B}(?:(?:international|intergovernmental|regional|relevant) organizations|donors?|civil society|private sector|interpol|general assembly|the commission)${E}`, 'gu'),
  },
  fr: {
    states: new RegExp(`${B}(?:états? parties|état partie|états membres|états signataires|états|pays|gouvernements|autorités nationales|autorités compétentes)${E}`, 'gu'),
    secretariat: new RegExp(`${B}(?:secrétariat|onudc|office des nations unies contre la drogue et le crime|l'office)${E}`, 'gu'),
    conference: new RegExp(`${B}(?:conférence des parties|conférence)${E}`, 'gu'),
    'working-group': new RegExp(`${B}(?:groupes? de travail)${E}`, 'gu'),
    other: new RegExp(`${B}(?:organisations (?:internationales|intergouvernementales|régionales)|donateurs|bailleurs de fonds|société civile|secteur privé|interpol|assemblée générale)${E}`, 'gu'),
  },
  es: {
    states: new RegExp(`${B}(?:estados? partes?|estados miembros|estados signatarios|estados|países|paises|gobiernos|autoridades nacionales|autoridades competentes)${E}`, 'gu'),
    secretariat: new RegExp(`${B}(?:secretaría|secretaria|unodc|oficina de las naciones unidas contra la droga y el delito|la oficina)${E}`, 'gu'),
    conference: new RegExp(`${B}(?:conferencia de las partes|conferencia)${E}`, 'gu'),
    'working-group': new RegExp(`${B}(?:grupos? de trabajo)${E}`, 'gu'),
    other: new RegExp(`${B}(?:organizaciones (?:internacionales|intergubernamentales|regionales)|donantes|sociedad civil|sector privado|interpol|asamblea general)${E}`, 'gu'),
  },
  ru: {
    states: new RegExp(
      `${B}(?:государств(?:о|а|у|ом|е|ам|ами|ах)?(?:\\s*-\\s*(?:участник|член)\\p{L}*|участник\\p{L}*)?|стран(?:а|ы|е|у|ой|ам|ами|ах)?|правительств(?:о|а|у|ам|ами)?|национальн\\p{L}* орган\\p{L}*|компетентн\\p{L}* орган\\p{L}*)${E}`,
      'gu',
    ),
    secretariat: new RegExp(`${B}(?:секретариат\\p{L}*|юнодк|унп оон|управлени\\p{L}* организации объединенных наций по наркотикам и преступности)${E}`, 'gu'),
    conference: new RegExp(`${B}(?:конференци\\p{L}*)${E}`, 'gu'),
    'working-group': new RegExp(`${B}(?:рабоч\\p{L}+ групп\\p{L}*)${E}`, 'gu'),
    other: new RegExp(`${B}(?:международн\\p{L}* организаци\\p{L}*|межправительственн\\p{L}* организаци\\p{L}*|донор\\p{L}*|гражданск\\p{L}* обществ\\p{L}*|частн\\p{L}* сектор\\p{L}*|интерпол\\p{L}*|генеральн\\p{L}* ассамбле\\p{L}*)${E}`, 'gu'),
  },
  ar: {
    states: new RegExp(`${B}${AR_PRE}(?:دول(?:ة)?(?:\\s+(?:ال)?(?:اطراف|طرف|اعضاء|عضو|الموقعة))?|بلدان|حكومات)${E}`, 'gu'),
    secretariat: new RegExp(`${B}${AR_PRE}(?:امانة|مكتب الامم المتحدة المعني بالمخدرات والجريمة|مكتب المخدرات والجريمة|مكتب)${E}`, 'gu'),
    conference: new RegExp(`${B}${AR_PRE}(?:مؤتمر(?:\\s+الاطراف)?)${E}`, 'gu'),
    'working-group': new RegExp(`${B}${AR_PRE}(?:فريق\\s+(?:ال)?عامل|افرقة\\s+(?:ال)?عاملة)${E}`, 'gu'),
    other: new RegExp(`${B}${AR_PRE}(?:منظمات (?:ال)?(?:دولية|حكومية الدولية|اقليمية)|جهات المانحة|مجتمع المدني|قطاع الخاص|انتربول|جمعية العامة)${E}`, 'gu'),
  },
  zh: {
    states: /缔约国|签署国|会员国|成员国|各国|有关国家|国家(?!立法|一级|层面|主管|法律|法|机构|当局)|政府(?!间)/gu,
    secretariat: /秘书处|毒品和犯罪问题办公室|毒品和犯罪办公室/gu,
    conference: /缔约方会议/gu,
    'working-group': /工作组/gu,
    other: /政府间组织|国际组织|区域组织|捐助方|捐助者|民间社会|私营部门|国际刑警组织|大会/gu,
  },
};

/** Modal verbs: the addressee is the subject before them (Arabic: after them). */
const MODALS: Record<UnLang, RegExp> = {
  en: /(?<!\p{L})(?:should|shall|must|(?:is|are|were|was|be) (?:encouraged|invited|urged|requested|called upon) to|(?:is|are) recommended to)(?!\p{L})/gu,
  fr: /(?<!\p{L})(?:devrai(?:t|ent)|devr(?:ait|aient|ont|a)|doi(?:t|vent)|(?:est|sont) (?:encouragée?s?|invitée?s?|priée?s?) (?:à|de))(?!\p{L})/gu,
  es: /(?<!\p{L})(?:deber(?:ía|ían|ia|ian|á|án|a|an)|deben?|(?:es|son) (?:alentad|invitad|instad)[oa]s? a)(?!\p{L})/gu,
  ru: /(?<!\p{L})(?:следует|должн(?:ы|а|о)?|необходимо|надлежит)(?!\p{L})/gu,
  ar: /(?<!\p{L})(?:ينبغي|يجب|يتعين)(?!\p{L})/gu,
  zh: /应当|应该|必须|(?<![相反供适响回效感答顺呼照报])应(?![对用邀急变付聘届])/gu,
};

/** Recommending / encouraging verbs: the addressee is their object, after them. */
const VERBS: Record<UnLang, RegExp> = {
  en: /(?<!\p{L})(?:recommend(?:s|ed)?|encourage(?:s|d)?|invite(?:s|d)?|urge(?:s|d)?|call(?:s|ed)? (?:up)?on|request(?:s|ed)?)(?!\p{L})/gu,
  fr: /(?<!\p{L})(?:recommande(?:nt)?|a recommandé|encourage(?:nt)?|a encouragé|invite(?:nt)?|a invité|prie(?:nt)?|a prié|exhorte(?:nt)?|engage(?:nt)?)(?!\p{L})/gu,
  es: /(?<!\p{L})(?:recomienda(?:n)?|recomendó|recomendaron|alienta(?:n)?|alentó|invita(?:n)?|invitó|insta(?:n)?|instó|exhorta(?:n)?|exhortó|pide(?:n)?|pidió|solicita(?:n)?|solicitó)(?!\p{L})/gu,
  ru: /(?<!\p{L})(?:рекомендова(?:ла|л|ли|ть)|рекомендует|рекомендуется|призыва(?:ет|ла|ли)|призвала|предлага(?:ет|ла|ли)|предложила|просит|просила)(?!\p{L})/gu,
  ar: /(?<!\p{L})(?:يوصي|توصي|اوصى|اوصت|يشجع|تشجع|شجع|شجعت|يدعو|تدعو|دعا|دعت|يحث|تحث|حث|حثت|يطلب|تطلب|طلب|طلبت|يهيب|تهيب|اهاب|اهابت)(?!\p{L})/gu,
  zh: /(?<=工作组|还|并|也|会议|专家组|同时)建议|鼓励|促请|敦促|吁请|邀请|(?<=^|[，。；：、]|还|并|也|工作组|会议)请(?![求示愿])/gu,
};

/** Words before an entity that make it an object, not a subject ("with States", "与秘书处"). */
const OBJECT_BEFORE: Record<UnLang, RegExp> = {
  en: /(?:^|\s)(?:with|of|to|for|by|from|among|between|in|the assistance of)\s+(?:the\s+)?$/u,
  fr: /(?:^|\s)(?:avec|de|des|du|à|aux|pour|par|entre|parmi)\s+(?:les?\s+|la\s+|l')?$/u,
  es: /(?:^|\s)(?:con|de|del|a|al|para|por|entre)\s+(?:los?\s+|las?\s+|el\s+)?$/u,
  ru: /(?:^|\s)(?:с|со|для|от|между|среди|к|по)\s+$/u,
  ar: /(?:^|\s)(?:مع|من|الى|على|بين|عن)\s+$/u,
  zh: /[与同向对给为跟]$/u,
};

const CONJ: Record<UnLang, RegExp> = {
  en: /^(?:\s|,|and|or|the|their|as well as)*$/u,
  fr: /^(?:\s|,|et|ou|les|la|le|l'|ainsi que)*$/u,
  es: /^(?:\s|,|y|e|o|los|las|la|el|así como)*$/u,
  ru: /^(?:\s|,|и|или|а также)*$/u,
  ar: /^(?:\s|،|,|و|او)*$/u,
  zh: /^(?:\s|、|，|和|及|以及|与|或)*$/u,
};

const SHARED_SUBJECT: Record<UnLang, RegExp> = {
  en: /(?:,|\s)(?:and|or|but)\s+(?:also\s+)?$/u,
  fr: /(?:,|\s)(?:et|ou|mais)\s+(?:aussi\s+)?$/u,
  es: /(?:,|\s)(?:y|e|o|pero)\s+(?:también\s+)?$/u,
  ru: /(?:,|\s)(?:и|или|а|но)\s+(?:также\s+)?$/u,
  ar: /$^/u,
  zh: /[，,；]\s*(?:并且|而且|并|且|也|还|同时)$/u,
};

const CLAUSE_END: Record<'zh' | 'other', RegExp> = { zh: /[。；;！？!?：:]/u, other: /[.;!?:؛]/u };

interface Mention {
  cls: Addressee;
  index: number;
  end: number;
}

function mentions(text: string, lang: UnLang): Mention[] {
  const all: Mention[] = [];
  for (const [cls, re] of Object.entries(ENTITIES[lang]) as [Addressee, RegExp][]) {
    for (const m of text.matchAll(re)) all.push({ cls, index: m.index, end: m.index + m[0].length });
  }
  // Overlaps: the longer mention wins ("政府间组织" over "政府", "conference of the parties" over "parties").
  all.sort((a, b) => a.index - b.index || b.end - b.index - (a.end - a.index));
  const out: Mention[] = [];
  for (const m of all) {
    const last = out[out.length - 1];
    if (last && m.index < last.end) continue;
    out.push(m);
  }
  return out;
}

function isObject(text: string, m: Mention, lang: UnLang): boolean {
  return OBJECT_BEFORE[lang].test(text.slice(Math.max(0, m.index - 24), m.index));
}

/** The mention nearest before `pos` within the clause, with the ones coordinated with it. */
function subjectBefore(text: string, pos: number, lang: UnLang, ms: Mention[]): Addressee[] {
  const clauseRe = CLAUSE_END[lang === 'zh' ? 'zh' : 'other'];
  let start = 0;
  for (let i = pos - 1; i >= 0; i--) {
    if (clauseRe.test(text[i]!) && !/\d/.test(text[i + 1] ?? '')) {
      start = i + 1;
      break;
    }
  }
  const maxDist = lang === 'zh' ? 30 : 140;
  const cands = ms.filter((m) => m.end <= pos && m.index >= start && !isObject(text, m, lang));
  const nearest = cands[cands.length - 1];
  if (!nearest || pos - nearest.end > maxDist) return [];
  // In Chinese a comma may separate the subject from an adverbial phrase, not the reverse; prefer a subject
  // after the last comma when there is one.
  const out = new Set<Addressee>([nearest.cls]);
  for (let i = cands.length - 2; i >= 0; i--) {
    const gap = text.slice(cands[i]!.end, cands[i + 1]!.index);
    if (!CONJ[lang].test(gap)) break;
    out.add(cands[i]!.cls);
  }
  return [...out];
}

/** The first mention after `pos` within the clause, with the ones coordinated with it. */
function objectAfter(text: string, pos: number, lang: UnLang, ms: Mention[], skipAuthor: boolean): Addressee[] {
  const clauseRe = CLAUSE_END[lang === 'zh' ? 'zh' : 'other'];
  let end = text.length;
  for (let i = pos; i < text.length; i++) {
    if (clauseRe.test(text[i]!) && !/\d/.test(text[i + 1] ?? '')) {
      end = i;
      break;
    }
  }
  const maxDist = lang === 'zh' ? 40 : 120;
  let cands = ms.filter((m) => m.index >= pos && m.end <= end);
  // VSO order (Arabic "يوصي الفريق العامل بأن …"): the working group right after the verb is its subject.
  if (skipAuthor && cands[0]?.cls === 'working-group' && /^\s*(?:the|el|la|le|ال)?\s*$/u.test(text.slice(pos, cands[0].index))) cands = cands.slice(1);
  const first = cands[0];
  if (!first || first.index - pos > maxDist) return [];
  const out = new Set<Addressee>([first.cls]);
  for (let i = 1; i < cands.length; i++) {
    const gap = text.slice(cands[i - 1]!.end, cands[i]!.index);
    if (!CONJ[lang].test(gap)) break;
    out.add(cands[i]!.cls);
  }
  return [...out];
}

const ORDER: Addressee[] = ['states', 'secretariat', 'conference', 'working-group', 'other'];

/**
 * The subject a text opens with ("Les États parties renforcent …", "(b) UNODC continue …" after "recommended
 * that:"), with the ones coordinated with it: the addressee of a sub-paragraph in the subjunctive, which has no
 * modal verb.
 */
export function leadingSubject(text: string, lang: UnLang): Addressee[] {
  const t = lang === 'zh' ? text : fold(text);
  const ms = mentions(t, lang);
  const first = ms[0];
  if (!first || first.index > (lang === 'zh' ? 6 : 30) || isObject(t, first, lang)) return [];
  if (lang !== 'zh' && /[,;:]/.test(t.slice(0, first.index))) return [];
  const out = new Set<Addressee>([first.cls]);
  for (let i = 1; i < ms.length; i++) {
    if (!CONJ[lang].test(t.slice(ms[i - 1]!.end, ms[i]!.index))) break;
    out.add(ms[i]!.cls);
  }
  return ORDER.filter((a) => out.has(a));
}

/** To whom a recommendation is addressed; empty when the text names no one. */
export function detectAddressees(text: string, lang: UnLang): Addressee[] {
  const t = lang === 'zh' ? text : fold(text);
  const ms = mentions(t, lang);
  if (!ms.length) return [];
  const found = new Set<Addressee>();
  for (const m of t.matchAll(MODALS[lang])) {
    // "…, and should review": the subject is the one of the previous verb.
    if (lang !== 'ar' && SHARED_SUBJECT[lang].test(t.slice(Math.max(0, m.index - 12), m.index))) continue;
    const r = lang === 'ar' ? objectAfter(t, m.index + m[0].length, lang, ms, false) : subjectBefore(t, m.index, lang, ms);
    r.forEach((a) => found.add(a));
  }
  for (const m of t.matchAll(VERBS[lang])) {
    const before = t.slice(Math.max(0, m.index - 6), m.index);
    if (lang === 'en' && /(?:is|are|was|were|be)\s$/.test(before)) continue;
    objectAfter(t, m.index + m[0].length, lang, ms, true).forEach((a) => found.add(a));
  }
  return ORDER.filter((a) => found.has(a));
}

/** The text asks someone to do something ("should", "应", "recommends that", "encourages" …). */
export function isPrescriptive(text: string, lang: UnLang): boolean {
  const t = lang === 'zh' ? text : fold(text);
  return has(MODALS[lang], t) || has(VERBS[lang], t);
}

/** `re.test` for a global RegExp without touching its lastIndex (which `matchAll` would inherit). */
function has(re: RegExp, t: string): boolean {
  re.lastIndex = 0;
  const r = re.test(t);
  re.lastIndex = 0;
  return r;
}

export function isRecommendationsHeading(title: string): boolean {
  return RECOMMENDATIONS_HEADING.test(fold(title));
}

/**
 * The recommendations of a document: every paragraph of a "Recommendations" chapter or section that asks
 * someone to do something, or, for a paragraph with lettered sub-paragraphs, each sub-paragraph.
 */
export function extractRecommendations(
  paragraphs: Paragraph[],
  chapters: Chapter[],
  looseSections: Section[],
  lang: UnLang,
): Recommendation[] {
  const chapterById = new Map(chapters.map((c) => [c.id, c]));
  const sectionById = new Map<string, Section>();
  for (const c of chapters) for (const s of c.sections) sectionById.set(s.id, s);
  for (const s of looseSections) sectionById.set(s.id, s);
  const out: Recommendation[] = [];
  for (const p of paragraphs) {
    const ch = p.chapterId ? chapterById.get(p.chapterId) : undefined;
    const sec = p.sectionId ? sectionById.get(p.sectionId) : undefined;
    const inScope = (ch && isRecommendationsHeading(ch.title)) || (sec && isRecommendationsHeading(sec.title));
    if (!inScope) continue;
    const sectionLabel = sec ? `${sec.label} ${sec.title}` : null;
    const base = { section: sectionLabel, sectionId: sec?.id ?? null, chapterId: ch?.id ?? null, paragraphNumber: p.number };
    const introIsIntro = RECOMMENDATIONS_INTRO.test(lang === 'zh' ? p.intro : fold(p.intro));
    if (p.subparagraphs.length) {
      const introPrescriptive = isPrescriptive(p.intro, lang);
      const introAddressees = detectAddressees(p.intro, lang);
      const colon = /[:：]\s*$/.test(p.intro);
      for (const s of p.subparagraphs) {
        if (!(isPrescriptive(s.text, lang) || introPrescriptive || colon)) continue;
        const grammatical = detectAddressees(s.text, lang);
        const own = grammatical.length ? grammatical : leadingSubject(s.text, lang);
        out.push({
          id: `rec__${s.id}`,
          number: out.length + 1,
          paragraph: s.id,
          subparagraph: s.letter,
          text: s.text,
          intro: p.intro,
          addressees: own.length ? own : introAddressees.length ? introAddressees : ['other'],
          ...base,
        });
      }
      continue;
    }
    if (!isPrescriptive(p.text, lang)) continue;
    const modalOnly = has(MODALS[lang], lang === 'zh' ? p.text : fold(p.text));
    if (introIsIntro && !modalOnly) continue;
    const grammatical = detectAddressees(p.text, lang);
    const addressees = grammatical.length ? grammatical : leadingSubject(p.text, lang);
    out.push({
      id: `rec__${p.id}`,
      number: out.length + 1,
      paragraph: p.id,
      subparagraph: null,
      text: p.text,
      intro: null,
      addressees: addressees.length ? addressees : ['other'],
      ...base,
    });
  }
  return out;
}
