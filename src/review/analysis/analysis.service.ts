import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { csvFile, type CsvCell } from '../../platform/csv-write.ts';
import type { Db } from '../../platform/db/database.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import { pick, type Language } from '../../platform/i18n/languages.ts';
import { CYCLE_TARGET } from '../review.audit.ts';
import { TA_CATEGORIES, type TaCategory } from '../review.vocabulary.ts';
import { COUNT_KEYS, type Analysis, type AnalysisQuery, type Counts } from './analysis.schemas.ts';
import * as repo from './analysis.repository.ts';

/**
 * The secretariat's analysis of what the reviews produced (resolution 8/2, para. 6 of the spec: "by article and
 * cluster, never by ranking States"), for the working group on technical assistance. Every table is keyed by an
 * article, a cluster, an instrument, a regional group or a TA category — never by a State — and its rows come in
 * the reference order of that key, whatever the figures: a reader can compare the figures, but the software never
 * orders anything by them.
 */

export const NO_GROUP = 'none';

const zero = (): Counts => ({ gap: 0, good_practice: 0, suggestion: 0, ta_need: 0, ta_answered: 0 });
const names = (n: Record<string, string>, lang: Language, fallback: string) => pick(n, lang) ?? fallback;

/** The TA needs of one answer value ({items: [{category, description}]}); anything else is no need. */
export function taItems(value: unknown): { category: TaCategory; description: string }[] {
  const items = (value as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((i: unknown) => {
    const it = i as { category?: unknown; description?: unknown } | null;
    if (!it || typeof it !== 'object') return [];
    const category = (TA_CATEGORIES as readonly unknown[]).includes(it.category) ? (it.category as TaCategory) : 'other';
    return [{ category, description: typeof it.description === 'string' ? it.description : '' }];
  });
}

/** Secretariat only (a 403 for anyone else, as the route says too). */
function assertSecretariat(actor: Actor) {
  if (actor.kind !== 'user' || !actor.roles.includes('secretariat')) throw new ForbiddenError('Only the secretariat reads the analysis of the reviews');
}

/** Computes the analysis (no access check, no audit: for the route's service below and the tests). */
export async function computeAnalysis(db: Db, q: AnalysisQuery): Promise<Analysis> {
  if (q.cycle && !(await repo.cycleExists(db, q.cycle))) throw new NotFoundError(`No review cycle ${q.cycle}`);
  const f: repo.Filters = { cycle: q.cycle, instrument: q.instrument, cluster: q.cluster, group: q.group };
  const [obs, answers, ax, cycles] = await Promise.all([repo.submittedObservations(db, f), repo.submittedTaAnswers(db, f), repo.axes(db), repo.listCycles(db)]);
  const clusterOf = new Map(ax.clusterArticles.map((c) => [`${c.instrument_code}:${c.article}`, c.cluster_code]));
  const instrumentOrder = new Map(ax.instruments.map((i, n) => [i.code, n]));

  const total = zero();
  const byArticle = new Map<string, Counts>();
  const byCluster = new Map<string, Counts>();
  const byInstrument = new Map<string, Counts>();
  const byGroup = new Map<string, Counts>();
  const ta = new Map<string, { observations: number; answers: number }>();
  const bump = (m: Map<string, Counts>, key: string, k: keyof Counts, n = 1) => {
    const c = m.get(key) ?? zero();
    c[k] += n;
    m.set(key, c);
  };
  const bumpTa = (category: TaCategory, group: string, k: 'observations' | 'answers') => {
    const key = `${category}|${group}`;
    const c = ta.get(key) ?? { observations: 0, answers: 0 };
    c[k] += 1;
    ta.set(key, c);
  };

  for (const o of obs) {
    const kind = o.kind as keyof Counts;
    if (!(COUNT_KEYS as readonly string[]).includes(kind) || kind === 'ta_answered') continue;
    const group = o.regional_group ?? NO_GROUP;
    total[kind] += 1;
    bump(byCluster, o.cluster_code, kind);
    bump(byInstrument, o.instrument_code, kind);
    bump(byGroup, group, kind);
    for (const a of new Set(o.articles)) bump(byArticle, `${o.instrument_code}:${a}`, kind);
    if (kind === 'ta_need') bumpTa((TA_CATEGORIES as readonly string[]).includes(o.ta_category ?? '') ? (o.ta_category as TaCategory) : 'other', group, 'observations');
  }
  for (const a of answers) {
    const group = a.regional_group ?? NO_GROUP;
    for (const item of taItems(a.value)) {
      total.ta_answered += 1;
      bump(byCluster, a.cluster_code, 'ta_answered');
      bump(byInstrument, a.instrument_code, 'ta_answered');
      bump(byGroup, group, 'ta_answered');
      bump(byArticle, `${a.instrument_code}:${a.article}`, 'ta_answered');
      bumpTa(item.category, group, 'answers');
    }
  }

  const lang = q.lang;
  const groups = [...ax.groups.map((g) => ({ code: g.code, name: names(g.names, lang, g.code) })), { code: NO_GROUP, name: NO_GROUP }];
  const articleKeys = [...byArticle.keys()].map((k) => {
    const [instrument, article] = k.split(':');
    return { instrument: instrument!, article: Number(article) };
  }).sort((a, b) => (instrumentOrder.get(a.instrument) ?? 99) - (instrumentOrder.get(b.instrument) ?? 99) || a.instrument.localeCompare(b.instrument) || a.article - b.article);

  const texts = obs
    .filter((o) => o.kind === 'good_practice' || o.kind === 'gap')
    .flatMap((o) => [...new Set(o.articles)].map((article) => ({ instrument: o.instrument_code, article, kind: o.kind as 'good_practice' | 'gap', text: o.text, cycle: o.cycle_code, cluster: o.cluster_code })))
    .sort((a, b) => (instrumentOrder.get(a.instrument) ?? 99) - (instrumentOrder.get(b.instrument) ?? 99) || a.instrument.localeCompare(b.instrument) || a.article - b.article
      || (a.kind === b.kind ? 0 : a.kind === 'good_practice' ? -1 : 1) || a.cycle.localeCompare(b.cycle) || a.cluster.localeCompare(b.cluster) || a.text.localeCompare(b.text));

  return {
    cycles,
    filters: { cycle: q.cycle ?? null, instrument: q.instrument ?? null, cluster: q.cluster ?? null, group: q.group ?? null },
    basis: {
      reviews: new Set(obs.map((o) => o.review_id)).size,
      lists: new Set(obs.map((o) => o.reviewing_state_key)).size,
      answeredReviews: new Set(answers.map((a) => a.review_id)).size,
    },
    total,
    byArticle: articleKeys.map((k) => ({ ...k, cluster: clusterOf.get(`${k.instrument}:${k.article}`) ?? null, ...(byArticle.get(`${k.instrument}:${k.article}`) ?? zero()) })),
    byCluster: ax.clusters.map((c) => ({ code: c.code, name: names(c.names, lang, c.code), ...(byCluster.get(c.code) ?? zero()) })),
    byInstrument: ax.instruments.map((i) => ({ code: i.code, name: names(i.names, lang, i.code), ...(byInstrument.get(i.code) ?? zero()) })),
    byGroup: groups.map((g) => ({ ...g, ...(byGroup.get(g.code) ?? zero()) })),
    taNeeds: TA_CATEGORIES.flatMap((category) => groups.map((g) => ({ category, group: g.code, ...(ta.get(`${category}|${g.code}`) ?? { observations: 0, answers: 0 }) }))),
    texts,
  };
}

/** The analysis for the secretariat, audited (`review.analysis.read`, with the filters). */
export async function readAnalysis(db: Db, actor: Actor, q: AnalysisQuery): Promise<Analysis> {
  assertSecretariat(actor);
  const a = await computeAnalysis(db, q);
  await audit(db, { actor: auditActor(actor), action: 'review.analysis.read', targetType: CYCLE_TARGET, targetId: q.cycle ?? null, details: { ...a.filters, format: 'json' } });
  return a;
}

export type AnalysisTable = 'articles' | 'clusters' | 'instruments' | 'groups' | 'ta-needs' | 'texts';
const COUNT_HEADER = ['gaps_challenges', 'good_practices', 'suggestions', 'ta_needs_observations', 'ta_needs_answers'];
const counts = (c: Counts): CsvCell[] => COUNT_KEYS.map((k) => c[k]);

/** One table of the analysis as CSV (platform/csv-write.ts: BOM, CRLF, formulas neutralised), in the same order. */
export function analysisCsv(a: Analysis, table: AnalysisTable): { fileName: string; text: string } {
  const file = (header: string[], rows: CsvCell[][]) => ({ fileName: `review-analysis-${table}.csv`, text: csvFile(header, rows) });
  switch (table) {
    case 'articles':
      return file(['instrument', 'article', 'cluster', ...COUNT_HEADER], a.byArticle.map((r) => [r.instrument, r.article, r.cluster, ...counts(r)]));
    case 'clusters':
      return file(['cluster', 'name', ...COUNT_HEADER], a.byCluster.map((r) => [r.code, r.name, ...counts(r)]));
    case 'instruments':
      return file(['instrument', 'name', ...COUNT_HEADER], a.byInstrument.map((r) => [r.code, r.name, ...counts(r)]));
    case 'groups':
      return file(['regional_group', 'name', ...COUNT_HEADER], a.byGroup.map((r) => [r.code, r.name, ...counts(r)]));
    case 'ta-needs':
      return file(['category', 'regional_group', 'from_observations', 'from_answers'], a.taNeeds.map((r) => [r.category, r.group, r.observations, r.answers]));
    case 'texts':
      return file(['instrument', 'article', 'kind', 'cycle', 'cluster', 'text'], a.texts.map((r) => [r.instrument, r.article, r.kind, r.cycle, r.cluster, r.text]));
  }
}

/** A CSV table of the analysis for the secretariat, audited like the analysis itself. */
export async function readAnalysisCsv(db: Db, actor: Actor, q: AnalysisQuery & { table: AnalysisTable }) {
  assertSecretariat(actor);
  const a = await computeAnalysis(db, q);
  await audit(db, { actor: auditActor(actor), action: 'review.analysis.read', targetType: CYCLE_TARGET, targetId: q.cycle ?? null, details: { ...a.filters, format: 'csv', table: q.table } });
  return analysisCsv(a, q.table);
}
