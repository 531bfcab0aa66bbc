import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { cliActor } from '../cli/cli-context.ts';
import { recordInput } from './knowledge.schemas.ts';
import { createRecord } from './records.service.ts';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => t.drop());

describe('record.published', () => {
  it('is announced in the transaction that adds a record, and not when the addition fails', async () => {
    const actor = cliActor();
    const r = await createRecord(t.db, actor, recordInput.parse({ type: 'guide', lang: 'en', title: 'Guide on joint investigations', fullText: 'joint investigation teams' }));
    const events = await t.db.selectFrom('platform_events').selectAll().where('type', '=', 'record.published').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      aggregate_type: 'knowledge_record', aggregate_id: r.id, actor_id: actor.id, actor_name: actor.displayName,
      payload: { recordId: r.id, type: 'guide', title: 'Guide on joint investigations', lang: 'en', access: 'public', accessState: null },
    });

    await expect(t.db.transaction().execute(async (trx) => {
      await createRecord(trx, actor, recordInput.parse({ type: 'guide', lang: 'en', title: 'A guide never added' }));
      throw new Error('the import failed further on');
    })).rejects.toThrow('the import failed further on');
    expect(await t.db.selectFrom('platform_events').select('id').where('type', '=', 'record.published').execute()).toHaveLength(1);
  });
});
