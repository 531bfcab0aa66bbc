import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, migrationFiles } from './migrations.ts';
import { ensureReferenceData, loadReferenceData } from '../../reference/reference.service.ts';
import { seedFingerprint } from '../../reference/reference.fingerprint.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';

async function snapshot(t: TestDatabase) {
  const out: Record<string, unknown> = {};
  for (const table of ['instruments', 'provisions', 'clusters', 'cluster_articles', 'regional_groups', 'states', 'party_status', 'party_status_history']) {
    const r = await sql<{ j: unknown }>`SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]') AS j FROM ${sql.table(table)} t`.execute(t.db);
    out[table] = r.rows[0]!.j;
  }
  return out;
}

describe('migrations and reference data', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ empty: true });
  });
  afterAll(() => t.drop());

  it('apply from scratch, in order, and a second run applies nothing', async () => {
    const first = await migrate(t.db);
    expect(first.applied).toEqual(migrationFiles().map((m) => m.name));
    const tables = await sql<{ n: string }>`SELECT table_name AS n FROM information_schema.tables WHERE table_schema = current_schema()`.execute(t.db);
    expect(tables.rows.map((r) => r.n)).toEqual(expect.arrayContaining(['states', 'users', 'sessions', 'audit_log', 'party_status']));
    expect((await migrate(t.db)).applied).toEqual([]);
  });

  it('loads 198 entities with names in the six UN languages', async () => {
    const counts = await loadReferenceData(t.db);
    expect(counts.states!.inserted).toBe(198);
    const states = await t.db.selectFrom('states').select(['iso3', 'names']).execute();
    expect(states).toHaveLength(198);
    for (const s of states) expect(Object.keys(s.names).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const chn = states.find((s) => s.iso3 === 'CHN')!;
    expect(chn.names.zh).toBe('中国');
    expect(chn.names.ar).toBe('الصين');
    expect(states.find((s) => s.iso3 === 'EUU')!.names.fr).toBe('Union européenne');
  });

  it('loads the six instruments, their articles and the four clusters', async () => {
    const instruments = await t.db.selectFrom('instruments').select('code').orderBy('sort').execute();
    expect(instruments.map((i) => i.code)).toEqual(['UNTOC', 'TIP', 'SOM', 'FIR', 'UNCAC', 'DRUG1988']);
    const untoc = await t.db.selectFrom('provisions').select('eid').where('instrument_code', '=', 'UNTOC').execute();
    expect(untoc).toHaveLength(41);
    expect(untoc.map((p) => p.eid)).toContain('art_18');
    const art8 = await t.db.selectFrom('cluster_articles').selectAll().where('instrument_code', '=', 'UNTOC').where('article', '=', 8).executeTakeFirstOrThrow();
    expect(art8).toMatchObject({ cluster_code: 'criminalization-jurisdiction', only_if_not_party_to: 'UNCAC' });
    const art18 = await t.db.selectFrom('cluster_articles').selectAll().where('instrument_code', '=', 'UNTOC').where('article', '=', 18).executeTakeFirstOrThrow();
    expect(art18.only_if_not_party_to).toBeNull();
  });

  it('loading the reference data again changes nothing', async () => {
    const before = await snapshot(t);
    const counts = await loadReferenceData(t.db);
    for (const c of Object.values(counts)) expect(c).toEqual({ inserted: 0, updated: 0 });
    expect(await snapshot(t)).toEqual(before);
  });

  it('never lets the seed overwrite a status that was imported later', async () => {
    await t.db.updateTable('party_status').set({ status: 'party', source: 'official list' }).where('iso3', '=', 'SOM').where('instrument_code', '=', 'UNTOC').execute();
    await loadReferenceData(t.db);
    const row = await t.db.selectFrom('party_status').selectAll().where('iso3', '=', 'SOM').where('instrument_code', '=', 'UNTOC').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'party', source: 'official list' });
  });

  it('a database missing the job queue\'s schema is not taken as up to date', async () => {
    await sql`DROP SCHEMA pgboss CASCADE`.execute(t.db);
    expect((await migrate(t.db)).applied).toEqual([]);
    const version = await sql<{ v: number }>`SELECT version AS v FROM pgboss.version`.execute(t.db);
    expect(version.rows).toHaveLength(1);
  });

  it('records the seed\'s fingerprint, skips the load while it matches and loads again when it differs', async () => {
    const stored = async () => (await t.db.selectFrom('reference_seed').select('fingerprint').executeTakeFirst())?.fingerprint;
    expect(await stored()).toBe(seedFingerprint());
    // Changed by hand: a start with the same seed leaves it (it does not even read the tables)…
    await t.db.updateTable('states').set({ notes: 'edited by hand' }).where('iso3', '=', 'FRA').execute();
    expect(await ensureReferenceData(t.db)).toBeNull();
    const notes = () => t.db.selectFrom('states').select('notes').where('iso3', '=', 'FRA').executeTakeFirstOrThrow();
    expect((await notes()).notes).toBe('edited by hand');
    // …a start with another seed (a new release, an older backup restored) loads it, and records it.
    await t.db.updateTable('reference_seed').set({ fingerprint: '0'.repeat(64) }).execute();
    const counts = await ensureReferenceData(t.db);
    expect(counts?.states).toEqual({ inserted: 0, updated: 1 });
    expect((await notes()).notes).not.toBe('edited by hand');
    expect(await stored()).toBe(seedFingerprint());
  });
});
