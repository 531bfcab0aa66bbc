import { z } from 'zod';
import { ROLES } from './auth/roles.ts';
import { LANGUAGES } from './i18n/languages.ts';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .describe('Error');

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
});

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
]);

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
