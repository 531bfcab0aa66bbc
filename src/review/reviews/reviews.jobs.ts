import { z } from 'zod';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Localized } from '../../platform/i18n/languages.ts';
import { defineJob, type AnyJobDefinition } from '../../platform/jobs/jobs.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { REVIEW_TARGET } from '../review.audit.ts';
import { isoDay } from './deadlines.ts';
import { overdueNotice } from './reviews.notices.ts';
import { deadlinesOf } from './reviews.service.ts';

/**
 * The review module's background jobs: invitations whose link ran out are marked expired (hourly, each audited
 * once), and steps that became overdue are told once to the State's focal point in the review — or to the
 * secretariat when the State has none (daily; review_overdue_notices remembers what was told).
 */

/** Marks invitations past their expiry as expired; returns how many. */
export async function expireInvitations(db: Db, now = new Date()): Promise<number> {
  const rows = await db.updateTable('review_participants').set({ status: 'expired', invitation_token_hash: null })
    .where('status', '=', 'invited').where('invitation_expires_at', '<=', now).returning(['id', 'review_id', 'state_iso3', 'invitation_expires_at']).execute();
  for (const r of rows) {
    await audit(db, { actor: null, action: 'review.participant.expired', targetType: REVIEW_TARGET, targetId: r.review_id, details: { participant: r.id, state: r.state_iso3, expiredAt: r.invitation_expires_at?.toISOString() } });
  }
  return rows.length;
}

/** Tells each overdue step once; returns how many steps were told. */
export async function tellOverdue(db: Db, today = isoDay(new Date())): Promise<number> {
  const reviews = await db.selectFrom('reviews').selectAll().where('stage', '!=', 'completed').execute();
  let told = 0;
  for (const row of reviews) {
    const reviewers = (await db.selectFrom('review_reviewers').select('state_iso3').where('review_id', '=', row.id).execute()).map((r) => r.state_iso3);
    const overdue = (await deadlinesOf(db, row, reviewers, today)).filter((d) => d.overdue);
    if (overdue.length === 0) continue;
    const names = (await db.selectFrom('states').select('names').where('iso3', '=', row.reviewed_iso3).executeTakeFirstOrThrow()).names as Localized;
    for (const d of overdue) {
      const state = d.state ?? row.reviewed_iso3;
      const fresh = await db.insertInto('review_overdue_notices').values({ review_id: row.id, step: d.step, state_iso3: state, due_on: d.dueOn })
        .onConflict((oc) => oc.doNothing()).returning('review_id').executeTakeFirst();
      if (!fresh) continue;
      const fps = await db.selectFrom('review_participants').select('user_id').where('review_id', '=', row.id).where('state_iso3', '=', state)
        .where('role', '=', 'focal_point').where('status', '=', 'active').where('user_id', 'is not', null).execute();
      const recipients = fps.length ? fps.map((f) => f.user_id!) : (await db.selectFrom('users').select('id').where(({ eb, val }) => eb(val('secretariat'), '=', eb.fn.any('roles'))).execute()).map((u) => u.id);
      await notify(db, { kind: overdueNotice, recipients, params: { reviewed: names, step: d.step, state, dueOn: d.dueOn }, link: `/reviews/${row.id}` });
      told++;
    }
  }
  return told;
}

export const invitationExpiryJob = defineJob({
  name: 'review.invitations-expire',
  payload: z.object({}),
  policy: 'singleton',
  schedule: { cron: '7 * * * *', payload: {} },
  handler: async (_p, ctx) => { await expireInvitations(ctx.db); },
});

export const overdueJob = defineJob({
  name: 'review.overdue-notices',
  payload: z.object({}),
  policy: 'singleton',
  schedule: { cron: '15 6 * * *', payload: {} },
  handler: async (_p, ctx) => { await tellOverdue(ctx.db); },
});

/** The review module's background jobs (listed in review.manifest.ts). */
export const REVIEW_JOBS: readonly AnyJobDefinition[] = [invitationExpiryJob, overdueJob];
