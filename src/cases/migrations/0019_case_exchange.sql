-- The exchange of cases between central authorities (src/cases/exchange, docs/EXCHANGE.md): every message as
-- an envelope, kept on each side that holds it (as sent by the requesting side's case, as received by the
-- requested side's), and the evidences of each message's transmission (e-CODEX / ETSI registered delivery).
-- Within one instance both sides are here; between instances (next issue) each keeps its own rows. Both
-- tables are append-only: they are what proves what was sent, delivered and opened, and when.

CREATE TABLE cases_exchange_messages (
  message_id      uuid NOT NULL,
  -- 'sent': recorded on the sender's case; 'received': on the recipient's case
  side            text NOT NULL CHECK (side IN ('sent','received')),
  case_id         uuid NOT NULL REFERENCES cases_cases(id),
  conversation_id uuid NOT NULL,
  in_reply_to     uuid,
  type            text NOT NULL CHECK (type IN ('case.submit','case.event','document','evidence')),
  sender_state    text NOT NULL CHECK (sender_state ~ '^[A-Z]{3}$'),
  recipient_state text NOT NULL CHECK (recipient_state ~ '^[A-Z]{3}$' AND recipient_state <> sender_state),
  -- the envelope exactly as built (envelope.ts) and the SHA-256 of its canonical JSON
  envelope        jsonb NOT NULL,
  digest          text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, side)
);
CREATE INDEX cases_exchange_messages_case_idx ON cases_exchange_messages (case_id, recorded_at);
CREATE INDEX cases_exchange_messages_conversation_idx ON cases_exchange_messages (conversation_id);

-- One row per evidence (within one instance both sides read the same row, through their message rows).
CREATE TABLE cases_exchange_evidences (
  evidence_id    uuid PRIMARY KEY,
  message_id     uuid NOT NULL,
  type           text NOT NULL CHECK (type IN ('submission_acceptance','submission_rejection','relay_acceptance','relay_failure',
                                               'delivery','non_delivery','retrieval','non_retrieval')),
  at             timestamptz NOT NULL,
  -- by whom or what: a platform (gateway) or a person; the instance; the person's State and account as they were
  issuer_kind    text NOT NULL CHECK (issuer_kind IN ('platform','person')),
  issuer_instance text NOT NULL,
  issuer_state   text,
  issuer_id      uuid,
  issuer_name    text,
  reason         text,
  -- the SHA-256 of the envelope it is about, and of the evidence itself (canonical JSON; evidence.ts)
  message_digest text NOT NULL CHECK (message_digest ~ '^[0-9a-f]{64}$'),
  digest         text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  evidence       jsonb NOT NULL,
  -- a message has at most one evidence of each type: the first open is the retrieval, later opens are not
  UNIQUE (message_id, type)
);
CREATE INDEX cases_exchange_evidences_pending_idx ON cases_exchange_evidences (type, at);

CREATE FUNCTION cases_exchange_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER cases_exchange_messages_no_update BEFORE UPDATE OR DELETE ON cases_exchange_messages
  FOR EACH ROW EXECUTE FUNCTION cases_exchange_append_only();
CREATE TRIGGER cases_exchange_evidences_no_update BEFORE UPDATE OR DELETE ON cases_exchange_evidences
  FOR EACH ROW EXECUTE FUNCTION cases_exchange_append_only();
