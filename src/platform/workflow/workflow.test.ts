import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../auth/roles.ts';
import { AppError } from '../http/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import {
  actionsSchema, allowedActions, defineMachine, historySchema, listTransitions, priorAction, recordCreation, relationship, requiredFields, role, toMermaid,
  transition, transitionDto, type Machine,
} from './index.ts';
import { everyStateAction } from './testing.ts';

/**
 * The workflow kit on a machine of its own (a small review item: open → submitted → accepted | returned),
 * over a throwaway table in this file's database, so the kit is tested apart from any module.
 */
interface Item {
  id: string;
  version: number;
  state: 'open' | 'submitted' | 'accepted' | 'returned';
  owner_state: string;
  title: string;
}
declare module '../db/database.ts' {
  interface Database {
    wf_test_items: Item;
  }
}
type Ctx = { history: readonly { action: string }[] };

const ownerSide = relationship<Item, Ctx>('owner side', (a, e) => a.kind === 'user' && a.state === e.owner_state, 'Only the owning State may do this');
const machine = defineMachine<Item['state'], 'submit' | 'accept' | 'return' | 'reopen' | 'edit', Item, Ctx>({
  entityType: 'wf_test_item',
  label: 'item',
  table: 'wf_test_items',
  stateColumn: 'state',
  states: ['open', 'submitted', 'accepted', 'returned'],
  initial: 'open',
  transitions: [
    { action: 'submit', from: ['open', 'returned'], to: 'submitted', guards: [ownerSide, requiredFields('title', (e) => (e.title ? [] : ['$.title']), 'Give the item a title first')] },
    { action: 'accept', from: ['submitted'], to: 'accepted', guards: [role(['secretariat'], 'Only the secretariat accepts')] },
    { action: 'return', from: ['submitted'], to: 'returned', guards: [role(['secretariat'], 'Only the secretariat returns')] },
    { action: 'reopen', from: ['returned'], to: 'open', guards: [ownerSide, priorAction(['return'], 'Only a returned item reopens')] },
    { action: 'edit', from: ['open', 'returned'], guards: [ownerSide] },
  ],
  stateOf: (e) => e.state,
  idOf: (e) => e.id,
  versionOf: (e) => e.version,
});

const user = (name: string, roles: Role[], state: string | null): Actor => ({
  kind: 'user', id: crypto.randomUUID(), username: name, displayName: name, state, roles, demo: false, language: 'en', csrfToken: '',
});
const drafter = user('Ana', ['practitioner'], 'GBR');
const secretariat = user('Sam', ['secretariat'], null);
const stranger = user('Fra', ['practitioner'], 'FRA');

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await sql`CREATE TABLE wf_test_items (id uuid PRIMARY KEY, version int NOT NULL DEFAULT 1, state text NOT NULL DEFAULT 'open', owner_state text NOT NULL, title text NOT NULL)`.execute(t.db);
});
afterAll(() => t.drop());

