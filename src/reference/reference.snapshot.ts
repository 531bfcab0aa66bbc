import type { Db } from '../platform/db/database.ts';
import type { Localized } from '../platform/i18n/languages.ts';
import * as repo from './reference.repository.ts';

/**
 * All reference data as one immutable value, indexed for the answers the service gives. It is small (about 200
 * States, 1,200 party-status rows, a few hundred articles), so holding it whole costs less than any query, and
 * one value read in one transaction can never mix the states before and after an import.
 */

type Rows = Awaited<ReturnType<typeof repo.readSnapshotRows>>;
export type InstrumentRow = Rows['instruments'][number];
export type ArticleRow = Rows['articles'][number];
export type StateRow = Rows['states'][number];
export type StatusRow = Rows['statuses'][number];

export interface ReferenceSnapshot extends Rows {
  instrumentByCode: Map<string, InstrumentRow>;
  articlesByInstrument: Map<string, ArticleRow[]>;
  clusterNames: Map<string, Localized>;
  groupNames: Map<string, Localized>;
  stateByIso3: Map<string, StateRow>;
  /** Each State's rows in instrument order. */
  statusesByState: Map<string, StatusRow[]>;
  /** States whose status is not loaded, per instrument. */
  unknownCounts: Record<string, number>;
  clusterArticleKeys: Map<string, string>;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export async function readSnapshot(db: Db): Promise<ReferenceSnapshot> {
  const rows = await repo.readSnapshotRows(db);
  const unknownCounts: Record<string, number> = {};
  for (const s of rows.statuses) if (s.status === 'unknown') unknownCounts[s.instrument_code] = (unknownCounts[s.instrument_code] ?? 0) + 1;
  return {
    ...rows,
    instrumentByCode: new Map(rows.instruments.map((i) => [i.code, i])),
    articlesByInstrument: groupBy(rows.articles, (a) => a.instrument_code),
    clusterNames: new Map(rows.clusters.map((c) => [c.code, c.names])),
    groupNames: new Map(rows.regionalGroups.map((g) => [g.code, g.names])),
    stateByIso3: new Map(rows.states.map((s) => [s.iso3, s])),
    statusesByState: groupBy(rows.statuses, (s) => s.iso3),
    unknownCounts,
    clusterArticleKeys: new Map(rows.clusterArticles.map((c) => [`${c.instrument_code}:${c.article}`, c.cluster_code])),
  };
}
