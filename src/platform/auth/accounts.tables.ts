import type { Generated } from 'kysely';
import type { Role } from './roles.ts';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  state_iso3: string | null;
  roles: Role[];
  language: Generated<string>;
  demo: Generated<boolean>;
  disabled_at: Date | null;
  created_at: Generated<Date>;
  last_login_at: Date | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/** One throttle counter per hashed key (see login-throttle.ts). */
export interface LoginThrottleTable {
  key: string;
  attempts: number;
  last_at: Date;
}

/** A device (browser) where an account logged in: the hash of its long-lived cookie. */
export interface LoginDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
}

/** An address an account logged in from successfully. */
export interface LoginAddressesTable {
  user_id: string;
  ip: string;
  last_at: Generated<Date>;
}

declare module '../db/database.ts' {
  interface Database {
    users: UsersTable;
    sessions: SessionsTable;
    login_throttle: LoginThrottleTable;
    login_devices: LoginDevicesTable;
    login_addresses: LoginAddressesTable;
  }
}
