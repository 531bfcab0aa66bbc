import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import { upsertChanged } from '../platform/db/upsert.ts';
import type { PartyStatus } from './reference.tables.ts';
import type { ReferenceSeed } from './reference.seed.ts';
import './reference.tables.ts';

/** All of the reference module's SQL. */

export async function writeSeed(trx: Transaction<Database>, seed: ReferenceSeed) {
  const counts: Record<string, { inserted: number; updated: number }> = {};
  counts.instruments = await upsertChanged(trx, 'instruments', ['code'], seed.instruments.map((r) => ({ ...r })));
  counts.provisions = await upsertChanged(trx, 'provisions', ['instrument_code', 'eid'], seed.provisions.map((r) => ({ ...r })));
  counts.clusters = await upsertChanged(trx, 'clusters', ['code'], seed.clusters.map((r) => ({ ...r })));
  counts.cluster_articles = await upsertChanged(
    trx,
    'cluster_articles',
    ['instrument_code', 'article'],
    seed.clusterArticles.map((r) => ({ ...r })),
  );
  counts.regional_groups = await upsertChanged(trx, 'regional_groups', ['code'], seed.regionalGroups.map((r) => ({ ...r })));
  counts.states = await upsertChanged(trx, 'states', ['iso3'], seed.states.map((r) => ({ ...r })));

  // Party status from the seed only fills gaps: an official list imported later must never be overwritten.
  const inserted = await trx
    .insertInto('party_status')
    .values(seed.partyStatus.map((p) => ({ ...p, signed_on: null, consented_on: null })))
    .onConflict((oc) => oc.columns(['iso3', 'instrument_code']).doNothing())
    .returning(['iso3', 'instrument_code', 'status', 'source'])
    .execute();
  if (inserted.length > 0) {
    await trx
      .insertInto('party_status_history')
      .values(
        inserted.map((p) => ({
          iso3: p.iso3,
          instrument_code: p.instrument_code,
          old_status: null,
          new_status: p.status,
          signed_on: null,
          consented_on: null,
          source: p.source,
          changed_by: 'seed',
        })),
      )
      .execute();
  }
  counts.party_status = { inserted: inserted.length, updated: 0 };
  return counts;
}

export async function storedSeedFingerprint(db: Db): Promise<string | null> {
  const row = await db.selectFrom('reference_seed').select('fingerprint').executeTakeFirst();
  return row?.fingerprint ?? null;
}

export async function recordSeedFingerprint(trx: Transaction<Database>, fingerprint: string): Promise<void> {
  await trx
    .insertInto('reference_seed')
    .values({ fingerprint })
    .onConflict((oc) => oc.column('singleton').doUpdateSet({ fingerprint, loaded_at: sql`now()` }))
    .execute();
}

export function listInstruments(db: Db) {
  return db.selectFrom('instruments').selectAll().orderBy('sort').execute();
}

export function findInstrument(db: Db, code: string) {
  return db.selectFrom('instruments').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Articles (not their paragraphs) of an instrument, with the review cluster each belongs to. */
function articlesQuery(db: Db | Transaction<Database>, instrument: string | null) {
  const query = db
    .selectFrom('provisions as p')
    .leftJoin('cluster_articles as ca', (j) =>
      j.onRef('ca.instrument_code', '=', 'p.instrument_code').onRef('ca.article', '=', 'p.article'),
    )
    .select([
      'p.instrument_code',
      'p.eid',
      'p.article',
      'p.chapter',
      'p.chapter_titles',
      'p.titles',
      'ca.cluster_code',
      'ca.only_if_not_party_to',
    ])
    .where('p.paragraph', 'is', null);
  return instrument === null ? query : query.where('p.instrument_code', '=', instrument);
}

export function listArticles(db: Db, instrument: string) {
  return articlesQuery(db, instrument).orderBy('p.article').execute();
}

export function findArticle(db: Db, instrument: string, article: number) {
  return articlesQuery(db, instrument).where('p.article', '=', article).executeTakeFirst();
}

export function listClusters(db: Db) {
  return db.selectFrom('clusters').selectAll().orderBy('sort').execute();
}

export function listClusterArticles(db: Db | Transaction<Database>) {
  return db
    .selectFrom('cluster_articles as ca')
    .innerJoin('instruments as i', 'i.code', 'ca.instrument_code')
    .select(['ca.cluster_code', 'ca.instrument_code', 'ca.article', 'ca.only_if_not_party_to', 'ca.note'])
    .orderBy('i.sort')
    .orderBy('ca.article')
    .execute();
}

export function listRegionalGroups(db: Db) {
  return db.selectFrom('regional_groups').selectAll().orderBy('sort').execute();
}

export interface StateFilter {
  group?: string | 'none';
  party?: string;
  status?: PartyStatus;
  legal?: string;
  q?: string;
}

export function listStates(db: Db, f: StateFilter) {
  let query = db.selectFrom('states as s').selectAll('s');
  if (f.group === 'none') query = query.where('s.regional_group', 'is', null);
  else if (f.group) query = query.where('s.regional_group', '=', f.group);
  if (f.legal) query = query.where(sql<boolean>`${f.legal} = ANY(s.legal_families)`);
  if (f.party) {
    const status = f.status ?? 'party';
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('party_status as ps')
          .select(sql`1`.as('one'))
          .whereRef('ps.iso3', '=', 's.iso3')
          .where('ps.instrument_code', '=', f.party!)
          .where('ps.status', '=', status),
      ),
    );
  }
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('s.iso3', '=', f.q!.toUpperCase()),
        eb.exists(sql`(SELECT 1 FROM jsonb_each_text(s.names) AS n(lang, name) WHERE n.name ILIKE ${pattern})`),
      ]),
    );
  }
  return query.orderBy('s.iso3').execute();
}

