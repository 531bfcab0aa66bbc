import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Rng } from './prng.ts';
import type { LangCode } from './vocab.ts';

/**
 * The long tail of a language: real text has thousands of distinct words, most of them rare (Zipf), and
 * that is what makes posting lists, tsvectors and rank computations realistic in size. Chinese takes real
 * words from jieba's dictionary by frequency; the other languages build word forms from real roots and
 * affixes (and Arabic from consonant roots and patterns), so the stemmers see plausible words.
 */

export const TAIL_SIZE = 20_000;

const LATIN_ROOTS = ['act', 'admin', 'alloc', 'ampl', 'annul', 'appell', 'arbitr', 'assign', 'attest', 'audit', 'author', 'benefic', 'capt', 'cert',
  'cess', 'claim', 'clar', 'cod', 'commun', 'compens', 'compet', 'concord', 'confirm', 'consult', 'contest', 'contract', 'correct', 'cred', 'crimin',
  'cur', 'custod', 'decl', 'defin', 'deleg', 'demand', 'deport', 'deposit', 'detect', 'determin', 'dict', 'dispos', 'document', 'duct', 'emigr',
  'enforc', 'equit', 'estim', 'evalu', 'exam', 'except', 'exempt', 'expert', 'export', 'fals', 'fer', 'fidel', 'financ', 'fisc', 'form', 'fund',
  'grant', 'guarant', 'habit', 'identif', 'immun', 'imput', 'indemn', 'inform', 'inspect', 'instit', 'integr', 'interpret', 'invent', 'jud', 'jur',
  'just', 'labor', 'leg', 'licens', 'liquid', 'litig', 'mand', 'migr', 'minist', 'mit', 'monit', 'mort', 'navig', 'negoti', 'notif', 'observ',
  'offic', 'oper', 'ordin', 'pen', 'permit', 'pet', 'plen', 'port', 'pos', 'preced', 'prescr', 'presum', 'priv', 'prob', 'procur', 'prohib',
  'propor', 'prosper', 'protect', 'provis', 'public', 'punit', 'quant', 'ratif', 'reg', 'regul', 'remed', 'report', 'resid', 'resolv', 'restit',
  'sanct', 'scrip', 'sec', 'sent', 'solid', 'spect', 'stip', 'struct', 'sum', 'supervis', 'tax', 'termin', 'testif', 'tract', 'transit', 'trib',
  'valid', 'vent', 'verif', 'vers', 'vid', 'viol', 'voc', 'vot'];
const CYR_ROOTS = ['закон', 'суд', 'прав', 'вин', 'дел', 'долг', 'вер', 'власт', 'вод', 'воз', 'вред', 'выбор', 'глав', 'граждан', 'двиг', 'дейст',
  'добр', 'довер', 'дохо', 'знач', 'име', 'каз', 'контрол', 'круг', 'лиц', 'мер', 'мест', 'ном', 'норм', 'обяз', 'охран', 'оцен', 'плат', 'полож',
  'полн', 'пис', 'пут', 'разреш', 'решен', 'род', 'руб', 'свобод', 'связ', 'служ', 'слов', 'совет', 'согла', 'соста', 'стат', 'стра', 'счет',
  'тайн', 'товар', 'треб', 'труд', 'умысел', 'уста', 'учет', 'фин', 'ход', 'цен', 'част', 'чин', 'штраф', 'экспорт', 'явк'];
const CYR_PREFIXES = ['', 'пере', 'при', 'под', 'вы', 'за', 'раз', 'от', 'со', 'на', 'пред', 'об'];
const CYR_SUFFIXES = ['ение', 'ание', 'ость', 'ный', 'ного', 'ной', 'ческий', 'ство', 'тель', 'ка', 'ить', 'ать', 'ами', 'ях', 'ой', 'ом'];
const AFFIXES: Record<'en' | 'fr' | 'es', { pre: string[]; suf: string[] }> = {
  en: { pre: ['', 're', 'de', 'pre', 'pro', 'con', 'ex', 'in', 'inter', 'trans', 'sub', 'non'], suf: ['ion', 'ions', 'ment', 'ance', 'ity', 'ive', 'al', 'able', 'or', 'ure', 'ing', 'ed', 'ative', 'ory'] },
  fr: { pre: ['', 're', 'dé', 'pré', 'pro', 'con', 'ex', 'in', 'inter', 'trans', 'sous', 'non'], suf: ['ion', 'ions', 'ement', 'ance', 'ité', 'if', 'ive', 'al', 'able', 'eur', 'ure', 'ant', 'ée', 'atoire'] },
  es: { pre: ['', 're', 'des', 'pre', 'pro', 'con', 'ex', 'in', 'inter', 'trans', 'sub', 'no'], suf: ['ión', 'iones', 'miento', 'ancia', 'idad', 'ivo', 'iva', 'al', 'able', 'or', 'ura', 'ando', 'ado', 'atorio'] },
};
const ARABIC_CONSONANTS = [...'بتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const ARABIC_PATTERNS = ['1ا23', 'م12و3', 'ت12ي3', 'است12ا3', '12ا3ة', 'م1ا23ة', 'ال1ا23', 'ال12ا3', 'ت1ا23', 'م12ّ3', 'إ12ا3', '1ا2ّ3'];

function shuffled<T>(xs: T[], rng: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

function chinese(): string[] {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((l) => l.split(' '))
    .filter((p) => p.length >= 2 && /^[\u4e00-\u9fff]{2,4}$/.test(p[0]!))
    .map((p) => [p[0]!, Number(p[1])] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TAIL_SIZE)
    .map((p) => p[0]);
}

/** TAIL_SIZE word forms, most frequent first, the same for the same seed. */
export function tailWords(lang: LangCode, seed: number): string[] {
  if (lang === 'zh') return chinese();
  const rng = new Rng(seed ^ lang.charCodeAt(0) ^ (lang.charCodeAt(1) << 8));
  const forms = new Set<string>();
  if (lang === 'ru') {
    for (const r of CYR_ROOTS) for (const p of CYR_PREFIXES) for (const s of CYR_SUFFIXES) forms.add(p + r + s);
  } else if (lang === 'ar') {
    while (forms.size < TAIL_SIZE * 1.5) {
      const root = [rng.pick(ARABIC_CONSONANTS), rng.pick(ARABIC_CONSONANTS), rng.pick(ARABIC_CONSONANTS)];
      forms.add(rng.pick(ARABIC_PATTERNS).replace(/[123]/g, (d) => root[Number(d) - 1]!));
    }
  } else {
    const { pre, suf } = AFFIXES[lang];
    for (const r of LATIN_ROOTS) for (const p of pre) for (const s of suf) forms.add(p + r + s);
  }
  return shuffled([...forms].sort(), rng).slice(0, TAIL_SIZE);
}
