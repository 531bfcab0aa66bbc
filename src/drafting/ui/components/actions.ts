import type { Draft } from '../../../web/api/types.ts';

/**
 * What the viewer may do with the draft, as the API says (the draft's machine, draft.workflow.ts): the
 * wizard shows a button only for an allowed action and never re-derives the rules from roles or status.
 */
export type DraftAction = Draft['actions'][number]['action'];

export const can = (draft: Pick<Draft, 'actions'>, action: DraftAction): boolean => draft.actions.some((a) => a.action === action && a.allowed);

/** The reasons an action is refused (empty when allowed or unknown). */
export const refusalOf = (draft: Pick<Draft, 'actions'>, action: DraftAction) => draft.actions.find((a) => a.action === action)?.reasons ?? [];
