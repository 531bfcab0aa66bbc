import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { audit, type AuditActor } from '../audit/audit.service.ts';
import { ConflictError, NotFoundError, TooManyRequestsError, UnauthenticatedError, ValidationError } from '../http/errors.ts';
import { isLanguage } from '../i18n/languages.ts';
import { waitText } from '../http/rate-limit-settings.ts';
import * as repo from './accounts.repository.ts';
import { hashDeviceToken, loginSucceeded, reserveAttempt, THROTTLE } from './login-throttle.ts';
import * as throttleRepo from './login-throttle.repository.ts';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { ROLES, STATE_ROLES, type Actor, type Role, type UserActor } from './roles.ts';

/** Sessions end after 2 hours without use, and after 12 hours in any case. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
export { THROTTLE } from './login-throttle.ts';

/** State existence is the reference module's knowledge; accounts ask through this function. */
export type StateExists = (iso3: string) => Promise<boolean>;

/** The audit log's actor reference: a signed-in user is one as they are (audit.service.ts reads id, username, state, roles). */
export function auditActor(actor: Actor): AuditActor | null {
  return actor.kind === 'user' ? actor : null;
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  state: string | null;
  roles: Role[];
  language?: string;
  demo?: boolean;
}

function checkRoles(roles: Role[], state: string | null, path: string) {
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new ValidationError(`Unknown role(s): ${unknown.join(', ')}`, [{ path, message: `roles are ${ROLES.join(', ')}` }]);
  if (!state && roles.some((r) => STATE_ROLES.includes(r))) {
    throw new ValidationError('Roles practitioner, officer, focal_point and expert need a State', [
      { path: 'state', message: 'give the ISO 3166-1 alpha-3 code of the person’s State' },
    ]);
  }
}

export async function createUser(db: Db, input: NewUser, by: Actor, stateExists: StateExists) {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) {
    throw new ValidationError('Invalid user name', [
      { path: 'username', message: '3–64 characters: letters, digits, dot, dash, underscore; starting with a letter or digit' },
    ]);
  }
  const problem = passwordProblem(input.password, username);
  if (problem) throw new ValidationError(`Password ${problem}`, [{ path: 'password', message: problem }]);
  const state = input.state ? input.state.toUpperCase() : null;
  if (state && !(await stateExists(state))) {
    throw new ValidationError(`Unknown State ${state}`, [{ path: 'state', message: 'not a known ISO 3166-1 alpha-3 code' }]);
  }
  checkRoles(input.roles, state, 'roles');
  const language = input.language ?? 'en';
  if (!isLanguage(language)) throw new ValidationError('Unknown language', [{ path: 'language', message: 'one of ar, zh, en, fr, ru, es' }]);
  const password_hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await repo.findUserByUsername(trx, username)) throw new ConflictError(`User ${username} already exists`);
    const user = await repo.insertUser(trx, {
      username,
      display_name: input.displayName.trim() || username,
      email: input.email ?? null,
      password_hash,
      state_iso3: state,
      roles: [...new Set(input.roles)],
      demo: input.demo ?? false,
      language,
    });
    await audit(trx, {
      actor: auditActor(by),
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      details: { username, state, roles: user.roles, demo: user.demo },
    });
    return user;
  });
}

async function requireUser(db: Db, idOrName: string) {
  const user = /^[0-9a-f-]{36}$/.test(idOrName)
    ? await repo.findUserById(db, idOrName)
    : await repo.findUserByUsername(db, idOrName.toLowerCase());
  if (!user) throw new NotFoundError(`No user ${idOrName}`);
  return user;
}

export async function setRoles(db: Db, idOrName: string, roles: Role[], by: Actor) {
  const user = await requireUser(db, idOrName);
  checkRoles(roles, user.state_iso3, 'roles');
  return db.transaction().execute(async (trx) => {
    const updated = await repo.updateUser(trx, user.id, { roles: [...new Set(roles)] });
    await audit(trx, {
      actor: auditActor(by),
      action: 'user.roles',
      targetType: 'user',
      targetId: user.id,
      details: { username: user.username, from: user.roles, to: updated!.roles },
    });
    return updated!;
  });
}

export async function setDisabled(db: Db, idOrName: string, disabled: boolean, by: Actor) {
  const user = await requireUser(db, idOrName);
  return db.transaction().execute(async (trx) => {
    const updated = await repo.updateUser(trx, user.id, { disabled_at: disabled ? new Date() : null });
    if (disabled) await repo.deleteUserSessions(trx, user.id);
    await audit(trx, {
      actor: auditActor(by),
      action: disabled ? 'user.disable' : 'user.enable',
      targetType: 'user',
      targetId: user.id,
      details: { username: user.username },
    });
    return updated!;
  });
}

