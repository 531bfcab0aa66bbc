import { z } from 'zod';
import { ROLES } from './auth/roles.ts';
import { LANGUAGES } from './i18n/languages.ts';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })),
    }),
  })
  .meta({ id: 'Error', description: 'Error' });

export const iso3Schema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as FRA')
  .transform((s) => s.toUpperCase());

export const roleSchema = z.enum(ROLES);
export const languageSchema = z.enum(LANGUAGES);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  state: z.string().nullable(),
  roles: z.array(roleSchema),
  language: z.string(),
  demo: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
}).meta({ id: 'User' });

export const meSchema = z.union([
  z.object({ authenticated: z.literal(false) }),
  z.object({
    authenticated: z.literal(true),
    csrfToken: z.string(),
    user: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      state: z.string().nullable(),
      roles: z.array(roleSchema),
      demo: z.boolean(),
      language: z.string(),
    }),
  }),
]).meta({ id: 'Me' });

export const loginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const newUserBody = z.object({
  username: z.string().min(3).max(64),
  displayName: z.string().min(1).max(200),
  email: z.string().email().max(254).nullable().optional(),
  password: z.string().min(1).max(256),
  state: iso3Schema.nullable().optional(),
  roles: z.array(roleSchema).max(6),
  language: languageSchema.optional(),
});

export const userPatchBody = z
  .object({
    roles: z.array(roleSchema).max(6).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => b.roles !== undefined || b.disabled !== undefined, { message: 'give roles and/or disabled' });

export function toUserDto(u: {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  state_iso3: string | null;
  roles: readonly string[];
  language: string;
  demo: boolean;
  disabled_at: Date | null;
  created_at: Date;
  last_login_at: Date | null;
}): z.infer<typeof userSchema> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    state: u.state_iso3,
    roles: u.roles as z.infer<typeof roleSchema>[],
    language: u.language,
    demo: u.demo,
    disabled: u.disabled_at !== null,
    createdAt: u.created_at.toISOString(),
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
  };
}

/** A boolean in a query string: "true"/"1" or "false"/"0" (z.coerce.boolean would read "false" as true). */
export const queryBoolean = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/* ---------- Shared building blocks for every module's schemas ----------
 * Bad input must be a 400 naming the field, never a PostgreSQL error (a 500): a value that looks right but
 * that PostgreSQL refuses (2024-02-30, year 0, 2147483648 in an integer column) is refused here. NUL
 * (U+0000), which PostgreSQL text and jsonb cannot hold, is refused for every request by the input guard
 * (http/input-guard.ts); `text` refuses it too for input that does not come through HTTP (CSV rows, CLI).
 */

/** PostgreSQL's `integer`: version numbers, serial ids and counts stored in int4 columns. */
export const INT4_MAX = 2_147_483_647;

/** An integer that fits an int4 column, at least `min` (JSON bodies). */
export const int4 = (min = 0, max = INT4_MAX) => z.number().int().min(min).max(max);

/** The same in a query string or path ("2" → 2); larger than int4 is a 400, not an "out of range" 500. */
export const queryInt = (min = 0, max = INT4_MAX) => z.coerce.number().int().min(min).max(max);

/** A bigint / bigserial id as JavaScript can hold it exactly. */
export const BIGINT_SAFE_MAX = Number.MAX_SAFE_INTEGER;

/** A serial id or version number in a path or query string: 1 … 2147483647 (int4), or up to `max`. */
export const serialParam = (what = 'a positive whole number', max = INT4_MAX) =>
  z.coerce.number().int().min(1, `must be ${what}`).max(max, `must be ${what}`);

/** PostgreSQL has no year 0 (and dates before year 1 need "BC"): refuse it instead of failing at the database. */
const notYearZero = (v: string) => !v.startsWith('0000');

/** A real calendar date YYYY-MM-DD (no 2024-02-30, no month 13, no year 0). */
export const isoDate = z.iso.date('must be a real date YYYY-MM-DD').refine(notYearZero, 'must be a real date YYYY-MM-DD (year 0001 or later)');

/** A real date-time with a zone offset or Z (2024-03-12T10:00:00Z), as PostgreSQL timestamptz reads it. */
export const isoDateTime = z.iso
  .datetime({ offset: true, error: 'must be a real date-time such as 2024-03-12T10:00:00Z' })
  .refine(notYearZero, 'must be a real date-time (year 0001 or later)');

/** A real local date-time without offset, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS (the zone is given apart). */
export const localDateTime = z.iso
  .datetime({ local: true, error: 'must be a real local date-time YYYY-MM-DDTHH:MM[:SS]' })
  .regex(/^[^.]*$/, 'must be a local date-time YYYY-MM-DDTHH:MM[:SS] (no fractions of a second)')
  .refine(notYearZero, 'must be a real local date-time (year 0001 or later)');

/** Refuses U+0000, which PostgreSQL text and jsonb cannot store. */
export const NO_NUL = (s: string) => !s.includes('\u0000');
export const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** Free text of at most `max` characters (NUL refused). */
export const text = (max: number) => z.string().max(max, `must be at most ${max} characters`).refine(NO_NUL, NUL_MESSAGE);
