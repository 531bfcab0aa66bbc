import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { mailer, mailFrom } from './mailer.ts';
import './notifications.tables.ts';

/**
 * The e-mails of notices, as an outbox: a row is written in the transaction that writes the notice (notify.ts),
 * and sent after that transaction commits. A mail server that fails costs a few more attempts of the e-mail
 * alone (never another inbox message), spaced out, and at most MAX_ATTEMPTS. Each attempt is counted before
 * the message is handed to the mail server, so a crash in between cannot make it retry forever; it may at
 * worst send one e-mail twice (e-mail is at-least-once, the inbox exactly once). Two senders at once (two
 * processes) never send the same attempt: each claims it first.
 */

export const MAX_ATTEMPTS = 5;
/** Minutes to wait before attempt n + 1 (after n failures). */
const backoffMinutes = (attempts: number) => 2 ** attempts;

export interface EmailOutcome {
  sent: number;
  failed: number;
}

/** Sends the e-mails that are due (at most `limit`). Safe to run from several processes at once. */
export async function sendDueEmails(db: Db, limit = 500): Promise<EmailOutcome> {
  const outcome: EmailOutcome = { sent: 0, failed: 0 };
  const transport = mailer();
  if (!transport) return outcome; // kept until SMTP is configured (or for ever, harmlessly)
  const due = await db
    .selectFrom('notification_emails')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .orderBy('id')
    .limit(limit)
    .execute();
  for (const mail of due) {
    // Claim the attempt: counted first, and only if nobody else took this one.
    const claimed = await db
      .updateTable('notification_emails')
      .set({ attempts: mail.attempts + 1, next_attempt_at: sql`now() + make_interval(mins => ${backoffMinutes(mail.attempts + 1)})` })
      .where('id', '=', mail.id)
      .where('attempts', '=', mail.attempts)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    try {
      await transport.sendMail({ from: mailFrom(), to: mail.recipient, subject: mail.subject, text: mail.body });
      await db.updateTable('notification_emails').set({ sent_at: sql`now()`, last_error: null }).where('id', '=', mail.id).execute();
      outcome.sent++;
    } catch (err) {
      await db.updateTable('notification_emails').set({ last_error: String((err as Error).message ?? err).slice(0, 1000) }).where('id', '=', mail.id).execute();
      outcome.failed++;
    }
  }
  return outcome;
}