export function listUsers(db: Db, f: { state?: string; role?: Role; includeDisabled?: boolean }) {
  return repo.listUsers(db, f);
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return Number((await repo.countUsers(db)).n) > 0;
}

export interface LoginResult {
  token: string;
  actor: UserActor;
  expiresAt: Date;
  /** The device cookie to (re)set: this browser is now a known device of the account. */
  deviceToken: string;
}

/** The user name as audited: the name of an account, never text typed for an account that does not exist. */
export const UNKNOWN_ACCOUNT = '(unknown account)';

export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent: string | null; deviceToken?: string | undefined },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const user = await repo.findUserByUsername(db, username);
  const sentDevice = input.deviceToken && input.deviceToken.length <= 100 ? hashDeviceToken(input.deviceToken) : null;
  const knownDevice = user && sentDevice && (await throttleRepo.deviceOwner(db, sentDevice)) === user.id ? sentDevice : null;
  const knownAddress = !!user && !knownDevice && (await throttleRepo.isKnownAddress(db, user.id, input.ip, THROTTLE.knownAddressDays));
  const audited = user ? user.username : UNKNOWN_ACCOUNT;

  const reservation = await reserveAttempt(db, { username, ip: input.ip, knownDevice, knownAddress });
  if (!reservation.ok) {
    await audit(db, { actor: null, action: 'auth.login', outcome: 'denied', ip: input.ip, details: { username: audited, reason: 'throttled' } });
    const wait = reservation.retryAfterSeconds;
    throw new TooManyRequestsError(`Too many failed logins; try again in ${waitText(wait)}`, wait);
  }
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user || !ok || user.disabled_at) {
    await audit(db, {
      actor: null,
      action: 'auth.login',
      outcome: 'failure',
      ip: input.ip,
      details: { username: audited, reason: !user ? 'unknown user' : !ok ? 'wrong password' : 'disabled' },
    });
    throw new UnauthenticatedError('User name or password is wrong, or the account is disabled');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const deviceToken = knownDevice ? input.deviceToken! : crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_MAX_MS);
  await db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, {
      token_hash: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.updateUser(trx, user.id, { last_login_at: new Date() });
    await loginSucceeded(trx, reservation);
    await throttleRepo.rememberAddress(trx, user.id, input.ip);
    await throttleRepo.rememberDevice(trx, hashDeviceToken(deviceToken), user.id);
    await audit(trx, {
      actor: { id: user.id, username: user.username, state: user.state_iso3, roles: user.roles },
      action: 'auth.login',
      ip: input.ip,
    });
  });
  return {
    token,
    expiresAt,
    deviceToken,
    actor: {
      kind: 'user',
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      state: user.state_iso3,
      roles: user.roles,
      demo: user.demo,
      language: user.language,
      csrfToken,
    },
  };
}

/** The actor behind a session cookie, or anonymous when it is missing, expired, idle or disabled. */
export async function resolveSession(db: Db, token: string | undefined): Promise<Actor> {
  if (!token || token.length > 100) return { kind: 'anonymous' };
  const tokenHash = hashToken(token);
  const s = await repo.findSession(db, tokenHash);
  if (!s) return { kind: 'anonymous' };
  const now = Date.now();
  if (s.disabled_at || s.expires_at.getTime() < now || s.last_seen_at.getTime() + SESSION_IDLE_MS < now) {
    await repo.deleteSession(db, tokenHash);
    return { kind: 'anonymous' };
  }
  // Refresh "last seen" at most once a minute: reads must not turn into a write per request.
  if (now - s.last_seen_at.getTime() > 60_000) await repo.touchSession(db, tokenHash);
  return {
    kind: 'user',
    id: s.id,
    username: s.username,
    displayName: s.display_name,
    state: s.state_iso3,
    roles: s.roles,
    demo: s.demo,
    language: s.language,
    csrfToken: s.csrf_token,
  };
}

export async function logout(db: Db, token: string | undefined, actor: Actor, ip: string): Promise<void> {
  if (!token) return;
  await db.transaction().execute(async (trx) => {
    const deleted = await repo.deleteSession(trx, hashToken(token));
    if (Number(deleted.numDeletedRows) > 0) await audit(trx, { actor: auditActor(actor), action: 'auth.logout', ip });
  });
}

/** Accounts by id, for other modules that act on a person's behalf (e.g. saved-search alerts). */
export async function usersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'email', 'state_iso3', 'roles', 'language', 'disabled_at'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((u) => ({ ...u, actor: { kind: 'user' as const, id: u.id, username: u.username, displayName: u.display_name, state: u.state_iso3, roles: u.roles, demo: false, language: u.language, csrfToken: '' } }));
}
