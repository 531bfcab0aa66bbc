import type { Db } from '../platform/db/database.ts';
import { NotFoundError, ValidationError } from '../platform/http/errors.ts';
import { pick, type Language, type Localized } from '../platform/i18n/languages.ts';
import * as repo from './reference.repository.ts';
import { seedFingerprint } from './reference.fingerprint.ts';
import type { PartyStatus } from './reference.tables.ts';
import { announceReferenceChange, referenceChanged, snapshotOf, trustedSnapshot } from './reference.cache.ts';
import type { ArticleRow, InstrumentRow, ReferenceSnapshot, StateRow, StatusRow } from './reference.snapshot.ts';

/** What other modules and the routes call; nobody else reads the reference tables. */

export const UNKNOWN_STATUS_NOTE =
  'Status not loaded: this does not mean the State is not a party. The secretariat can import the official list.';

/**
 * Makes the reference tables hold the seed (src/reference/data): rows added or changed, party status only where
 * none was imported, and the seed's fingerprint recorded in the same transaction. Idempotent.
 */
export async function loadReferenceData(db: Db, fingerprint = seedFingerprint()) {
  // The seed's builder (CSV parsing, the countries' names) is loaded only when the seed is.
  const { buildReferenceSeed } = await import('./reference.seed.ts');
  const seed = buildReferenceSeed();
  const counts = await db.transaction().execute(async (trx) => {
    const written = await repo.writeSeed(trx, seed);
    await repo.recordSeedFingerprint(trx, fingerprint);
    if (Object.values(written).some((c) => c.inserted + c.updated > 0)) await announceReferenceChange(trx);
    return written;
  });
  referenceChanged(db);
  return counts;
}

/**
 * What every process does at start: loads the seed when the tables hold another version of it (a new release, a
 * restored older backup) or none, and otherwise nothing — one query instead of parsing and comparing the seed.
 * Returns the counts when it loaded, null when the tables were already current.
 */
export async function ensureReferenceData(db: Db) {
  const fingerprint = seedFingerprint();
  if ((await repo.storedSeedFingerprint(db)) === fingerprint) return null;
  return loadReferenceData(db, fingerprint);
}

export async function stateExists(db: Db, iso3: string): Promise<boolean> {
  const snap = await trustedSnapshot(db);
  if (snap) return snap.stateByIso3.has(iso3.toUpperCase());
  return (await repo.findState(db, iso3.toUpperCase())) !== undefined;
}

function instrumentDto(i: InstrumentRow, lang: Language) {
  return {
    code: i.code,
    kind: i.kind,
    parent: i.parent_code,
    adoptedOn: i.adopted_on,
    inForceOn: i.in_force_on,
    reviewed: i.reviewed,
    name: pick(i.names, lang)!,
    shortName: pick(i.short_names, lang)!,
    names: i.names,
  };
}

export async function listInstruments(db: Db, lang: Language) {
  return (await snapshotOf(db)).instruments.map((i) => instrumentDto(i, lang));
}

function articleDto(a: ArticleRow, lang: Language, clusters: Map<string, Localized>) {
  return {
    instrument: a.instrument_code,
    article: a.article,
    eid: a.eid,
    title: pick(a.titles, lang),
    titleLanguage: a.titles[lang] ? lang : a.titles.en ? 'en' : null,
    titles: a.titles,
    chapter: a.chapter,
    chapterTitle: pick(a.chapter_titles, lang),
    cluster: a.cluster_code ? { code: a.cluster_code, name: pick(clusters.get(a.cluster_code), lang)! } : null,
    reviewedOnlyIfNotPartyTo: a.only_if_not_party_to,
  };
}

export async function getInstrument(db: Db, code: string, lang: Language) {
  const snap = await snapshotOf(db);
  const i = snap.instrumentByCode.get(code.toUpperCase());
  if (!i) throw new NotFoundError(`No instrument ${code}`);
  const articles = (snap.articlesByInstrument.get(i.code) ?? []).map((a) => articleDto(a, lang, snap.clusterNames));
  return { ...instrumentDto(i, lang), articles };
}

export async function getArticle(db: Db, code: string, article: number, lang: Language) {
  const snap = await snapshotOf(db);
  const i = snap.instrumentByCode.get(code.toUpperCase());
  if (!i) throw new NotFoundError(`No instrument ${code}`);
  const a = snap.articlesByInstrument.get(i.code)?.find((x) => x.article === article);
  if (!a) throw new NotFoundError(`${i.code} has no article ${article}`);
  return { ...articleDto(a, lang, snap.clusterNames), instrumentName: pick(i.names, lang)!, instrumentShortName: pick(i.short_names, lang)! };
}

