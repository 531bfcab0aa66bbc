/** Roles a person can hold; "public" is not a role but the absence of a session. */
export const ROLES = ['practitioner', 'officer', 'focal_point', 'expert', 'secretariat', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only make sense for a person who belongs to a State. */
export const STATE_ROLES: readonly Role[] = ['practitioner', 'officer', 'focal_point', 'expert'];

export interface UserActor {
  kind: 'user';
  id: string;
  username: string;
  displayName: string;
  /** ISO3 of the person's State; null for the secretariat and platform operators. */
  state: string | null;
  roles: Role[];
  demo: boolean;
  language: string;
  csrfToken: string;
}

export type Actor = { kind: 'anonymous' } | UserActor;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'user' && roles.some((r) => actor.roles.includes(r));
}
