import type { Generated } from 'kysely';

/** Tables of the notification service (migration 0015): the in-app inbox, the e-mail outbox, each person's choices. */

/** One notice to one person, kept as kind + parameters so that it is rendered in whatever language they read it in. */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  kind: string;
  params: unknown;
  link: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
}

/** An e-mail to send after the transaction that queued it commits (rendered then, in the recipient's language). */
export interface NotificationEmailsTable {
  id: Generated<number>;
  notification_id: number | null;
  user_id: string;
  kind: string;
  language: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Generated<Date>;
}

/** A person's choice for one kind of notice; no row = the kind's defaults. */
export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  in_app: boolean;
  email: boolean;
  updated_at: Generated<Date>;
}

declare module '../db/database.ts' {
  interface Database {
    notifications: NotificationsTable;
    notification_emails: NotificationEmailsTable;
    notification_preferences: NotificationPreferencesTable;
  }
}
