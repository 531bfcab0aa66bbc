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

export interface LoginFailuresTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: Generated<Date>;
}

declare module '../db/database.ts' {
  interface Database {
    users: UsersTable;
    sessions: SessionsTable;
    login_failures: LoginFailuresTable;
  }
}
