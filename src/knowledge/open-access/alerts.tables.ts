import type { Generated } from 'kysely';

/** Tables of saved-search alerts (migration 0009): what each search announced, and the e-mails to send. */

export interface SavedSearchDeliveriesTable {
  saved_search_id: string;
  record_id: string;
  inbox_message_id: number | null;
  delivered_at: Generated<Date>;
}

export interface AlertEmailsTable {
  id: Generated<number>;
  inbox_message_id: number;
  user_id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    saved_search_deliveries: SavedSearchDeliveriesTable;
    alert_emails: AlertEmailsTable;
  }
}