export function findState(db: Db, iso3: string) {
  return db.selectFrom('states').selectAll().where('iso3', '=', iso3).executeTakeFirst();
}

export function partyStatusOf(db: Db, iso3s: string[]) {
  if (iso3s.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('party_status as ps')
    .innerJoin('instruments as i', 'i.code', 'ps.instrument_code')
    .select(['ps.iso3', 'ps.instrument_code', 'ps.status', 'ps.signed_on', 'ps.consented_on', 'ps.source', 'ps.as_of', 'ps.updated_at'])
    .where('ps.iso3', 'in', iso3s)
    .orderBy('i.sort')
    .execute();
}

/** How many States have a status that is not loaded, per instrument (the API reports it next to every filter). */
export async function unknownCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('party_status')
    .select(['instrument_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'unknown')
    .groupBy('instrument_code')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.instrument_code, Number(r.n)]));
}

export function statusHistory(db: Db, iso3: string) {
  return db
    .selectFrom('party_status_history')
    .selectAll()
    .where('iso3', '=', iso3)
    .orderBy('id')
    .execute();
}

export async function existingIso3(db: Db | Transaction<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('states').select('iso3').execute();
  return new Set(rows.map((r) => r.iso3));
}

export async function existingInstruments(db: Db | Transaction<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('instruments').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

export interface StatusChange {
  iso3: string;
  instrument_code: string;
  status: PartyStatus;
  signed_on: string | null;
  consented_on: string | null;
  source: string;
  as_of: string | null;
}

/** Writes one status; returns false (and writes nothing) when it equals what is stored. */
export async function applyStatus(trx: Transaction<Database>, c: StatusChange, by: string): Promise<boolean> {
  const current = await trx
    .selectFrom('party_status')
    .selectAll()
    .where('iso3', '=', c.iso3)
    .where('instrument_code', '=', c.instrument_code)
    .forUpdate()
    .executeTakeFirst();
  if (
    current &&
    current.status === c.status &&
    current.signed_on === c.signed_on &&
    current.consented_on === c.consented_on
  ) {
    return false;
  }
  await trx
    .insertInto('party_status')
    .values({ ...c })
    .onConflict((oc) =>
      oc.columns(['iso3', 'instrument_code']).doUpdateSet({
        status: c.status,
        signed_on: c.signed_on,
        consented_on: c.consented_on,
        source: c.source,
        as_of: c.as_of,
        updated_at: sql`now()`,
      }),
    )
    .execute();
  await trx
    .insertInto('party_status_history')
    .values({
      iso3: c.iso3,
      instrument_code: c.instrument_code,
      old_status: current?.status ?? null,
      new_status: c.status,
      signed_on: c.signed_on,
      consented_on: c.consented_on,
      source: c.source,
      changed_by: by,
    })
    .execute();
  return true;
}

export function groupsOf(db: Db, iso3s: string[]) {
  return db.selectFrom('states').select(['iso3', 'regional_group']).where('iso3', 'in', iso3s).execute();
}

/** States, every party-status row and the instrument codes: what review draws need (reference.service drawEligibility). */
export async function eligibilityRows(db: Db) {
  const [states, statuses, instruments] = await Promise.all([
    db.selectFrom('states').select(['iso3', 'kind', 'regional_group', 'legal_system', 'legal_families']).orderBy('iso3').execute(),
    db.selectFrom('party_status').select(['iso3', 'instrument_code', 'status']).execute(),
    db.selectFrom('instruments').select('code').orderBy('code').execute(),
  ]);
  return { states, statuses, instruments };
}

/**
 * Everything the reference cache holds (reference.cache.ts), read in one repeatable-read transaction so an import
 * committing meanwhile is either wholly in the snapshot or not at all. Party status without updated_at: no answer
 * uses it.
 */
export function readSnapshotRows(db: Db) {
  // Inside a caller's transaction (a module reading reference data as part of its own work), read in it: it sees what
  // that transaction sees, and a transaction cannot open another. Otherwise one repeatable-read snapshot of it all.
  const within = <T>(fn: (trx: Transaction<Database>) => Promise<T>) =>
    db.isTransaction ? fn(db as unknown as Transaction<Database>) : db.transaction().setIsolationLevel('repeatable read').execute(fn);
  return within(async (trx) => {
      const instruments = await trx.selectFrom('instruments').selectAll().orderBy('sort').execute();
      const articles = await articlesQuery(trx, null).orderBy('p.instrument_code').orderBy('p.article').execute();
      const clusters = await trx.selectFrom('clusters').selectAll().orderBy('sort').execute();
      const clusterArticles = await listClusterArticles(trx);
      const regionalGroups = await trx.selectFrom('regional_groups').selectAll().orderBy('sort').execute();
      const states = await trx.selectFrom('states').selectAll().orderBy('iso3').execute();
      const statuses = await trx
        .selectFrom('party_status as ps')
        .innerJoin('instruments as i', 'i.code', 'ps.instrument_code')
        .select(['ps.iso3', 'ps.instrument_code', 'ps.status', 'ps.signed_on', 'ps.consented_on', 'ps.source', 'ps.as_of'])
        .orderBy('ps.iso3')
        .orderBy('i.sort')
        .execute();
      return { instruments, articles, clusters, clusterArticles, regionalGroups, states, statuses };
    });
}
