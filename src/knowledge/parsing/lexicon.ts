/**
 * The words the parser looks for, in the six UN languages. Patterns are written for folded text (see
 * `fold`: lowercase, no Arabic diacritics, bare alef) unless said otherwise.
 */
import { compact } from './text.ts';
import type { BodyKey, UnLang } from './types.ts';

/** Exact headings (whole line, folded, trailing ":" and "*" removed). */
export const KEYWORD_HEADINGS: Record<'documentation' | 'annotations' | 'provisional-agenda', RegExp> = {
  documentation: /^(?:文件|documentation|documentación|documentacion|документация|الوثائق|documents)$/u,
  annotations: /^(?:说明|注释|annotations|anotaciones|аннотации|الشروح|شروح)$/u,
  'provisional-agenda': /^(?:临时议程|provisional agenda|ordre du jour provisoire|programa provisional|предварительная повестка дня|جدول الاعمال المؤقت)$/u,
};

/** Title (or heading) of a provisional agenda. */
export const AGENDA_TITLE = /临时议程|provisional agenda|ordre du jour provisoire|programa provisional|предварительная повестка дня|جدول الاعمال المؤقت/u;
export const REPORT_TITLE = /报告|^report\b|\breport on\b|\breport of\b|^rapport\b|\brapport (?:sur|de)\b|^informe\b|\binforme (?:sobre|de)\b|доклад|^تقرير|تقرير/u;
export const NOTE_SUBTITLE = /说明$|^note by|^note (?:du|de la) secr|^nota de la secretar|^записка секретариата|^مذكرة من الامانة/u;
export const BACKGROUND_SUBTITLE = /背景文件|工作文件|background paper|working paper|document d'information|document de travail|documento de antecedentes|documento de trabajo|справочный документ|рабочий документ|ورقة معلومات اساسية|ورقة عمل/u;

/** A heading that names the recommendations chapter or section. */
export const RECOMMENDATIONS_HEADING =
  /^(?:.{0,6}建议.{0,4}|.*建议)$|^(?:(?:conclusions?|summary) and )?recommendations?\b|\brecommendations$|^(?:conclusions? et )?recommandations\b|\brecommandations$|^(?:conclusiones y )?recomendaciones\b|\brecomendaciones$|^(?:выводы и )?рекомендаци|рекомендации$|^(?:الاستنتاجات و)?التوصيات|التوصيات$/u;

/** Title of an annex that lists documents. */
export const DOCUMENT_LIST_TITLE = /文件一览表|文件清单|所收到的文件|收到的文件|list of documents|documents before|liste des documents|documents dont|lista de documentos|documentos que tuvo|documentos presentados|перечень документов|список документов|документы, находившиеся|قائمة الوثائق|الوثائق المعروضة/u;

