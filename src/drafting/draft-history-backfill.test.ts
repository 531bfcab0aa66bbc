import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationFiles } from '../platform/db/migrations.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';

/**
 * Migration 0013 on a database that already holds drafts written before the workflow: "shared" becomes
 * a stored state, shares left open on finalised drafts end (finalising closes the consultation), and each
 * draft gets its history reconstructed (created or duplicated, the open share, finalised), marked as such.
 */
let t: TestDatabase;
const apply = async (name: string) => sql.raw(fs.readFileSync(migrationFiles().find((m) => m.name === name)!.file, 'utf8')).execute(t.db);
const officer = '11111111-1111-4111-8111-111111111111';
const ids = { plain: 'aaaaaaaa-0000-4000-8000-000000000001', shared: 'aaaaaaaa-0000-4000-8000-000000000002', finalised: 'aaaaaaaa-0000-4000-8000-000000000003', copy: 'aaaaaaaa-0000-4000-8000-000000000004' };

beforeAll(async () => {
  t = await createTestDatabase({ empty: true });
  for (const m of migrationFiles().filter((f) => f.name < '0013')) await apply(m.name);
  const draft = (id: string, n: number, extra: string) =>
    sql.raw(`INSERT INTO drafting_drafts (id, reference, owner_state, requested_state, kind, content, created_by, created_by_name, updated_by, updated_by_name, created_at${extra ? ', ' + extra.split('|')[0] : ''})
             VALUES ('${id}', 'GBR-2025-000${n}', 'GBR', 'CHN', 'mla', '{}', '${officer}', 'Ann Officer', '${officer}', 'Ann Officer', '2025-01-0${n}T10:00:00Z'${extra ? ', ' + extra.split('|')[1] : ''})`).execute(t.db);
  await draft(ids.plain, 1, '');
  await draft(ids.shared, 2, '');
  await draft(ids.finalised, 3, `status, finalised_at, finalised_by, finalised_by_name|'finalised', '2025-02-01T10:00:00Z', '${officer}', 'Ann Officer'`);
  await draft(ids.copy, 4, `duplicated_from|'${ids.finalised}'`);
  for (const id of [ids.shared, ids.finalised]) {
    await sql`INSERT INTO drafting_shares (draft_id, state_iso3, shared_by, shared_by_name, shared_at) VALUES (${id}, 'CHN', ${officer}, 'Ann Officer', '2025-01-15T10:00:00Z')`.execute(t.db);
  }
  await apply(migrationFiles().find((m) => m.name.startsWith('0013'))!.name);
});
afterAll(() => t?.drop());

describe('migration 0013 on drafts written before the workflow', () => {
  it('stores "shared", closes the consultation of finalised drafts, and reconstructs each draft’s history', async () => {
    const rows = await t.db.selectFrom('drafting_drafts').select(['id', 'status']).orderBy('reference').execute();
    expect(rows.map((r) => r.status)).toEqual(['draft', 'shared', 'finalised', 'draft']);
    const open = await t.db.selectFrom('drafting_shares').select(['draft_id', 'ended_at', 'ended_by_name']).execute();
    expect(open.find((s) => s.draft_id === ids.shared)!.ended_at).toBeNull();
    expect(open.find((s) => s.draft_id === ids.finalised)).toMatchObject({ ended_at: new Date('2025-02-01T10:00:00Z'), ended_by_name: 'Ann Officer' });

    const history = await t.db.selectFrom('workflow_transitions').selectAll().where('entity_type', '=', 'drafting_draft').orderBy('id').execute();
    const of = (id: string) => history.filter((h) => h.entity_id === id).map((h) => [h.from_state, h.to_state, h.action]);
    expect(of(ids.plain)).toEqual([[null, 'draft', 'create']]);
    expect(of(ids.shared)).toEqual([[null, 'draft', 'create'], ['draft', 'shared', 'share']]);
    expect(of(ids.finalised)).toEqual([[null, 'draft', 'create'], ['draft', 'finalised', 'finalise']]);
    expect(of(ids.copy)).toEqual([[null, 'draft', 'duplicate']]);
    expect(history.every((h) => h.reason?.includes('reconstructed') && h.actor_name === 'Ann Officer' && h.actor_state === 'GBR')).toBe(true);
    expect(history.find((h) => h.entity_id === ids.finalised && h.action === 'finalise')!.at).toEqual(new Date('2025-02-01T10:00:00Z'));
    await expect(sql`UPDATE drafting_drafts SET status = 'sent'`.execute(t.db)).rejects.toThrow(/drafting_drafts_status_check/);
  });
});
