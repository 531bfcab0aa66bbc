-- Accounts, sessions and login throttling.

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username      text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name  text NOT NULL,
  email         text,
  password_hash text NOT NULL,
  -- a person belongs to one State, or (null) to the secretariat / platform operators
  state_iso3    text REFERENCES states(iso3),
  roles         text[] NOT NULL CHECK (roles <@ ARRAY['practitioner','officer','focal_point','expert','secretariat','admin']::text[]),
  language      text NOT NULL DEFAULT 'en' CHECK (language IN ('ar','zh','en','fr','ru','es')),
  demo          boolean NOT NULL DEFAULT false,
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  -- State-bound roles need a State
  CHECK (state_iso3 IS NOT NULL OR NOT (roles && ARRAY['practitioner','officer','focal_point','expert']::text[]))
);
CREATE UNIQUE INDEX users_username_idx ON users (username);

CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,                           -- sha-256 of the cookie value; the value itself is never stored
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_failures (
  id       bigserial PRIMARY KEY,
  username text NOT NULL,
  ip       text NOT NULL,
  at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_user_idx ON login_failures (username, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);
