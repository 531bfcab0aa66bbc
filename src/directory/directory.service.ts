import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import { hasRole, type Actor } from '../platform/auth/roles.ts';
import type { Database, Db } from '../platform/db/database.ts';
import { writeDirectory } from './routing.cache.ts';
import { assertVersion } from '../platform/versioning.ts';
import { writeVersioned, type VersionedChange } from '../platform/versioned-entity.ts';
import type { EntryChange } from './directory.audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type Issue } from '../platform/http/errors.ts';
import { stateExists } from '../reference/reference.service.ts';
import { canSeeContacts, canSeeExpertContacts, entryPolicy, expertPolicy, policyFor, whoIs } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import { CONTACT_FIELDS, DEFAULTS, FIELDS, PART_OF, PATCHES, type Category, type EntryType } from './directory.schemas.ts';
import type { Provenance } from './directory.tables.ts';

/**
 * Directory entries of the four types (authorities — including focal points and Firearms points of
 * contact —, per-measure records, notifications, experts) share one life: created, changed, confirmed
 * still correct, retired; each change writes a history row (who, when, field by field) and an audit
 * entry in the same transaction, and bumps the version.
 */

export const today = () => new Date().toISOString().slice(0, 10);

/** Parses with a zod schema, turning its issues into our ValidationError with `prefix.field` paths. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix = 'body'): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues: Issue[] = r.error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
  throw new ValidationError(`Invalid ${prefix === 'body' ? 'entry' : prefix}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
}

/** JSON with object keys sorted: jsonb hands keys back in its own order, which is no change. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return `{${Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
const same = (a: unknown, b: unknown) => stable(a) === stable(b);

function defaultProvenance(actor: Actor): Provenance {
  if (actor.kind === 'user' && hasRole(actor, 'secretariat')) return { type: 'secretariat', date: today(), reference: null };
  return { type: 'focal-point-update', date: today(), reference: actor.kind === 'user' ? actor.state : null };
}

// ——— reading ———

export interface EntryDto extends Record<string, unknown> {
  id: string;
  entryType: EntryType;
  iso3: string | null;
  version: number;
  lastVerified: string | null;
  updatedAt: string;
  updatedBy: string | null;
  retired: boolean;
  contactsVisible: boolean;
  /** What the viewer may do with the entry (directory.policy.ts): the UI shows what this allows. */
  permissions: { read: boolean; contacts: boolean; edit: boolean };
}

export function entryDto(type: EntryType, row: repo.Row, actor: Actor): EntryDto {
  const f = repo.rowFields(row);
  const permissions = policyFor(type).permissions(actor, row);
  const hidden = !permissions.contacts;
  if (hidden) for (const k of CONTACT_FIELDS[type]) f[k] = null;
  return {
    ...f,
    id: row.id,
    entryType: type,
    iso3: row.iso3,
    ...(type === 'authority' ? { part: PART_OF[row.category as Category] } : {}),
    version: row.version,
    lastVerified: row.last_verified,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: canSeeContacts(actor) ? row.updated_by : null,
    retired: row.retired_at !== null,
    contactsVisible: !hidden,
    permissions,
  };
}

async function readable(db: Db, actor: Actor, type: EntryType, id: string): Promise<repo.Row> {
  const row = await repo.find(db, type, id);
  if (!row) throw new NotFoundError(`No directory ${type} ${id}`);
  if (type === 'expert') assertExpertListReader(actor);
  return row;
}

export async function getEntry(db: Db, actor: Actor, type: EntryType, id: string): Promise<EntryDto> {
  const row = await readable(db, actor, type, id);
  if (type === 'expert') await audit(db, { actor: auditActor(actor), action: 'directory.expert.read', targetType: 'directory_expert', targetId: id });
  return entryDto(type, row, actor);
}

export async function getHistory(db: Db, actor: Actor, type: EntryType, id: string) {
  await readable(db, actor, type, id);
  const hiddenFields = new Set(type === 'expert' ? (canSeeExpertContacts(actor) ? [] : CONTACT_FIELDS.expert) : canSeeContacts(actor) ? [] : CONTACT_FIELDS[type]);
  return (await repo.history(db, type, id)).map((h) => ({
    version: h.version,
    action: h.action,
    changedAt: h.changed_at.toISOString(),
    changedBy: canSeeContacts(actor) ? h.changed_by : null,
    changes: Object.fromEntries(
      Object.entries(h.changes).map(([field, c]) => [field, hiddenFields.has(field) ? { from: null, to: null, hidden: true } : c]),
    ),
  }));
}