/** Column names of the documents and organization-of-work tables (folded). */
const TABLE_COLUMNS = /文号|文件号|文件编号|议程项目|标题或说明|日期和时间|(?<!\p{L})(?:document symbol|symbol|agenda item|title or description|date and time|cote|point de l'ordre du jour|titre ou description|signatura|tema del programa|título o descripción|titulo o descripcion|fecha y hora|условное обозначение|пункт повестки дня|название или описание|дата и время|رمز الوثيقة|الرمز|البند من جدول الاعمال|البند|العنوان او الوصف|العنوان|التاريخ والوقت)(?!\p{L})/gu;

/** A header row of a documents table ("Symbol  Agenda item  Title or description"): two column names or more. */
export function isTableHeader(folded: string): boolean {
  if (folded.length > 120) return false;
  const hits = new Set(folded.match(TABLE_COLUMNS) ?? []);
  return hits.size >= 2;
}

/** Line saying which agenda item a background paper is for. */
export const AGENDA_ITEM_REF = /^(?:item|point|tema|пункт|البند)\s+\d+.*(?:agenda|ordre du jour|programa|повестки|جدول الاعمال)|临时议程\S*项目\s*\d+|^议程项目\s*\d+/u;

/** Words that mark an agenda quoted in a report paragraph ("adopted the following agenda"). */
export const AGENDA_WORD = /议程|agenda|ordre du jour|programa|повестк|جدول الاعمال/u;

/** Paragraph introducing the adopted recommendations (not itself a recommendation). */
export const RECOMMENDATIONS_INTRO = /(?:通过|提出|核可)了?(?:下列|以下|下文所列|如下)?(?:各项)?建议|下文所列建议|adopted the following recommendations|recommendations (?:were|was) adopted|following recommendations|a adopté les recommandations|recommandations suivantes|aprobó las (?:siguientes )?recomendaciones|recomendaciones siguientes|приняла следующие рекомендации|следующие рекомендации|التوصيات التالية|اعتمد الفريق العامل التوصيات/u;

export const LANGUAGE_NAMES: Record<string, UnLang> = {
  english: 'en', anglais: 'en', inglés: 'en', ingles: 'en', английский: 'en', الانكليزية: 'en', الانجليزية: 'en', 英文: 'en',
  french: 'fr', français: 'fr', francais: 'fr', francés: 'fr', frances: 'fr', французский: 'fr', الفرنسية: 'fr', 法文: 'fr',
  spanish: 'es', espagnol: 'es', español: 'es', espanol: 'es', испанский: 'es', الاسبانية: 'es', 西班牙文: 'es',
  russian: 'ru', russe: 'ru', ruso: 'ru', русский: 'ru', الروسية: 'ru', 俄文: 'ru',
  arabic: 'ar', arabe: 'ar', árabe: 'ar', арабский: 'ar', العربية: 'ar', 阿拉伯文: 'ar',
  chinese: 'zh', chinois: 'zh', chino: 'zh', китайский: 'zh', الصينية: 'zh', 中文: 'zh',
};

/** Org-name lines of the page-1 masthead, compacted (see `compact`). */
export const MASTHEAD_NAMES: string[] = [
  'United Nations',
  'Nations Unies',
  'Naciones Unidas',
  'Организация Объединенных Наций',
  'الأمم المتحدة',
  '联合国',
  'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
  'Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée',
  'Conferencia de las Partes en la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
  'Конференция участников Конвенции Организации Объединенных Наций против транснациональной организованной преступности',
  'مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
  '联合国打击跨国有组织犯罪公约缔约方会议',
].map(compact);

export const DISTR_LINE = /^distr\.?\s*[:.]?\s*(general|générale|generale|general|limited|limitée|limitee|limitada|restricted|restreinte|restringida)\b/u;
export const ORIGINAL_LINE = /^original\s*:\s*(\S+)/u;

export interface Place {
  en: string;
  /** Nominative form per language. */
  names: Partial<Record<UnLang, string>>;
  /** All surface forms (folded), any language, any case. */
  forms: string[];
}

export const PLACES: Place[] = [
  { en: 'Vienna', names: { en: 'Vienna', fr: 'Vienne', es: 'Viena', ru: 'Вена', ar: 'فيينا', zh: '维也纳' }, forms: ['vienna', 'vienne', 'viena', 'вена', 'вене', 'вену', 'فيينا', '维也纳'] },
  { en: 'New York', names: { en: 'New York', fr: 'New York', es: 'Nueva York', ru: 'Нью-Йорк', ar: 'نيويورك', zh: '纽约' }, forms: ['new york', 'nueva york', 'нью-йорк', 'нью-йорке', 'نيويورك', '纽约'] },
  { en: 'Geneva', names: { en: 'Geneva', fr: 'Genève', es: 'Ginebra', ru: 'Женева', ar: 'جنيف', zh: '日内瓦' }, forms: ['geneva', 'genève', 'geneve', 'ginebra', 'женева', 'женеве', 'جنيف', '日内瓦'] },
  { en: 'Palermo', names: { en: 'Palermo', fr: 'Palerme', es: 'Palermo', ru: 'Палермо', ar: 'باليرمو', zh: '巴勒莫' }, forms: ['palermo', 'palerme', 'палермо', 'باليرمو', '巴勒莫'] },
  { en: 'Doha', names: { en: 'Doha', fr: 'Doha', es: 'Doha', ru: 'Доха', ar: 'الدوحة', zh: '多哈' }, forms: ['doha', 'доха', 'дохе', 'الدوحة', '多哈'] },
  { en: 'Kyoto', names: { en: 'Kyoto', fr: 'Kyoto', es: 'Kyoto', ru: 'Киото', ar: 'كيوتو', zh: '京都' }, forms: ['kyoto', 'киото', 'كيوتو', '京都'] },
];

/** Spelled-out ordinals (folded) → number, per language. */
const EN_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const EN_ORD: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};
EN_UNITS.forEach((u, i) => {
  EN_ORD[`twenty-${u}`] = 21 + i;
  EN_ORD[`thirty-${u}`] = 31 + i;
});
const FR_ORD: Record<string, number> = {
  premier: 1, première: 1, premiere: 1, deuxième: 2, deuxieme: 2, second: 2, seconde: 2, troisième: 3, troisieme: 3,
  quatrième: 4, quatrieme: 4, cinquième: 5, cinquieme: 5, sixième: 6, sixieme: 6, septième: 7, septieme: 7,
  huitième: 8, huitieme: 8, neuvième: 9, neuvieme: 9, dixième: 10, dixieme: 10, onzième: 11, onzieme: 11,
  douzième: 12, douzieme: 12, treizième: 13, treizieme: 13, quatorzième: 14, quatorzieme: 14, quinzième: 15,
  quinzieme: 15, seizième: 16, seizieme: 16, 'dix-septième': 17, 'dix-huitième': 18, 'dix-neuvième': 19, vingtième: 20,
  'vingt et unième': 21, 'vingt-deuxième': 22, 'vingt-troisième': 23,
};
const ES_ORD: Record<string, number> = {};
(
  [
    ['primer', 1], ['primero', 1], ['primera', 1], ['segundo', 2], ['segunda', 2], ['tercer', 3], ['tercero', 3], ['tercera', 3],
    ['cuarto', 4], ['cuarta', 4], ['quinto', 5], ['quinta', 5], ['sexto', 6], ['sexta', 6], ['séptimo', 7], ['séptima', 7],
    ['septimo', 7], ['octavo', 8], ['octava', 8], ['noveno', 9], ['novena', 9], ['décimo', 10], ['décima', 10], ['decimo', 10],
    ['undécimo', 11], ['undécima', 11], ['decimoprimero', 11], ['decimoprimer', 11], ['duodécimo', 12], ['duodécima', 12],
    ['decimosegundo', 12], ['decimotercero', 13], ['decimotercer', 13], ['decimotercera', 13], ['decimocuarto', 14],
    ['decimocuarta', 14], ['decimoquinto', 15], ['decimoquinta', 15], ['decimosexto', 16], ['decimoséptimo', 17],
    ['decimoctavo', 18], ['decimonoveno', 19], ['vigésimo', 20], ['vigésima', 20],
  ] as const
).forEach(([w, n]) => (ES_ORD[w] = n));
const RU_STEMS: [string, number][] = [
  ['одиннадцат', 11], ['двенадцат', 12], ['тринадцат', 13], ['четырнадцат', 14], ['пятнадцат', 15], ['шестнадцат', 16],
  ['семнадцат', 17], ['восемнадцат', 18], ['девятнадцат', 19], ['двадцат', 20], ['перв', 1], ['втор', 2], ['трет', 3],
  ['четверт', 4], ['пят', 5], ['шест', 6], ['седьм', 7], ['восьм', 8], ['девят', 9], ['десят', 10],
];
const AR_ORD: [string, number][] = [
  ['الحادي عشر', 11], ['الحادية عشرة', 11], ['الثاني عشر', 12], ['الثانية عشرة', 12], ['الثالث عشر', 13], ['الثالثة عشرة', 13],
  ['الرابع عشر', 14], ['الرابعة عشرة', 14], ['الخامس عشر', 15], ['الخامسة عشرة', 15], ['السادس عشر', 16], ['السادسة عشرة', 16],
  ['السابع عشر', 17], ['السابعة عشرة', 17], ['الثامن عشر', 18], ['الثامنة عشرة', 18], ['التاسع عشر', 19], ['التاسعة عشرة', 19],
  ['الاول', 1], ['الاولى', 1], ['الثاني', 2], ['الثانية', 2], ['الثالث', 3], ['الثالثة', 3], ['الرابع', 4], ['الرابعة', 4],
  ['الخامس', 5], ['الخامسة', 5], ['السادس', 6], ['السادسة', 6], ['السابع', 7], ['السابعة', 7], ['الثامن', 8], ['الثامنة', 8],
  ['التاسع', 9], ['التاسعة', 9], ['العاشر', 10], ['العاشرة', 10], ['العشرون', 20],
];

