-- Login throttling that cannot be bypassed in parallel nor used to lock someone out (issue #9).
--
-- login_throttle holds one counter per key: (account, address), (account, device), address alone and
-- account alone, each a SHA-256 hash (a typed "user name" may be a password and is never stored).
-- An attempt is counted by one UPSERT before the password is verified, so parallel guesses each see
-- their own count; past a free allowance the next attempt must wait 1 s, 2 s, 4 s … (capped).
DROP TABLE login_failures;

CREATE TABLE login_throttle (
  key      text PRIMARY KEY,
  attempts integer NOT NULL CHECK (attempts > 0),
  last_at  timestamptz NOT NULL
);
CREATE INDEX login_throttle_last_idx ON login_throttle (last_at);

-- Devices where an account logged in: a long-lived httpOnly cookie whose hash is kept here. The right
-- password from a known device is not slowed by failures others caused.
CREATE TABLE login_devices (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_devices_user_idx ON login_devices (user_id);

-- Addresses an account logged in from successfully, for the same purpose.
CREATE TABLE login_addresses (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ip      text NOT NULL,
  last_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, ip)
);