export function assertExpertListReader(actor: Actor): void {
  expertPolicy.assertCan(actor, 'read', { id: '', iso3: null });
}

// ——— changing ———

interface WriteOpts {
  /** Refuse the change when the entry moved on since the caller read it. */
  expectedVersion?: number;
}

async function checkReferences(trx: Transaction<Database>, type: EntryType, e: Record<string, unknown>, issues: Issue[], path: string) {
  const iso3 = (e.iso3 as string | null) ?? null;
  const states = [iso3, ...((e.memberStates as string[] | undefined) ?? [])].filter((s): s is string => !!s);
  for (const s of new Set(states)) {
    if (!(await stateExists(trx as unknown as Db, s))) issues.push({ path: `${path}.${s === iso3 ? 'iso3' : 'memberStates'}`, message: `"${s}" is not a known State code` });
  }
  if (type === 'authority' && iso3 === null && e.category !== 'informal-channel') {
    issues.push({ path: `${path}.iso3`, message: 'an authority belongs to a State (only a regional network may have none)' });
  }
  for (const field of ['receivingAuthorityId', 'authorityId'] as const) {
    const ref = e[field] as string | null | undefined;
    if (!ref) continue;
    const a = await repo.find(trx, 'authority', ref);
    if (!a || a.retired_at) issues.push({ path: `${path}.${field}`, message: `no authority ${ref}` });
    else if (a.iso3 !== iso3) issues.push({ path: `${path}.${field}`, message: `authority ${ref} belongs to ${a.iso3 ?? 'no State'}, not ${iso3}` });
  }
  if (type === 'notification') {
    if (e.extraditionBasis && e.type !== 'art16-5-a') issues.push({ path: `${path}.extraditionBasis`, message: 'only for an art. 16(5)(a) notification' });
    if (e.type === 'art16-5-a' && !e.extraditionBasis) issues.push({ path: `${path}.extraditionBasis`, message: 'say yes or no: does the State take the Convention as legal basis for extradition?' });
    if (e.type === 'art18-14' && !(e.languages as string[] | null)?.length) issues.push({ path: `${path}.languages`, message: 'an art. 18(14) notification names the accepted languages' });
  }
}

type Changes = Record<string, { from: unknown; to: unknown }>;

/** A change of an existing entry: the versioned UPDATE, its history row and its audit entry, as one sequence. */
async function change(trx: Transaction<Database>, actor: Actor, type: EntryType, c: VersionedChange<(typeof repo.TABLE)[EntryType]>, action: EntryChange, changes: Changes): Promise<repo.Row> {
  return (await writeVersioned(trx, {
    change: c,
    actor,
    history: (row) => history(trx, actor, type, row as unknown as repo.Row, action, changes),
    audit: (row) => auditOf(type, row as unknown as repo.Row, action, changes),
  })) as unknown as repo.Row;
}

const auditOf = (type: EntryType, row: repo.Row, action: EntryChange, changes: Changes) => ({
  action: `directory.${type}.${action}` as const,
  targetType: `directory_${type}`,
  targetId: row.id,
  details: { iso3: row.iso3, version: row.version, fields: Object.keys(changes) },
});

function history(trx: Transaction<Database>, actor: Actor, type: EntryType, row: repo.Row, action: EntryChange, changes: Changes) {
  return repo.addHistory(trx, {
    entry_type: type,
    entry_id: row.id,
    iso3: row.iso3,
    version: row.version,
    action,
    changed_by: whoIs(actor),
    changes,
    snapshot: repo.rowFields(row),
  });
}

