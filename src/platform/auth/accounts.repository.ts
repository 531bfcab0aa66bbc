import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { Role } from './roles.ts';
import './accounts.tables.ts';

/** All SQL for users and sessions (login throttling: login-throttle.repository.ts). */

type Conn = Db | Transaction<Database>;

const PUBLIC_COLUMNS = [
  'id',
  'username',
  'display_name',
  'email',
  'state_iso3',
  'roles',
  'language',
  'demo',
  'disabled_at',
  'created_at',
  'last_login_at',
] as const;

export function findUserByUsername(db: Conn, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Conn, id: string) {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Conn, f: { state?: string; role?: Role; includeDisabled?: boolean }) {
  let q = db.selectFrom('users').select(PUBLIC_COLUMNS).orderBy('username');
  if (f.state) q = q.where('state_iso3', '=', f.state);
  if (f.role) q = q.where(sql<boolean>`${f.role} = ANY(roles)`);
  if (!f.includeDisabled) q = q.where('disabled_at', 'is', null);
  return q.execute();
}

export function countUsers(db: Conn) {
  return db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
}

export function insertUser(
  db: Conn,
  u: { username: string; display_name: string; email: string | null; password_hash: string; state_iso3: string | null; roles: Role[]; demo: boolean; language: string },
) {
  return db.insertInto('users').values(u).returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow();
}

export function updateUser(
  db: Conn,
  id: string,
  patch: Partial<{ roles: Role[]; disabled_at: Date | null; password_hash: string; last_login_at: Date; display_name: string; state_iso3: string | null }>,
) {
  return db.updateTable('users').set(patch).where('id', '=', id).returning(PUBLIC_COLUMNS).executeTakeFirst();
}

export function insertSession(db: Conn, s: { token_hash: string; user_id: string; csrf_token: string; expires_at: Date; ip: string | null; user_agent: string | null }) {
  return db.insertInto('sessions').values(s).execute();
}

export function findSession(db: Conn, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.state_iso3',
      'u.roles',
      'u.demo',
      'u.language',
      'u.disabled_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function touchSession(db: Conn, tokenHash: string) {
  return db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('token_hash', '=', tokenHash).execute();
}

export function deleteSession(db: Conn, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function deleteUserSessions(db: Conn, userId: string) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function deleteExpiredSessions(db: Conn) {
  return db.deleteFrom('sessions').where('expires_at', '<', sql<Date>`now()`).execute();
}