/** Whether the instrument has that article: a search for "article 99" offers no article page. */
export async function hasArticle(db: Db, code: string, article: number): Promise<boolean> {
  const snap = await snapshotOf(db);
  return snap.articlesByInstrument.get(code.toUpperCase())?.some((x) => x.article === article) ?? false;
}

export async function listClusters(db: Db, lang: Language) {
  const { clusters, clusterArticles: articles } = await snapshotOf(db);
  return clusters.map((c) => ({
    code: c.code,
    name: pick(c.names, lang)!,
    names: c.names,
    articles: articles
      .filter((a) => a.cluster_code === c.code)
      .map((a) => ({ instrument: a.instrument_code, article: a.article, reviewedOnlyIfNotPartyTo: a.only_if_not_party_to, note: a.note })),
  }));
}

export async function listRegionalGroups(db: Db, lang: Language) {
  return (await snapshotOf(db)).regionalGroups.map((g) => ({ code: g.code, name: pick(g.names, lang)!, names: g.names }));
}

function statusDto(s: StatusRow) {
  return {
    instrument: s.instrument_code,
    status: s.status,
    known: s.status !== 'unknown',
    signedOn: s.signed_on,
    consentedOn: s.consented_on,
    source: s.source,
    asOf: s.as_of,
    ...(s.status === 'unknown' ? { note: UNKNOWN_STATUS_NOTE } : {}),
  };
}

export interface StatesQuery {
  group?: string;
  party?: string;
  status?: PartyStatus;
  legal?: string;
  q?: string;
  lang: Language;
}

/** The filters of GET /states over the snapshot (the same meaning the SQL had: q is a case-insensitive part of a name in any language, or an ISO3 code). */
function matches(snap: ReferenceSnapshot, s: StateRow, f: { group?: string; party?: string; status?: PartyStatus; legal?: string; q?: string }) {
  if (f.group === 'none' ? s.regional_group !== null : f.group && s.regional_group !== f.group) return false;
  if (f.legal && !s.legal_families.includes(f.legal)) return false;
  if (f.party) {
    const wanted = f.status ?? 'party';
    if (!snap.statusesByState.get(s.iso3)?.some((st) => st.instrument_code === f.party && st.status === wanted)) return false;
  }
  if (f.q) {
    const needle = f.q.toLowerCase();
    if (s.iso3 !== f.q.toUpperCase() && !Object.values(s.names).some((n) => n.toLowerCase().includes(needle))) return false;
  }
  return true;
}

