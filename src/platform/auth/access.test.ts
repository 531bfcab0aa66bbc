import { sql, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { ForbiddenError, NotFoundError } from '../http/errors.ts';
import { ALL, definePolicy, NONE } from './access.ts';
import { ANONYMOUS, type Actor, type Role } from './roles.ts';

/**
 * The access API on a small policy of its own (notes kept by a State, readable by its people or by
 * everyone when public, edited by the author): the verdicts, the 404 that hides what one may not see,
 * the permissions sent with a resource, and the SQL filter agreeing with `can` on real PostgreSQL.
 */

interface Note {
  id: string;
  state: string;
  author: string;
  public: boolean;
}

const user = (id: string, state: string | null, ...roles: Role[]): Actor => ({
  kind: 'user', id, username: id, displayName: id, state, roles, demo: false, language: 'en', csrfToken: '',
});

const notes = definePolicy({
  noun: 'note',
  idOf: (n: Note) => n.id,
  conceal: 'read',
  rules: {
    read: (a, n) => n.public || (a.kind === 'user' && a.state === n.state),
    edit: (a, n) => a.kind === 'user' && a.id === n.author,
  },
  refusals: { read: 'You may not read this note', edit: 'Only its author edits a note' },
  sql: {
    read: (a, col) => (a.kind === 'user' && a.state ? sql<SqlBool>`(${col('public')} OR ${col('state')} = ${a.state})` : sql<SqlBool>`${col('public')}`),
    edit: (a, col) => (a.kind === 'user' ? sql<SqlBool>`${col('author')} = ${a.id}` : NONE),
  },
});

const alice = user('alice', 'FRA', 'officer');
const bob = user('bob', 'MEX', 'officer');
const fraNote: Note = { id: 'n1', state: 'FRA', author: 'alice', public: false };
const publicNote: Note = { id: 'n2', state: 'FRA', author: 'alice', public: true };

describe('can, explain, assertCan', () => {
  it('allows what the rule allows, for that actor only', () => {
    expect(notes.can(alice, 'read', fraNote)).toBe(true);
    expect(notes.can(alice, 'edit', fraNote)).toBe(true);
    expect(notes.can(bob, 'read', fraNote)).toBe(false);
    expect(notes.can(ANONYMOUS, 'read', publicNote)).toBe(true);
    expect(() => notes.assertCan(alice, 'edit', fraNote)).not.toThrow();
  });

  it('answers 404 to whoever may not read the resource, for every action, in the words of a missing one', () => {
    expect(notes.explain(bob, 'read', fraNote)).toEqual({ allowed: false, status: 404, reason: 'No note n1' });
    expect(notes.explain(bob, 'edit', fraNote)).toEqual({ allowed: false, status: 404, reason: 'No note n1' });
    expect(() => notes.assertCan(bob, 'edit', fraNote, 'a custom reason')).toThrow(NotFoundError);
    expect(() => notes.assertCan(bob, 'edit', fraNote)).toThrow('No note n1');
  });

  it('answers 403 with the reason to whoever may see the resource but not do this', () => {
    expect(notes.explain(bob, 'edit', publicNote)).toEqual({ allowed: false, status: 403, reason: 'Only its author edits a note' });
    expect(() => notes.assertCan(bob, 'edit', publicNote)).toThrow(ForbiddenError);
    expect(() => notes.assertCan(bob, 'edit', publicNote, 'Authors only')).toThrow('Authors only');
  });

  it('without a concealing action every refusal is a 403', () => {
    const open = definePolicy({ noun: 'page', idOf: (p: { id: string }) => p.id, rules: { edit: () => false }, refusals: { edit: 'no' } });
    expect(open.explain(alice, 'edit', { id: 'p' })).toEqual({ allowed: false, status: 403, reason: 'no' });
    expect(() => open.accessFilter(alice, 'edit')).toThrow(/no SQL rule for "edit"/);
  });

  it('sends the viewer’s permissions, shaped by the zod block of the response schema', () => {
    expect(notes.actions).toEqual(['read', 'edit']);
    expect(notes.permissions(bob, publicNote)).toEqual({ read: true, edit: false });
    expect(notes.permissions(alice, fraNote)).toEqual({ read: true, edit: true });
    expect(notes.permissionsSchema.parse({ read: true, edit: false, extra: 1 })).toEqual({ read: true, edit: false });
    expect(notes.permissionsSchema.safeParse({ read: true }).success).toBe(false);
  });
});

describe('accessFilter', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ empty: true });
    await sql`CREATE TABLE notes (id text PRIMARY KEY, state text NOT NULL, author text NOT NULL, public boolean NOT NULL)`.execute(t.db);
  });
  afterAll(() => t?.drop());

  it('selects exactly the rows `can` allows, for every actor and action, with or without a table alias', async () => {
    const rows: Note[] = [];
    for (const state of ['FRA', 'MEX']) for (const author of ['alice', 'bob', 'carol']) for (const pub of [true, false]) rows.push({ id: `${state}-${author}-${pub}`, state, author, public: pub });
    for (const r of rows) await sql`INSERT INTO notes VALUES (${r.id}, ${r.state}, ${r.author}, ${r.public})`.execute(t.db);
    const actors = [alice, bob, user('carol', null, 'secretariat'), ANONYMOUS];
    for (const actor of actors) {
      for (const action of notes.actions) {
        const expected = rows.filter((r) => notes.can(actor, action, r)).map((r) => r.id).sort();
        const plain = await sql<{ id: string }>`SELECT id FROM notes WHERE ${notes.accessFilter(actor, action)} ORDER BY id`.execute(t.db);
        const aliased = await sql<{ id: string }>`SELECT n.id FROM notes n WHERE ${notes.accessFilter(actor, action, 'n')} ORDER BY n.id`.execute(t.db);
        expect(plain.rows.map((r) => r.id), `${actor.kind === 'user' ? actor.id : 'anonymous'} ${action}`).toEqual(expected);
        expect(aliased.rows.map((r) => r.id)).toEqual(expected);
      }
    }
  });

  it('has constants for rules that do not depend on the row', async () => {
    const r = await sql<{ a: boolean; n: boolean }>`SELECT ${ALL} AS a, ${NONE} AS n`.execute(t.db);
    expect(r.rows[0]).toEqual({ a: true, n: false });
  });
});
