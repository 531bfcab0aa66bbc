import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import { ValidationError } from '../http/errors.ts';
import { noticeKind, noticeKinds, type Channels, type NoticeKind } from './kinds.ts';
import '../auth/accounts.tables.ts';
import './notifications.tables.ts';

/**
 * Each person chooses, per kind of notice, whether it reaches the inbox and whether it comes by e-mail, and
 * in which language notices are written (`users.language`). Only choices that differ from nothing are stored:
 * a kind without a row follows its defaults, so a default changed in a later release reaches everyone who
 * never chose.
 */

type Conn = Db | Transaction<Database>;

/** The channels of one kind for each of `userIds` (their choice, else the kind's defaults). */
export async function channelsFor(db: Conn, kind: NoticeKind<unknown>, userIds: readonly string[]): Promise<Map<string, Channels>> {
  const out = new Map<string, Channels>(userIds.map((id) => [id, kind.defaults]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'in_app', 'email'])
    .where('kind', '=', kind.key)
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const r of rows) out.set(r.user_id, { inApp: r.in_app, email: r.email });
  return out;
}

export interface PreferenceView {
  kind: string;
  module: string;
  label: string;
  inApp: boolean;
  email: boolean;
  defaults: Channels;
}

/** A person's choices for every kind the application declares, labelled in `lang`. */
export async function preferencesOf(db: Conn, userId: string, lang: Language): Promise<{ language: string; kinds: PreferenceView[] }> {
  const user = await db.selectFrom('users').select('language').where('id', '=', userId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('notification_preferences').select(['kind', 'in_app', 'email']).where('user_id', '=', userId).execute();
  const chosen = new Map(rows.map((r) => [r.kind, { inApp: r.in_app, email: r.email }]));
  return {
    language: user.language,
    kinds: noticeKinds().map((k) => ({ kind: k.key, module: k.module, label: k.label[lang], ...(chosen.get(k.key) ?? k.defaults), defaults: k.defaults })),
  };
}

export interface PreferenceChange {
  language?: Language;
  kinds?: Array<{ kind: string; inApp: boolean; email: boolean }>;
}

/** Saves a person's choices (all or nothing: an unknown kind refuses the whole change). */
export async function setPreferences(db: Db, userId: string, change: PreferenceChange): Promise<void> {
  const kinds = change.kinds ?? [];
  const unknown = kinds.map((k, i) => ({ k, i })).filter(({ k }) => !noticeKind(k.kind));
  if (unknown.length > 0) {
    throw new ValidationError('Unknown kind of notice', unknown.map(({ k, i }) => ({ path: `body.kinds.${i}.kind`, message: `no notice is called ${k.kind}` })));
  }
  const seen = new Set<string>();
  for (const [i, k] of kinds.entries()) {
    if (seen.has(k.kind)) throw new ValidationError('A kind of notice is listed twice', [{ path: `body.kinds.${i}.kind`, message: `${k.kind} is listed twice` }]);
    seen.add(k.kind);
  }
  await db.transaction().execute(async (trx) => {
    if (change.language) await trx.updateTable('users').set({ language: change.language }).where('id', '=', userId).execute();
    for (const k of kinds) {
      await trx
        .insertInto('notification_preferences')
        .values({ user_id: userId, kind: k.kind, in_app: k.inApp, email: k.email })
        .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ in_app: k.inApp, email: k.email, updated_at: new Date() }))
        .execute();
    }
  });
}