export async function listStates(db: Db, query: StatesQuery) {
  const snap = await snapshotOf(db);
  const groups = snap.regionalGroups;
  if (query.group && query.group !== 'none' && !groups.some((g) => g.code === query.group)) {
    throw new ValidationError(`Unknown regional group "${query.group}"`, [
      { path: 'querystring.group', message: `one of ${[...groups.map((g) => g.code), 'none'].join(', ')}` },
    ]);
  }
  const party = query.party?.toUpperCase();
  if (party && !snap.instrumentByCode.has(party)) {
    throw new ValidationError(`Unknown instrument "${query.party}"`, [
      { path: 'querystring.party', message: 'one of UNTOC, TIP, SOM, FIR, UNCAC, DRUG1988' },
    ]);
  }
  if (query.status && !party) {
    throw new ValidationError('status needs party', [{ path: 'querystring.status', message: 'give party=<instrument> with status' }]);
  }
  const filter = { group: query.group, party, status: query.status, legal: query.legal, q: query.q };
  const items = snap.states
    .filter((s) => matches(snap, s, filter))
    .map((r) => ({
      iso3: r.iso3,
      name: pick(r.names, query.lang)!,
      names: r.names,
      kind: r.kind,
      regionalGroup: r.regional_group ? { code: r.regional_group, name: pick(snap.groupNames.get(r.regional_group), query.lang)! } : null,
      legalSystem: r.legal_system,
      legalFamilies: r.legal_families,
      partyStatus: Object.fromEntries((snap.statusesByState.get(r.iso3) ?? []).map((s) => [s.instrument_code, s.status])) as Record<string, PartyStatus>,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, query.lang));
  return {
    items,
    total: items.length,
    language: query.lang,
    // A "party to X" filter can only list what is loaded: say how many States it could not decide.
    unknownStatus: party ? { instrument: party, count: snap.unknownCounts[party] ?? 0, note: UNKNOWN_STATUS_NOTE } : null,
  };
}

export async function getState(db: Db, iso3: string, lang: Language) {
  const snap = await snapshotOf(db);
  const s = snap.stateByIso3.get(iso3.toUpperCase());
  if (!s) throw new NotFoundError(`No State with code ${iso3.toUpperCase()}`);
  const group = s.regional_group ? snap.groupNames.get(s.regional_group) : undefined;
  return {
    iso3: s.iso3,
    iso2: s.iso2,
    isoAssigned: s.iso_assigned,
    kind: s.kind,
    name: pick(s.names, lang)!,
    names: s.names,
    regionalGroup: group ? { code: s.regional_group!, name: pick(group, lang)! } : null,
    legalSystem: s.legal_system,
    legalFamilies: s.legal_families,
    notes: s.notes,
    partyStatus: (snap.statusesByState.get(s.iso3) ?? []).map((st) => ({
      ...statusDto(st),
      instrumentName: pick(snap.instrumentByCode.get(st.instrument_code)?.short_names, lang)!,
    })),
  };
}

export async function getStatusHistory(db: Db, iso3: string) {
  const s = await repo.findState(db, iso3.toUpperCase());
  if (!s) throw new NotFoundError(`No State with code ${iso3.toUpperCase()}`);
  return (await repo.statusHistory(db, s.iso3)).map((h) => ({
    instrument: h.instrument_code,
    from: h.old_status,
    to: h.new_status,
    signedOn: h.signed_on,
    consentedOn: h.consented_on,
    source: h.source,
    changedAt: h.changed_at.toISOString(),
    changedBy: h.changed_by,
  }));
}

/** Party status of several States to one instrument, for other modules (directory routing, review draws). */
export async function partyStatusFor(db: Db, iso3s: string[], instrument: string) {
  const snap = await trustedSnapshot(db);
  const rows = snap ? iso3s.flatMap((i) => snap.statusesByState.get(i) ?? []) : await repo.partyStatusOf(db, iso3s);
  return new Map(rows.filter((r) => r.instrument_code === instrument).map((r) => [r.iso3, r.status]));
}

/** The regional groups of some States (for other modules' facets). */
export async function groupsOf(db: Db, iso3s: string[]): Promise<string[]> {
  if (iso3s.length === 0) return [];
  const snap = await trustedSnapshot(db);
  const rows = snap ? iso3s.flatMap((i) => snap.stateByIso3.get(i) ?? []) : await repo.groupsOf(db, iso3s);
  return [...new Set(rows.map((r) => r.regional_group).filter((g): g is string => g !== null))].sort();
}

/** The review clusters of some articles, given as 'UNTOC:18'. */
export async function clustersOf(db: Db, articles: string[]): Promise<string[]> {
  const keys = articles.map((a) => a.split(':')).filter((p) => p.length >= 2);
  if (keys.length === 0) return [];
  const all = (await trustedSnapshot(db))?.clusterArticles ?? (await repo.listClusterArticles(db));
  const wanted = new Set(keys.map(([i, a]) => `${i}:${a}`));
  return [...new Set(all.filter((c) => wanted.has(`${c.instrument_code}:${c.article}`)).map((c) => c.cluster_code))].sort();
}

/** One State as the review mechanism's draws see it: group, legal families and party status to every instrument. */
export interface EligibilityState {
  iso3: string;
  kind: 'state' | 'regional-organization';
  /** Regional group code; null for entities outside the five groups (pooled by the cycle's configuration). */
  group: string | null;
  legalSystem: string | null;
  legalFamilies: string[];
  /** Status per instrument code, including UNCAC; 'unknown' means not loaded, never "not a party". */
  status: Record<string, 'party' | 'signatory' | 'none' | 'unknown'>;
}

/**
 * Every State with what a draw needs, in ISO3 order, from the reference data as it is now (the draw's inputs record
 * this snapshot, so a published draw does not depend on later changes). Instruments without a status row count as
 * 'unknown'.
 */
export async function drawEligibility(db: Db): Promise<EligibilityState[]> {
  const { states, statuses, instruments } = await repo.eligibilityRows(db);
  const byState = new Map<string, Record<string, EligibilityState['status'][string]>>();
  for (const s of statuses) {
    const m = byState.get(s.iso3) ?? {};
    m[s.instrument_code] = s.status as EligibilityState['status'][string];
    byState.set(s.iso3, m);
  }
  return states.map((s) => ({
    iso3: s.iso3,
    kind: s.kind as EligibilityState['kind'],
    group: s.regional_group,
    legalSystem: s.legal_system,
    legalFamilies: [...s.legal_families].sort(),
    status: Object.fromEntries(instruments.map((i) => [i.code, byState.get(s.iso3)?.[i.code] ?? 'unknown'])),
  }));
}
