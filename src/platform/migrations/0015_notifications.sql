-- Notifications as one platform service (platform/notifications): the in-app inbox, an e-mail outbox and
-- each person's choices, for every module. A notice is kept as its kind and parameters, not as text, so the
-- inbox renders it in the language its reader reads it in; an e-mail is rendered once, when it is queued.

CREATE TABLE notifications (
  id          bigserial PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  params      jsonb NOT NULL DEFAULT '{}',
  link        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- Written in the transaction of the notice, sent after it commits, with bounded retries (outbox.ts). An e-mail
-- may go to someone who keeps this kind out of their inbox: the link to a message is then empty.
CREATE TABLE notification_emails (
  id               bigserial PRIMARY KEY,
  notification_id  bigint REFERENCES notifications(id) ON DELETE SET NULL,
  user_id          uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind             text NOT NULL,
  language         text NOT NULL CHECK (language IN ('ar','zh','en','fr','ru','es')),
  recipient        text NOT NULL,
  subject          text NOT NULL,
  body             text NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  sent_at          timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_emails_pending_idx ON notification_emails (next_attempt_at) WHERE sent_at IS NULL;

-- A person's choice for one kind; without a row the kind's defaults apply (declared in code with the kind).
CREATE TABLE notification_preferences (
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  in_app      boolean NOT NULL,
  email       boolean NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);

-- ---- Carry over the knowledge portal's inbox and alert e-mails (migrations 0004, 0009) -------------------
-- Same ids, so the saved searches' deliveries keep pointing at the message that announced them. A saved-search
-- alert becomes the kind saved-search.new-results with its search's name and count (from the subject it was
-- written with) next to what its body held; any other message keeps its English subject to show.
INSERT INTO notifications (id, user_id, kind, params, link, created_at, read_at)
SELECT m.id, m.user_id,
       CASE WHEN m.kind = 'saved-search' THEN 'saved-search.new-results' ELSE 'legacy.' || m.kind END,
       jsonb_build_object('items', '[]'::jsonb, 'total', coalesce(substring(m.subject from '^([0-9]{1,9}) ')::int, 0))
         || CASE WHEN jsonb_typeof(m.body) = 'object' THEN m.body ELSE '{}'::jsonb END
         || jsonb_build_object('name', coalesce(substring(m.subject from '“(.*)”'), m.subject), 'subject', m.subject),
       NULL, m.created_at, m.read_at
FROM inbox_messages m;
SELECT setval(pg_get_serial_sequence('notifications', 'id'), coalesce((SELECT max(id) FROM notifications), 1), (SELECT count(*) > 0 FROM notifications));

INSERT INTO notification_emails (id, notification_id, user_id, kind, language, recipient, subject, body, attempts, next_attempt_at, last_error, sent_at, created_at)
SELECT e.id, e.inbox_message_id, e.user_id, 'saved-search.new-results', 'en', e.recipient, e.subject, e.body, e.attempts, e.next_attempt_at, e.last_error, e.sent_at, e.created_at
FROM alert_emails e;
SELECT setval(pg_get_serial_sequence('notification_emails', 'id'), coalesce((SELECT max(id) FROM notification_emails), 1), (SELECT count(*) > 0 FROM notification_emails));

ALTER TABLE saved_search_deliveries DROP CONSTRAINT saved_search_deliveries_inbox_message_id_fkey;
ALTER TABLE saved_search_deliveries RENAME COLUMN inbox_message_id TO notification_id;
ALTER TABLE saved_search_deliveries ADD CONSTRAINT saved_search_deliveries_notification_id_fkey
  FOREIGN KEY (notification_id) REFERENCES notifications(id) ON DELETE SET NULL;

DROP TABLE alert_emails;
DROP TABLE inbox_messages;
