import { addUser, as, login, type Session, type TestApp } from '../../../test/support/app.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { ReviewStage } from '../review.vocabulary.ts';
import { createTestReview } from '../test-fixtures.ts';

/**
 * The people of one desk-review test: FRA reviewed by DEU and CHN, each side with a focal point and an expert, an
 * FRA observer, an ITA focal point who is not in the review, and the secretariat; logged in, with helpers.
 */
export const WHO = ['fraFp', 'fraEx', 'fraObs', 'deuFp', 'deuEx', 'chnFp', 'chnEx', 'itaFp', 'sec'] as const;
export type Who = (typeof WHO)[number];

export interface DeskPeople { s: Record<Who, Session>; ids: Record<Who, string> }

export async function deskPeople(t: TestApp, prefix: string): Promise<DeskPeople> {
  const spec: Record<Who, [Role, string | null]> = {
    fraFp: ['focal_point', 'FRA'], fraEx: ['expert', 'FRA'], fraObs: ['officer', 'FRA'], deuFp: ['focal_point', 'DEU'], deuEx: ['expert', 'DEU'],
    chnFp: ['focal_point', 'CHN'], chnEx: ['expert', 'CHN'], itaFp: ['focal_point', 'ITA'], sec: ['secretariat', null],
  };
  const s = {} as Record<Who, Session>;
  const ids = {} as Record<Who, string>;
  for (const w of WHO) {
    const [role, state] = spec[w];
    ids[w] = (await addUser(t, `${prefix}-${w.toLowerCase()}`, [role], state)).id;
    s[w] = await login(t.app, `${prefix}-${w.toLowerCase()}`);
  }
  return { s, ids };
}

/** A review of FRA by DEU and CHN at a stage, everyone of deskPeople active in it (but the ITA stranger). */
export async function deskReview(t: TestApp, p: DeskPeople, stage: ReviewStage, questionSetIds: string[] = []) {
  const i = p.ids;
  return createTestReview(t.database.db, {
    reviewed: 'FRA', reviewers: ['DEU', 'CHN'], stage, questionSetIds, instruments: ['UNTOC', 'TIP'],
    participants: [
      { userId: i.fraFp, state: 'FRA', side: 'reviewed', role: 'focal_point' }, { userId: i.fraEx, state: 'FRA', side: 'reviewed', role: 'expert' },
      { userId: i.fraObs, state: 'FRA', side: 'reviewed', role: 'observer' },
      { userId: i.deuFp, state: 'DEU', side: 'reviewing', role: 'focal_point' }, { userId: i.deuEx, state: 'DEU', side: 'reviewing', role: 'expert' },
      { userId: i.chnFp, state: 'CHN', side: 'reviewing', role: 'focal_point' }, { userId: i.chnEx, state: 'CHN', side: 'reviewing', role: 'expert' },
    ],
  });
}

/** A published question set with two questions on UNTOC article 5, straight into the tables. */
export async function questionSet(t: TestApp) {
  const db = t.database.db;
  const set = await db.insertInto('review_question_sets').values({
    instrument_code: 'UNTOC', cluster_code: 'criminalization-jurisdiction', version: Math.floor(Math.random() * 1e6) + 10, status: 'published', title: { en: 'Test set' },
  }).returningAll().executeTakeFirstOrThrow();
  const qs = await db.insertInto('review_questions').values([1, 2].map((n) => ({
    set_id: set.id, key: `T-5-${n}`, article: 5, ordinal: n, answer_type: 'text', texts: { en: `Question ${n} on article 5?` }, content_sha256: 'a'.repeat(64),
  }))).returningAll().execute();
  return { setId: set.id, questions: qs.map((q) => q.id) };
}

export const api = (t: TestApp, p: DeskPeople) => (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  as(t.app, p.s[who], method, `/api/v1${url}`, body);