function alt(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/**
 * Patterns finding "<ordinal> meeting/session" in folded text; group 1 the ordinal, group 2 the noun.
 * For Arabic the noun comes first: group 1 the noun, group 2 the ordinal.
 */
export const SESSION_PATTERNS: Record<Exclude<UnLang, 'zh'>, { re: RegExp; ordinal: (s: string) => number | null; nounFirst: boolean }> = {
  en: { re: new RegExp(`(?<!\\p{L})(${alt(Object.keys(EN_ORD))})\\s+(meeting|session)s?(?!\\p{L})`, 'gu'), ordinal: (s) => EN_ORD[s] ?? null, nounFirst: false },
  fr: { re: new RegExp(`(?<!\\p{L})(${alt(Object.keys(FR_ORD))})\\s+(réunion|session)(?!\\p{L})`, 'gu'), ordinal: (s) => FR_ORD[s] ?? null, nounFirst: false },
  es: {
    re: new RegExp(`(?<!\\p{L})(${alt(Object.keys(ES_ORD))})\\s+(reunión|reunion|período de sesiones|periodo de sesiones)(?!\\p{L})`, 'gu'),
    ordinal: (s) => ES_ORD[s] ?? null,
    nounFirst: false,
  },
  ru: {
    re: new RegExp(`(?<!\\p{L})((?:${RU_STEMS.map((s) => s[0]).join('|')})(?:ое|ая|ой|ого|ому|ом|ую|ые|ых|ий|ья|ье|ьей|ьего|ьем|ьему|ью|ьи|ый))\\s+(совещани\\p{L}*|сесси\\p{L}*)`, 'gu'),
    ordinal: (s) => {
      for (const [stem, n] of RU_STEMS) if (s.startsWith(stem)) return n;
      return null;
    },
    nounFirst: false,
  },
  ar: {
    re: new RegExp(`(?<!\\p{L})((?:ال)?اجتماع(?:ه|ها)?|(?:ال)?دور(?:ة|ته|تها))\\s+(${alt(AR_ORD.map((a) => a[0]))})(?!\\p{L})`, 'gu'),
    ordinal: (s) => AR_ORD.find((a) => a[0] === s)?.[1] ?? null,
    nounFirst: true,
  },
};

/** Known bodies: English name, symbol code, and name patterns (folded) per language. */
export const BODIES: { key: BodyKey; code: string; name: string; re: RegExp }[] = [
  {
    key: 'technical-assistance',
    code: 'WG.2',
    name: 'Working Group of Government Experts on Technical Assistance',
    re: /技术援助问题|technical assistance|assistance technique|asistencia técnica|asistencia tecnica|технической помощи|المساعدة التقنية/u,
  },
  {
    key: 'international-cooperation',
    code: 'WG.3',
    name: 'Working Group on International Cooperation',
    re: /国际合作问题工作组|working group on international cooperation|groupe de travail sur la coopération internationale|grupo de trabajo sobre cooperación internacional|по международному сотрудничеству|المعني بالتعاون الدولي/u,
  },
  {
    key: 'trafficking-in-persons',
    code: 'WG.4',
    name: 'Working Group on Trafficking in Persons',
    re: /贩运人口问题工作组|working group on trafficking in persons|groupe de travail sur la traite des personnes|grupo de trabajo sobre la trata de personas|по торговле людьми|المعني بالاتجار بالاشخاص/u,
  },
  {
    key: 'firearms',
    code: 'WG.6',
    name: 'Working Group on Firearms',
    re: /枪支问题工作组|working group on firearms|groupe de travail sur les armes à feu|grupo de trabajo sobre armas de fuego|по огнестрельному оружию|المعني بالاسلحة النارية/u,
  },
  {
    key: 'smuggling-of-migrants',
    code: 'WG.7',
    name: 'Working Group on the Smuggling of Migrants',
    re: /偷运移民问题工作组|working group on the smuggling of migrants|groupe de travail sur le trafic illicite de migrants|grupo de trabajo sobre el tráfico ilícito de migrantes|по незаконному ввозу мигрантов|المعني بتهريب المهاجرين/u,
  },
];

export const BODY_BY_CODE: Record<string, { key: BodyKey; name: string }> = Object.fromEntries(
  BODIES.map((b) => [b.code, { key: b.key, name: b.name }]),
);

/** A line that names a working group (front matter). */
export const WORKING_GROUP_WORD = /工作组|working group|groupe de travail|grupo de trabajo|рабочая группа|рабочей группы|الفريق العامل/u;
export const CONFERENCE_NAME = /缔约方会议|conference of the parties|conférence des parties|conferencia de las partes|конференция участников|مؤتمر الاطراف/u;

/** Front-matter subtitle lines ("Note by the Secretariat", "Background paper prepared by the Secretariat"). */
export const SUBTITLE_LINE = /^(?:秘书处的说明|秘书处的背景文件|秘书处编写的背景文件|秘书处编写的工作文件|note by the secretariat|background paper prepared by the secretariat|working paper prepared by the secretariat|note du secrétariat|document d'information établi par le secrétariat|document de travail établi par le secrétariat|nota de la secretaría|documento de antecedentes preparado por la secretaría|documento de trabajo preparado por la secretaría|записка секретариата|справочный документ, подготовленный секретариатом|рабочий документ, подготовленный секретариатом|مذكرة من الامانة|ورقة معلومات اساسية من اعداد الامانة|ورقة عمل من اعداد الامانة)\s*\**$/u;
