import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { NotFoundError, ValidationError } from '../platform/http/errors.ts';
import { recordPolicy } from './knowledge.policy.ts';
import { readRecord } from './records.service.ts';
import { indexRecord } from './search.service.ts';
import { writeKnowledge } from './search.cache.ts';

/**
 * National legislation held per provision: each wording with the period it was in force, so the law can
 * be shown as it stood on any date. Amending a provision closes the wording in force and opens a new one;
 * repealing closes it. Provision ids follow Akoma Ntoso (art_2__para_1).
 */

export const EID = /^(art|sec|chp|part)_[0-9a-z]+(__(para|subpara|point)_[0-9a-z]+)*$/;

async function legislation(db: Db, actor: Actor, recordId: string, write: boolean) {
  const r = await readRecord(db, actor, recordId);
  if (r.type !== 'legislation') throw new ValidationError('Only legislation records have provisions', [{ path: 'params.id', message: `this record is a ${r.type}` }]);
  if (write) recordPolicy.assertCan(actor, 'edit', r, 'Only the secretariat, or the focal point of the enacting State, may change this law');
  if (write && r.retired_at) throw new ValidationError('This record is retired');
  return r;
}

export async function setProvision(
  db: Db,
  actor: Actor,
  recordId: string,
  p: { eid: string; heading?: string; text: string; validFrom: string; change?: string },
) {
  await legislation(db, actor, recordId, true);
  return writeKnowledge(db, async (trx) => {
    const open = await trx
      .selectFrom('legislation_provisions')
      .selectAll()
      .where('record_id', '=', recordId)
      .where('eid', '=', p.eid)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (open && open.valid_from >= p.validFrom) {
      throw new ValidationError(`A wording of ${p.eid} already starts on ${open.valid_from}: amendments must come after it`, [{ path: 'body.validFrom', message: `after ${open.valid_from}` }]);
    }
    if (open && open.valid_to === null) {
      await trx.updateTable('legislation_provisions').set({ valid_to: p.validFrom }).where('record_id', '=', recordId).where('eid', '=', p.eid).where('valid_from', '=', open.valid_from).execute();
    }
    await trx
      .insertInto('legislation_provisions')
      .values({ record_id: recordId, eid: p.eid, heading: p.heading ?? null, text: p.text, valid_from: p.validFrom, valid_to: null, change: p.change ?? (open ? 'amended' : 'enacted') })
      .execute();
    await indexRecord(trx, recordId);
    await audit(trx, { actor: auditActor(actor), action: 'knowledge.provision.set', targetType: 'knowledge_record', targetId: recordId, details: { eid: p.eid, validFrom: p.validFrom } });
  });
}

export async function repealProvision(db: Db, actor: Actor, recordId: string, eid: string, on: string, change?: string) {
  await legislation(db, actor, recordId, true);
  await writeKnowledge(db, async (trx) => {
    const r = await trx
      .updateTable('legislation_provisions')
      .set({ valid_to: on, change: sql`coalesce(change, '') || ${`; repealed${change ? ` by ${change}` : ''} on ${on}`}` })
      .where('record_id', '=', recordId)
      .where('eid', '=', eid)
      .where('valid_to', 'is', null)
      .where('valid_from', '<', on)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new NotFoundError(`No wording of ${eid} in force before ${on}`);
    await indexRecord(trx, recordId);
    await audit(trx, { actor: auditActor(actor), action: 'knowledge.provision.repeal', targetType: 'knowledge_record', targetId: recordId, details: { eid, on } });
  });
}

/** The law as it stood on `date` (today by default): the wording of each provision in force that day. */
export async function provisionsAt(db: Db, actor: Actor, recordId: string, date?: string) {
  await legislation(db, actor, recordId, false);
  const day = date ?? new Date().toISOString().slice(0, 10);
  return db
    .selectFrom('legislation_provisions')
    .selectAll()
    .where('record_id', '=', recordId)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .orderBy('eid')
    .execute();
}

/** Every wording of every provision, for the history view. */
export async function provisionHistory(db: Db, actor: Actor, recordId: string) {
  await legislation(db, actor, recordId, false);
  return db.selectFrom('legislation_provisions').selectAll().where('record_id', '=', recordId).orderBy('eid').orderBy('valid_from').execute();
}
