import type { Actor } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { createEntry, updateEntry } from '../directory.service.ts';
import { demoAuthorities, demoExperts, demoMeasures, demoNotifications } from './demo-data.ts';

const DEMO_ACTOR: Actor = {
  kind: 'user',
  id: '00000000-0000-0000-0000-000000000000',
  username: 'demo-directory',
  displayName: 'Palermo demo directory',
  state: null,
  roles: ['secretariat'],
  demo: true,
  language: 'en',
  csrfToken: '',
};

/**
 * The demo directory loaded on `npm start`: realistic structure, fictitious contact details (clearly
 * marked), never real people's contacts. Idempotent: an entry already there (by its natural key, even
 * if since changed or retired) is left alone, so a restart adds nothing and keeps users' edits.
 */
export async function loadDemoDirectory(db: Db): Promise<{ added: number }> {
  return inTransaction(db, async (trx) => {
    let added = 0;
    const authorityIds = new Map<string, string>();
    const idsByName = new Map<string, string>();
    for (const a of demoAuthorities()) {
      let q = trx.selectFrom('directory_authorities').select('id').where('category', '=', a.category as string).where('name', '=', a.name as string);
      q = a.iso3 ? q.where('iso3', '=', a.iso3 as string) : q.where('iso3', 'is', null);
      const existing = await q.executeTakeFirst();
      const id = existing?.id ?? (await createEntry(trx, DEMO_ACTOR, 'authority', a)).id;
      if (!existing) added++;
      if (a.category === 'central-authority') authorityIds.set(a.iso3 as string, id);
      idsByName.set(`${a.iso3 as string}/${a.name as string}`, id);
    }
    for (const { receivingAuthorityEntry: entry, ...m } of demoMeasures()) {
      const existing = await trx.selectFrom('directory_measures').select('id').where('iso3', '=', m.iso3 as string).where('measure', '=', m.measure as string).executeTakeFirst();
      if (existing) continue;
      // the entry the record names as receiving authority (by name; null: none in the directory), else the central authority
      const receivingAuthorityId = entry === undefined ? authorityIds.get(m.iso3 as string) : entry === null ? undefined : idsByName.get(`${m.iso3 as string}/${entry as string}`);
      await createEntry(trx, DEMO_ACTOR, 'measure', { ...m, receivingAuthorityId: receivingAuthorityId ?? null });
      added++;
    }
    for (const { entry, then } of demoNotifications()) {
      const existing = await trx
        .selectFrom('directory_notifications')
        .select('id')
        .where('iso3', '=', entry.iso3 as string)
        .where('type', '=', entry.type as string)
        .where('made_on', '=', entry.madeOn as string)
        .executeTakeFirst();
      if (existing) continue;
      const extra = entry.type === 'art18-13' ? { authorityId: authorityIds.get(entry.iso3 as string) ?? null } : {};
      const created = await createEntry(trx, DEMO_ACTOR, 'notification', { ...entry, ...extra });
      if (then) await updateEntry(trx, DEMO_ACTOR, 'notification', created.id, then);
      added++;
    }
    for (const e of demoExperts()) {
      const existing = await trx.selectFrom('directory_experts').select('id').where('name', '=', e.name as string).executeTakeFirst();
      if (existing) continue;
      await createEntry(trx, DEMO_ACTOR, 'expert', e);
      added++;
    }
    return { added };
  });
}