export async function createEntry(db: Db | Transaction<Database>, actor: Actor, type: EntryType, input: unknown, path = 'body'): Promise<EntryDto> {
  const parsed = validate(FIELDS[type], input, path) as Record<string, unknown>;
  const entry: Record<string, unknown> = { ...DEFAULTS[type], ...parsed };
  entry.provenance ??= defaultProvenance(actor);
  // An expert keeps their own entry: it is theirs and of their State, whatever the body says.
  if (type === 'expert' && !hasRole(actor, 'secretariat') && actor.kind === 'user') {
    entry.userId = actor.id;
    entry.iso3 = actor.state;
  }
  const iso3 = (entry.iso3 as string | null) ?? null;
  if (!policyFor(type).can(actor, 'edit', { id: '', iso3, user_id: entry.userId })) {
    throw new ForbiddenError(type === 'expert' ? 'Only the secretariat or the expert concerned may change an expert’s entry' : `You may only change the directory entries of your own State${iso3 ? ` (not ${iso3})` : ''}`);
  }
  return writeDirectory(db, async (trx) => {
    const issues: Issue[] = [];
    await checkReferences(trx, type, entry, issues, path);
    if (type === 'measure' && (await repo.findMeasure(trx, iso3!, entry.measure as string))) {
      throw new ConflictError(`${iso3} already has a record for ${String(entry.measure)}: change that one`);
    }
    if (issues.length) throw new ValidationError(`Invalid entry: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
    const row = await repo.insert(trx, type, entry, whoIs(actor));
    const changes = Object.fromEntries(
      Object.entries(repo.rowFields(row)).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)).map(([k, v]) => [k, { from: null, to: v }]),
    );
    await history(trx, actor, type, row, 'create', changes);
    await audit(trx, { actor, ...auditOf(type, row, 'create', changes) });
    return entryDto(type, row, actor);
  });
}

async function lockForChange(trx: Transaction<Database>, actor: Actor, type: EntryType, id: string, opts: WriteOpts): Promise<repo.Row> {
  const row = await repo.find(trx, type, id, { forUpdate: true });
  if (!row || row.retired_at) throw new NotFoundError(`No directory ${type} ${id}`);
  policyFor(type).assertCan(actor, 'edit', row, type === 'expert' ? undefined : `You may only change the directory entries of your own State (this one is ${row.iso3 ?? 'a regional network'})`);
  if (opts.expectedVersion !== undefined) assertVersion(row.version, opts.expectedVersion, 'entry');
  return row;
}

export async function updateEntry(
  db: Db | Transaction<Database>,
  actor: Actor,
  type: EntryType,
  id: string,
  input: unknown,
  opts: WriteOpts & { path?: string } = {},
): Promise<{ entry: EntryDto; changed: boolean }> {
  const path = opts.path ?? 'body';
  const patch = validate(PATCHES[type], input, path) as Record<string, unknown>;
  for (const k of Object.keys(patch)) if (patch[k] === undefined) delete patch[k];
  return writeDirectory(db, async (trx) => {
    const row = await lockForChange(trx, actor, type, id, opts);
    const current = repo.rowFields(row);
    if ('iso3' in patch && patch.iso3 !== row.iso3 && !policyFor(type).can(actor, 'edit', { ...row, iso3: (patch.iso3 as string | null) ?? null })) {
      throw new ForbiddenError(`You may not move an entry to ${String(patch.iso3 ?? 'no State')}`);
    }
    if (type === 'expert' && 'userId' in patch && patch.userId !== row.user_id && !hasRole(actor, 'secretariat')) {
      throw new ForbiddenError('Only the secretariat may link an expert entry to another account');
    }
    const changed = Object.keys(patch).filter((k) => k !== 'provenance' && !same(current[k], patch[k]));
    if (changed.length === 0) return { entry: entryDto(type, row, actor), changed: false };
    const provenance = patch.provenance ?? defaultProvenance(actor);
    const merged: Record<string, unknown> = { ...current, ...patch, provenance };
    const issues: Issue[] = [];
    await checkReferences(trx, type, merged, issues, path);
    if (type === 'measure' && ('measure' in patch || 'iso3' in patch)) {
      const other = await repo.findMeasure(trx, merged.iso3 as string, merged.measure as string);
      if (other && other.id !== id) throw new ConflictError(`${String(merged.iso3)} already has a record for ${String(merged.measure)}`);
    }
    if (issues.length) throw new ValidationError(`Invalid entry: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
    const set: Record<string, unknown> = { provenance };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of changed) {
      set[k] = patch[k];
      changes[k] = { from: current[k] ?? null, to: patch[k] ?? null };
    }
    if (!same(current.provenance, provenance)) changes.provenance = { from: current.provenance, to: provenance };
    const updated = await change(trx, actor, type, repo.entryChange(type, id, set, whoIs(actor), { expectedVersion: row.version }), 'update', changes);
    return { entry: entryDto(type, updated, actor), changed: true };
  });
}

