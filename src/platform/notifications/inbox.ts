import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../http/errors.ts';
import type { Rendered } from './kinds.ts';
import { render } from './render.ts';
import './notifications.tables.ts';

/** A person's inbox: their notices, newest first, rendered in the language they read them in. */

export interface InboxItem extends Rendered {
  id: number;
  kind: string;
  params: unknown;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  /** Unread messages in the whole inbox (not only this page). */
  unread: number;
  /** Pass as `before` for the next (older) page; null on the last. */
  next: number | null;
}

export async function listInbox(db: Db, userId: string, opts: { unreadOnly?: boolean; limit: number; before?: number; lang: string }): Promise<InboxPage> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(opts.limit + 1);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  if (opts.before !== undefined) q = q.where('id', '<', opts.before);
  const [rows, unread] = await Promise.all([q.execute(), unreadCount(db, userId)]);
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map((m) => ({
      id: Number(m.id),
      kind: m.kind,
      params: m.params,
      link: m.link,
      createdAt: m.created_at.toISOString(),
      read: m.read_at !== null,
      ...render(m.kind, m.params, opts.lang),
    })),
    unread,
    next: rows.length > opts.limit ? Number(page[page.length - 1]!.id) : null,
  };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks one of the person's messages read (again is fine); someone else's is a 404, as if it did not exist. */
export async function markRead(db: Db, userId: string, id: number): Promise<void> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new NotFoundError(`No message ${id}`);
}

/** Marks every unread message read; returns how many. */
export async function markAllRead(db: Db, userId: string): Promise<number> {
  const r = await db.updateTable('notifications').set({ read_at: sql`now()` }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
