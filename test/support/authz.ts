import type { Role } from '../../src/platform/auth/roles.ts';
import type { TestApp } from './app.ts';

/**
 * A module's part of the authorization matrix (src/app/authorization.test.ts): who may call
 * each of its routes, written independently of the policies in the code, and how to call them.
 * The matrix creates one user per role, all of State FRA (secretariat and admin have none), named
 * `authz-<role>` with `_` as `-`, before it calls `setup`.
 */
export type Expect = 'public' | 'authenticated' | readonly Role[];

export interface RouteCall {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface ModuleAuthz {
  expected: Record<string, Expect>;
  /** Creates what the module's routes need (a record to read, …), once. */
  setup?(t: TestApp): Promise<void>;
  /** The URL (path parameters filled in) and body for one of the module's routes; `n` differs on each call. */
  request(route: string, n: number): RouteCall;
}