async function newItem(title = 'Annual report', state: Item['state'] = 'open'): Promise<Item> {
  const item = await t.db.insertInto('wf_test_items').values({ id: crypto.randomUUID(), version: 1, state, owner_state: 'GBR', title }).returningAll().executeTakeFirstOrThrow();
  await t.db.transaction().execute((trx) => recordCreation(trx, machine, { entity: item, action: 'create', actor: drafter }));
  return item;
}
const reload = (id: string) => t.db.selectFrom('wf_test_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const history = async (id: string) => listTransitions(t.db, machine, id);
const ctxOf = async (id: string): Promise<Ctx> => ({ history: await history(id) });
const run = (item: Item, action: Parameters<typeof transition>[2]['action'], actor: Actor, ctx: Ctx, reason?: string) =>
  t.db.transaction().execute((trx) => transition(trx, machine as Machine<Item['state'], string, Item, Ctx>, { entity: item, action, actor, ctx, reason }));
async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('a machine is checked when it is defined', () => {
  it('refuses unknown states and an action defined twice from one state', () => {
    const base = { entityType: 'x', label: 'x', table: 'wf_test_items' as const, stateColumn: 'state', initial: 'a', stateOf: () => 'a' as const, idOf: () => '', versionOf: () => 1 };
    expect(() => defineMachine({ ...base, states: ['a'], transitions: [{ action: 'go', from: ['a'], to: 'b' as 'a' }] })).toThrow(/unknown state b/);
    expect(() => defineMachine({ ...base, states: ['a'], transitions: [{ action: 'go', from: ['a'], to: 'a' }, { action: 'go', from: ['a'] }] })).toThrow(/defined twice from a/);
    expect(() => defineMachine({ ...base, states: ['a', 'a'], transitions: [] })).toThrow(/listed twice/);
  });
});

describe('allowed actions, with reasons', () => {
  it('lists every action for the viewer: allowed ones, and refused ones with the state or each failing guard', async () => {
    const item = await newItem('');
    const mine = allowedActions(machine, drafter, item, await ctxOf(item.id));
    expect(mine.map((a) => a.action)).toEqual(['submit', 'accept', 'return', 'reopen', 'edit']);
    expect(mine.find((a) => a.action === 'edit')).toEqual({ action: 'edit', allowed: true, reasons: [] });
    expect(mine.find((a) => a.action === 'submit')).toMatchObject({ allowed: false, reasons: [{ code: 'missing-fields', issues: [{ path: '$.title' }] }] });
    expect(mine.find((a) => a.action === 'accept')!.reasons[0]).toMatchObject({ code: 'state', message: expect.stringContaining('The item is open') });
    const theirs = allowedActions(machine, stranger, item, await ctxOf(item.id));
    expect(theirs.find((a) => a.action === 'submit')!.reasons.map((r) => r.code)).toEqual(['relationship', 'missing-fields']);
    expect(actionsSchema(machine).parse(mine)).toEqual(mine);
  });
});

describe('transitions', () => {
  it('refuses an undefined transition with a 409 naming the state and what is possible; nothing is written', async () => {
    const item = await newItem();
    const e = await refusal(run(item, 'accept', secretariat, await ctxOf(item.id)));
    expect(e.status).toBe(409);
    expect(e.message).toBe('The item is open: "accept" is not possible in that state (there is nothing you can do with it now)');
    const mine = await refusal(run(item, 'reopen', drafter, await ctxOf(item.id)));
    expect(mine.message).toContain('(what you can do now: submit, edit)');
    expect(await reload(item.id)).toMatchObject({ state: 'open', version: 1 });
    expect((await history(item.id)).map((h) => h.action)).toEqual(['create']);
  });

  it('refuses failing guards with their status and reason: 403 who may not, 422 incomplete (naming the fields), 409 not yet', async () => {
    const item = await newItem('');
    expect((await refusal(run(item, 'submit', stranger, await ctxOf(item.id)))).status).toBe(403);
    const incomplete = await refusal(run(item, 'submit', drafter, await ctxOf(item.id)));
    expect(incomplete).toMatchObject({ status: 422, code: 'unprocessable', issues: [{ path: '$.title', message: 'Give the item a title first' }] });
    const submitted = await newItem('Report', 'submitted');
    expect((await refusal(run(submitted, 'accept', drafter, await ctxOf(submitted.id)))).status).toBe(403);
    // reopening needs a prior "return" in the history: an item inserted as returned has none
    const returned = await newItem('Report', 'returned');
    expect(await refusal(run(returned, 'reopen', drafter, await ctxOf(returned.id)))).toMatchObject({ status: 409, code: 'conflict', message: 'Only a returned item reopens' });
    expect((await history(returned.id)).map((h) => h.action)).toEqual(['create']);
  });

  it('writes the new state and a history row with who, when, from, to and why', async () => {
    const item = await newItem();
    const before = Date.now();
    const { entry } = await run(item, 'submit', drafter, await ctxOf(item.id), 'ready for review');
    expect(await reload(item.id)).toMatchObject({ state: 'submitted', version: 1 }); // a state change is not an edit
    expect(entry).toMatchObject({ entity_type: 'wf_test_item', entity_id: item.id, from_state: 'open', to_state: 'submitted', action: 'submit', actor_id: (drafter as { id: string }).id, actor_name: 'Ana', actor_state: 'GBR', reason: 'ready for review' });
    expect(entry.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const returned = await run(await reload(item.id), 'return', secretariat, await ctxOf(item.id), 'figures missing');
    expect(returned.entry).toMatchObject({ actor_state: null, reason: 'figures missing' });
    await run(await reload(item.id), 'reopen', drafter, await ctxOf(item.id)); // now there is a prior "return"
    const h = await history(item.id);
    expect(h.map((r) => [r.from_state, r.to_state, r.action])).toEqual([[null, 'open', 'create'], ['open', 'submitted', 'submit'], ['submitted', 'returned', 'return'], ['returned', 'open', 'reopen']]);
    expect(historySchema(machine).parse({ items: h.map(transitionDto) }).items[3]).toMatchObject({ from: 'returned', to: 'open', by: { name: 'Ana' } });
  });

  it('the history row is part of the caller’s transaction: rolled back with it', async () => {
    const item = await newItem();
    const ctx = await ctxOf(item.id);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await transition(trx, machine, { entity: item, action: 'submit', actor: drafter, ctx });
        throw new Error('the rest of the change failed');
      }),
    ).rejects.toThrow('the rest of the change failed');
    expect((await reload(item.id)).state).toBe('open');
    expect((await history(item.id)).map((h) => h.action)).toEqual(['create']);
  });

  it('optimistic concurrency: a row that moved on since it was read is a 409 (version or state), nothing written', async () => {
    const item = await newItem();
    const ctx = await ctxOf(item.id);
    await t.db.updateTable('wf_test_items').set({ title: 'Edited meanwhile', version: 2 }).where('id', '=', item.id).execute();
    const stale = await refusal(run(item, 'submit', drafter, ctx));
    expect(stale.status).toBe(409);
    expect(stale.issues[0]).toMatchObject({ path: 'body.expectedVersion' });
    // two submits of the same read: one wins, the other finds the state changed
    const fresh = await reload(item.id);
    const results = await Promise.allSettled([run(fresh, 'submit', drafter, ctx), run(fresh, 'submit', drafter, ctx)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as AppError;
    expect(lost).toMatchObject({ status: 409, message: 'The item is submitted now (it was open when you read it); reload it and try again' });
    expect((await history(item.id)).map((h) => h.action)).toEqual(['create', 'submit']);
  });

  it('the history is append-only', async () => {
    const item = await newItem();
    await expect(sql`UPDATE workflow_transitions SET reason = 'rewritten' WHERE entity_id = ${item.id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM workflow_transitions WHERE entity_id = ${item.id}`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});

describe('tests generated from the machine', () => {
  // Someone for whom every guard holds, and the history that satisfies "prior action" guards.
  const allowedActor = (action: string) => (action === 'accept' || action === 'return' ? secretariat : drafter);
  for (const { state, action, defined } of everyStateAction(machine)) {
    it(`${state} × ${action}: ${defined ? (defined.to ? `allowed, to ${defined.to}` : 'allowed, keeps the state') : 'refused'}`, async () => {
      const item = await newItem('Report', state);
      const ctx = { history: [{ action: 'return' }] };
      const listed = allowedActions(machine, allowedActor(action), item, ctx).find((a) => a.action === action)!;
      expect(listed.allowed).toBe(!!defined);
      if (!defined) {
        const e = await refusal(run(item, action, allowedActor(action), ctx));
        expect(e.status).toBe(409);
        expect(e.message).toContain(`The item is ${state}`);
        expect((await reload(item.id)).state).toBe(state);
      } else if (defined.to) {
        await run(item, action, allowedActor(action), ctx);
        expect((await reload(item.id)).state).toBe(defined.to);
        expect((await history(item.id)).at(-1)).toMatchObject({ from_state: state, to_state: defined.to, action });
      }
    });
  }

  it('renders the machine as a Mermaid state diagram', () => {
    expect(toMermaid(machine)).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> open',
        '  open --> submitted: submit [owner side, title]',
        '  returned --> submitted: submit [owner side, title]',
        '  submitted --> accepted: accept [role secretariat]',
        '  submitted --> returned: return [role secretariat]',
        '  returned --> open: reopen [owner side, after return]',
        '  accepted --> [*]',
      ].join('\n'),
    );
    expect(toMermaid(machine, { stays: true })).toContain('  open --> open: edit [owner side]');
  });
});
