import type { Transaction } from 'kysely';
import { listUsers } from '../../platform/auth/accounts.service.ts';
import type { UserActor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { createCase, recordEvent, refreshDerived, type RecordableEvent } from '../cases.service.ts';
import { addDays, demoCases, type DemoCase } from './demo-data.ts';
import { DEMO_EXCHANGES, loadExchange } from './demo-exchanges.ts';

/**
 * The demo cases loaded on `npm start` in demo mode (after the demo directory and accounts): a few dozen
 * requests between the demo States, each created and moved along its timeline through core's `createCase` /
 * `recordEvent`, dated when it happened — so timelines replay, priorities and due steps are computed, and the
 * statistics' facts are kept, exactly as for cases registered by hand — and a few FRA ↔ CHN requests sent
 * through the platform (demo-exchanges.ts), seen on both sides. Idempotent: a case is known by its
 * holder and reference (…-DEMO-…), and one already there is left alone, so a restart adds nothing.
 */

/** The demo central authority of a State, acting for the seed (the timeline names it as such). */
const seedActor = (state: string): UserActor => ({
  kind: 'user',
  id: '00000000-0000-0000-0000-000000000000',
  username: 'demo-cases',
  displayName: `[DEMO] Central authority of ${state} (fictitious)`,
  state,
  roles: ['officer'],
  demo: true,
  language: 'en',
  csrfToken: '',
});

/** Steps of one day are minutes apart, in order. */
const when = (day: string, index: number) => new Date(Date.parse(`${day}T09:00:00Z`) + index * 60_000);

async function load(trx: Transaction<Database>, c: DemoCase, assignees: string[], now: Date): Promise<void> {
  const actor = seedActor(c.owner);
  const created = await createCase(trx, actor, { ...c.newCase, assignees }, { occurredAt: when(c.createdOn, 0) });
  let lastQuery: number | null = null;
  for (const [i, s] of c.steps.entries()) {
    const { answersLastQuery, newEstimate, ...rest } = s.body ?? {};
    const body = {
      type: s.action,
      ...(s.note && { note: s.note }),
      ...rest,
      ...(answersLastQuery ? { answersSeq: lastQuery } : {}),
      ...(typeof newEstimate === 'string' && { newEstimate: addDays(s.on, Number(newEstimate.slice(1))) }),
    } as unknown as RecordableEvent;
    const { entry } = await recordEvent(trx, actor, created.id, body, { occurredAt: when(s.on, i + 1) });
    if (s.action === 'progress_query') lastQuery = entry.seq;
  }
  await refreshDerived(trx, created.id, now);
}

/** Loads what is missing of the demo cases; returns how many were added. `today` (YYYY-MM-DD) for tests. */
export async function loadDemoCases(db: Db, opts: { today?: string } = {}): Promise<{ added: number }> {
  const now = new Date();
  const today = opts.today ?? now.toISOString().slice(0, 10);
  const cases = demoCases(today);
  const owners = [...new Set(cases.map((c) => c.owner))];
  // Demo accounts to assign, when they exist (they are created on an empty database only).
  const byUsername = new Map<string, string>();
  for (const state of owners) for (const u of await listUsers(db, { state })) byUsername.set(u.username, u.id);
  return inTransaction(db, async (trx) => {
    const existing = new Set(
      (await trx.selectFrom('cases_cases').select(['owner_state', 'reference']).where('reference', 'like', '%-DEMO-%').execute()).map((r) => `${r.owner_state}/${r.reference}`),
    );
    let added = 0;
    for (const c of cases) {
      if (existing.has(`${c.owner}/${c.newCase.reference}`)) continue;
      const assignee = c.assign ? byUsername.get(c.assign) : undefined;
      await load(trx, c, assignee ? [assignee] : [], now);
      added++;
    }
    // requests exchanged through the platform between the demo officers' States, both sides
    for (const x of DEMO_EXCHANGES) {
      if (existing.has(`${x.from}/${x.reference}`)) continue;
      await loadExchange(trx, x, seedActor, now);
      added++;
    }
    return { added };
  });
}
