import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Role, UserActor } from '../auth/roles.ts';
import type { NoticeKind } from './kinds.ts';
import { mailer } from './mailer.ts';
import { channelsFor } from './preferences.ts';
import { emailText, render } from './render.ts';
import '../auth/accounts.tables.ts';
import './notifications.tables.ts';

/**
 * Telling people things, for every module: `notify` writes the inbox messages and queues the e-mails in the
 * caller's transaction, so a notice exists exactly when the change it announces does (a rollback leaves
 * nothing; the e-mails are sent after the commit by outbox.ts). Each recipient gets the notice in the channels
 * they chose for its kind (preferences.ts) and in their own language (`users.language`): the inbox keeps the
 * kind and parameters and renders them when read; the e-mail is rendered now, in the language of the day.
 */

/** Who is told: people by id, or everyone of a State holding one of some roles (disabled accounts never). */
export type Recipients = readonly string[] | { state: string; roles: readonly Role[] };

export interface Notice<P> {
  kind: NoticeKind<P>;
  recipients: Recipients | readonly Recipients[];
  params: P;
  /** Where the notice leads in the web UI (a path such as `/drafting/…`). */
  link?: string | null;
  /** false: this notice never goes by e-mail (e.g. a saved search its owner wants in the inbox only). */
  email?: boolean;
  /** People not to tell even if the recipients include them (e.g. the author of the change). */
  exclude?: readonly string[];
  /** A last check per person (e.g. "may still see the draft"): whoever fails it is not told. */
  only?: (user: UserActor) => boolean;
  /** Makes the e-mail's links absolute (default PALERMO_PUBLIC_URL). */
  baseUrl?: string;
}

export interface NotifyResult {
  /** The people told (in at least one channel). */
  userIds: string[];
  /** The inbox messages written. */
  notifications: Array<{ id: number; userId: string }>;
  /** The e-mails queued. */
  emails: number;
}

type Conn = Db | Transaction<Database>;

const isGroup = (r: Recipients | readonly Recipients[]): r is readonly Recipients[] =>
  Array.isArray(r) && r.length > 0 && typeof r[0] !== 'string';

async function resolve(db: Conn, recipients: Recipients | readonly Recipients[]) {
  const list: readonly Recipients[] = isGroup(recipients) ? recipients : [recipients as Recipients];
  const ids = list.flatMap((r) => (Array.isArray(r) ? (r as string[]) : []));
  const groups = list.filter((r): r is { state: string; roles: readonly Role[] } => !Array.isArray(r));
  if (ids.length === 0 && groups.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'email', 'state_iso3', 'roles', 'language'])
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb('id', 'in', ids)] : []),
        ...groups.map((g) => eb.and([eb('state_iso3', '=', g.state), sql<boolean>`roles && ${sql.val([...g.roles])}::text[]`])),
      ]),
    )
    .orderBy('id')
    .execute();
}

export async function notify<P>(db: Conn, n: Notice<P>): Promise<NotifyResult> {
  return inTransaction(db, async (trx) => {
    const exclude = new Set(n.exclude ?? []);
    const users = (await resolve(trx, n.recipients)).filter((u) => {
      if (exclude.has(u.id)) return false;
      if (!n.only) return true;
      return n.only({ kind: 'user', id: u.id, username: u.username, displayName: u.display_name, state: u.state_iso3, roles: u.roles, demo: false, language: u.language, csrfToken: '' });
    });
    const result: NotifyResult = { userIds: [], notifications: [], emails: 0 };
    if (users.length === 0) return result;
    const channels = await channelsFor(trx, n.kind as NoticeKind<unknown>, users.map((u) => u.id));
    const params = JSON.stringify(n.params ?? {});
    const link = n.link ?? null;

    const inApp = users.filter((u) => channels.get(u.id)!.inApp);
    if (inApp.length > 0) {
      const rows = await trx
        .insertInto('notifications')
        .values(inApp.map((u) => ({ user_id: u.id, kind: n.kind.key, params: params as never, link })))
        .returning(['id', 'user_id'])
        .execute();
      result.notifications = rows.map((r) => ({ id: Number(r.id), userId: r.user_id }));
    }
    // Only where SMTP is configured: an e-mail is not kept for a mail server that may come years later.
    const byMail = n.email !== false && mailer() ? users.filter((u) => channels.get(u.id)!.email && u.email) : [];
    if (byMail.length > 0) {
      const baseUrl = n.baseUrl ?? process.env.PALERMO_PUBLIC_URL ?? '';
      const messageOf = new Map(result.notifications.map((m) => [m.userId, m.id]));
      await trx
        .insertInto('notification_emails')
        .values(
          byMail.map((u) => {
            const mail = emailText(render(n.kind.key, n.params, u.language), link, baseUrl);
            return { notification_id: messageOf.get(u.id) ?? null, user_id: u.id, kind: n.kind.key, language: u.language, recipient: u.email!, ...mail };
          }),
        )
        .execute();
      result.emails = byMail.length;
    }
    result.userIds = users.filter((u) => channels.get(u.id)!.inApp || byMail.includes(u)).map((u) => u.id);
    return result;
  });
}