/** "Confirm still correct": the entry's content stands; only the date it was last verified moves. */
export async function confirmEntry(db: Db, actor: Actor, type: EntryType, id: string, opts: WriteOpts = {}): Promise<EntryDto> {
  return writeDirectory(db, async (trx) => {
    const row = await lockForChange(trx, actor, type, id, opts);
    const on = today();
    const updated = await change(trx, actor, type, repo.entryChange(type, id, { lastVerified: on }, whoIs(actor), { expectedVersion: row.version }), 'confirm', {
      lastVerified: { from: row.last_verified, to: on },
    });
    return entryDto(type, updated, actor);
  });
}

export async function retireEntry(db: Db, actor: Actor, type: EntryType, id: string, reason: string, opts: WriteOpts = {}): Promise<EntryDto> {
  return writeDirectory(db, async (trx) => {
    const row = await lockForChange(trx, actor, type, id, opts);
    const updated = await change(trx, actor, type, repo.entryChange(type, id, {}, whoIs(actor), { expectedVersion: row.version, retire: true }), 'retire', {
      retired: { from: false, to: true },
      reason: { from: null, to: reason },
    });
    return entryDto(type, updated, actor);
  });
}

/** Creates or changes a State's record for one measure (there is at most one current record per pair). */
export async function putMeasure(db: Db, actor: Actor, iso3: string, measure: string, input: Record<string, unknown>, opts: WriteOpts = {}) {
  const existing = await repo.findMeasure(db, iso3, measure);
  if (!existing) return { entry: await createEntry(db, actor, 'measure', { ...input, iso3, measure }), created: true, changed: true };
  const r = await updateEntry(db, actor, 'measure', existing.id, { ...input, iso3, measure }, opts);
  return { ...r, created: false };
}

// ——— lists ———

export async function listAuthorities(db: Db, actor: Actor, f: repo.AuthorityFilter) {
  return (await repo.listAuthorities(db, f)).map((r) => entryDto('authority', r, actor));
}

export async function listNotifications(db: Db, actor: Actor, f: { iso3?: string; type?: string }) {
  return (await repo.listNotifications(db, f)).map((r) => entryDto('notification', r, actor));
}

export async function listMeasures(db: Db, actor: Actor, iso3?: string) {
  return (await repo.listMeasures(db, iso3)).map((r) => entryDto('measure', r, actor));
}

/** The experts' list: contacts only for experts; the secretariat keeps the list but sees no contacts. */
export async function listExperts(db: Db, actor: Actor) {
  assertExpertListReader(actor);
  const rows = await repo.listExperts(db);
  await audit(db, { actor: auditActor(actor), action: 'directory.experts.read', targetType: 'directory_expert', details: { count: rows.length } });
  return rows.map((r) => entryDto('expert', r, actor));
}

export async function listStale(db: Db, actor: Actor, months: number) {
  if (!hasRole(actor, 'secretariat')) throw new ForbiddenError('Only the secretariat sees the stale entries');
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  const before = d.toISOString().slice(0, 10);
  return {
    before,
    items: (await repo.stale(db, before)).map((r) => ({
      entryType: r.entry_type,
      id: r.id,
      iso3: r.iso3,
      label: r.label,
      lastVerified: r.last_verified,
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}

export async function stateSummaries(db: Db) {
  return (await repo.stateCounts(db)).map((r) => ({
    iso3: r.iso3,
    authorities: r.authorities,
    centralAuthorities: r.central,
    measures: r.measures,
    notifications: r.notifications,
    lastVerified: r.last_verified,
  }));
}

/** Everything the directory holds for one State, as the State page shows it. */
export async function stateDirectory(db: Db, actor: Actor, iso3: string) {
  if (!(await stateExists(db, iso3))) throw new NotFoundError(`No State with code ${iso3}`);
  const [authorities, measures, notifications] = await Promise.all([
    repo.listAuthorities(db, { iso3, withNetworks: true }),
    repo.listMeasures(db, iso3),
    repo.listNotifications(db, { iso3 }),
  ]);
  const a = authorities.map((r) => entryDto('authority', r, actor));
  return {
    iso3,
    part1: a.filter((x) => x.category === 'central-authority'),
    part2: a.filter((x) => x.category === 'competent-authority' || x.category === 'informal-channel'),
    focalPoints: a.filter((x) => x.category === 'focal-point'),
    firearmsPocs: a.filter((x) => x.category === 'firearms-poc'),
    measures: measures.map((r) => entryDto('measure', r, actor)),
    notifications: notifications.map((r) => entryDto('notification', r, actor)),
    /** May the viewer add entries for this State (the same rule as editing one of them). */
    canEdit: entryPolicy.can(actor, 'edit', { id: '', iso3 }),
  };
}
