import type { Actor } from '../platform/auth/roles.ts';
import { allowedActions, defineMachine, relationship, requiredFields, role, type Guard } from '../platform/workflow/index.ts';
import type { CheckReport } from './checks/index.ts';
import type { DraftAccess } from './drafting.policy.ts';
import type * as repo from './drafting.repository.ts';
import type { DraftStatus } from './drafting.tables.ts';

/**
 * The draft's own life, as a machine (platform/workflow): what may happen to a draft in each state, and
 * for whom. The services ask it before every change, the API sends its answer to the viewer (`actions`),
 * the wizard shows exactly those buttons, and drafting.workflow.test.ts walks every state × action.
 *
 *   draft ──share──▶ shared ──unshare──▶ draft          (shared: a consultation share with the requested State is open)
 *   draft | shared ──finalise──▶ finalised               (terminal; the consultation closes: open shares end)
 *   edit (draft, shared), comment, duplicate (any state) keep the state.
 */

export interface DraftCtx {
  /** The viewer's access to the draft (drafting.policy.ts); null: none. */
  access: DraftAccess | null;
  /** The States the draft is shared with now. */
  shareStates: readonly string[];
  /** The checks, when finalising (computed just before; costly, so never for listing actions). */
  report?: CheckReport;
}

type D = repo.DraftRow;
const ownerSide = relationship<D, DraftCtx>(
  'owner side',
  (_a, _d, c) => c.access === 'owner',
  'This draft is shared with your State for consultation: you may read it and comment, nothing more',
);

/** The consulted State comments only while the draft is shared with it; the owner side always (internal notes). */
const consultationOpen = relationship<D, DraftCtx>(
  'owner side, or the consulted State while shared',
  (a, d, c) => c.access === 'owner' || (c.access === 'consultation' && d.status === 'shared' && a.kind === 'user' && !!a.state && c.shareStates.includes(a.state)),
  'The consultation on this draft is closed: it can no longer be commented on',
  409,
);

const requestedStateChosen = requiredFields<D, DraftCtx>(
  'requested State chosen',
  (d) => (d.requested_state ? [] : ['$.requested.state']),
  'Choose the requested State before sharing the draft: it is shared with the requested State’s central authority',
  400,
);

const checksPass: Guard<D, DraftCtx> = {
  name: 'no check errors',
  onTransitionOnly: true,
  check: (_a, _d, c) => {
    if (!c.report) return { status: 422, code: 'checks', errorCode: 'checks_failed', message: 'The draft cannot be finalised before its checks have run' };
    if (c.report.ok) return null;
    const errors = c.report.results.filter((r) => r.severity === 'error');
    return {
      status: 422,
      code: 'checks',
      errorCode: 'checks_failed',
      message: `The draft cannot be finalised: ${errors.length} check(s) failed`,
      issues: errors.map((e) => ({ path: e.path, message: `${e.message} ${e.fix}` })),
    };
  },
};

export const DRAFT_STATES = ['draft', 'shared', 'finalised'] as const satisfies readonly DraftStatus[];
export const DRAFT_ACTIONS = ['edit', 'share', 'unshare', 'comment', 'finalise', 'duplicate'] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];

export const draftMachine = defineMachine<DraftStatus, DraftAction, D, DraftCtx>({
  entityType: 'drafting_draft',
  label: 'draft',
  table: 'drafting_drafts',
  stateColumn: 'status',
  states: DRAFT_STATES,
  initial: 'draft',
  transitions: [
    { action: 'edit', from: ['draft', 'shared'], guards: [ownerSide] },
    { action: 'share', from: ['draft'], to: 'shared', guards: [ownerSide, requestedStateChosen] },
    { action: 'unshare', from: ['shared'], to: 'draft', guards: [ownerSide] },
    { action: 'comment', from: ['draft', 'shared', 'finalised'], guards: [consultationOpen] },
    { action: 'finalise', from: ['draft', 'shared'], to: 'finalised', guards: [ownerSide, role(['officer'], 'Only a central-authority officer may finalise a draft'), checksPass] },
    { action: 'duplicate', from: ['draft', 'shared', 'finalised'], guards: [ownerSide] },
  ],
  stateOf: (d) => d.status,
  idOf: (d) => d.id,
  versionOf: (d) => d.version,
});

export const draftCtx = (access: DraftAccess | null, shares: readonly { state_iso3: string }[], report?: CheckReport): DraftCtx => ({
  access,
  shareStates: shares.map((s) => s.state_iso3),
  ...(report && { report }),
});

/** What this viewer may do with the draft now (the DTO's `actions`). */
export function draftActions(actor: Actor, d: D, shares: readonly { state_iso3: string }[], access: DraftAccess) {
  return allowedActions(draftMachine, actor, d, draftCtx(access, shares));
}
