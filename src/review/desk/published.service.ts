import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { getState, listClusters } from '../../reference/reference.service.ts';
import { iso } from './desk.common.ts';
import { observationDto } from './observations.service.ts';

/**
 * What the reviewed States have published — public, and nothing else: only the outputs (a reviewing State's list of
 * observations, its summary) the reviewed State's focal point chose to publish. Lists are in State-name order, never
 * by any figure (no ranking of States).
 */

async function heads(db: Db, reviewIds: string[], lang: Language) {
  if (reviewIds.length === 0) return new Map<string, never>();
  const rows = await db.selectFrom('reviews').innerJoin('review_cycles', 'review_cycles.id', 'reviews.cycle_id')
    .select(['reviews.id', 'reviews.reviewed_iso3', 'reviews.cluster_code', 'review_cycles.code', 'review_cycles.title'])
    .where('reviews.id', 'in', reviewIds).execute();
  const clusters = new Map((await listClusters(db, lang)).map((c) => [c.code, c.name]));
  const names = new Map<string, string>();
  for (const iso3 of new Set(rows.map((r) => r.reviewed_iso3))) names.set(iso3, (await getState(db, iso3, lang)).name);
  return new Map(rows.map((r) => [r.id, {
    reviewId: r.id,
    reviewed: { iso3: r.reviewed_iso3, name: names.get(r.reviewed_iso3) ?? r.reviewed_iso3 },
    cluster: { code: r.cluster_code, name: clusters.get(r.cluster_code) ?? r.cluster_code },
    cycle: { code: r.code, title: r.title },
  }]));
}

export async function listPublished(db: Db, lang: Language) {
  const pubs = await db.selectFrom('review_publications').select(['review_id', 'output', 'reviewing_state', 'published_at'])
    .orderBy('reviewing_state').orderBy('output').execute();
  const byReview = new Map<string, typeof pubs>();
  for (const p of pubs) byReview.set(p.review_id, [...(byReview.get(p.review_id) ?? []), p]);
  const h = await heads(db, [...byReview.keys()], lang);
  const items = [...byReview.entries()].map(([id, ps]) => ({
    ...h.get(id)!,
    outputs: ps.map((p) => ({ output: p.output, reviewingState: p.reviewing_state, publishedAt: iso(p.published_at) })),
  }));
  // State-name order (then cluster, cycle): never by a figure.
  items.sort((a, b) => a.reviewed.name.localeCompare(b.reviewed.name, lang) || a.cluster.code.localeCompare(b.cluster.code) || a.cycle.code.localeCompare(b.cycle.code));
  return { items };
}

export async function getPublished(db: Db, reviewId: string, lang: Language) {
  const pubs = await db.selectFrom('review_publications').selectAll().where('review_id', '=', reviewId).orderBy('reviewing_state').execute();
  if (pubs.length === 0) throw new NotFoundError(`No published review ${reviewId}`);
  const head = (await heads(db, [reviewId], lang)).get(reviewId)!;
  const obsStates = pubs.filter((p) => p.output === 'observations').map((p) => p.reviewing_state);
  const sumStates = pubs.filter((p) => p.output === 'summary').map((p) => p.reviewing_state);
  const items = obsStates.length
    ? await db.selectFrom('review_observations').selectAll().where('review_id', '=', reviewId).where('reviewing_state', 'in', obsStates).orderBy('ordinal').execute()
    : [];
  const summaries = sumStates.length
    ? await db.selectFrom('review_summaries').selectAll().where('review_id', '=', reviewId).where('reviewing_state', 'in', sumStates).execute()
    : [];
  const at = (s: string, o: string) => iso(pubs.find((p) => p.reviewing_state === s && p.output === o)!.published_at);
  return {
    ...head,
    observations: obsStates.map((s) => ({
      reviewingState: s, publishedAt: at(s, 'observations'),
      items: items.filter((i) => i.reviewing_state === s).map((i) => {
        const { version: _v, author: _a, updatedAt: _u, ...rest } = observationDto(i);
        return rest;
      }),
    })),
    summaries: summaries.map((s) => ({ reviewingState: s.reviewing_state, publishedAt: at(s.reviewing_state, 'summary'), text: s.text })),
  };
}
