import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { pick, type Language } from '../../platform/i18n/languages.ts';
import { openReview } from '../review.access.ts';
import { REVIEW_TARGET } from '../review.audit.ts';
import type { ObservationKind } from '../review.vocabulary.ts';
import { exportData, type ExportData } from './export.repository.ts';
import type { ExportView, OutputState } from './render.ts';

/**
 * A review's outputs as DOCX for someone in the review or the secretariat (openReview 'view': anyone else gets the
 * review's 404, audited). What each viewer gets: a reviewing State's list of observations and summary once that
 * State has submitted them; before that, only its own people see them, marked as drafts — so a draft of one side
 * is never in the other side's export (nor in the other reviewing State's). The answers (annex) once the reviewed
 * State has submitted them; before that, only its own people. Every export is audited (`review.export.read`).
 */

export interface ExportQuery {
  lang: Language;
  /** One reviewing State's outputs only; every reviewing State's (ISO3 order) when absent. */
  reviewer?: string | undefined;
  /** Add the answers to the questionnaire as an annex. */
  answers?: boolean | undefined;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** What the viewer may see of the review, as the document prints it (no access check: the caller did it). */
export function exportView(data: ExportData, viewer: { side: string; state: string | null }, q: ExportQuery, today: Date): ExportView {
  const { review } = data;
  const name = (iso3: string) => pick(data.stateNames.get(iso3) ?? {}, q.lang) ?? iso3;
  const done = (state: string, step: string) => data.steps.some((s) => s.reviewing_state === state && s.step === step);
  const published = (state: string, output: string) => data.publications.some((p) => p.reviewing_state === state && p.output === output);
  const own = (state: string) => viewer.side === 'reviewing' && viewer.state === state;
  const status = (state: string, step: 'observations' | 'summary'): OutputState => (done(state, step) ? 'submitted' : own(state) ? 'draft' : 'none');

  const states = data.reviewers.map((r) => r.state_iso3).filter((s) => !q.reviewer || s === q.reviewer);
  const answersVisible = review.answers_submitted_at !== null || viewer.side === 'reviewed';
  return {
    lang: q.lang,
    reviewed: { iso3: review.reviewed_iso3, name: name(review.reviewed_iso3) },
    cycle: { code: review.cycle_code, title: review.cycle_title },
    cluster: pick(data.clusterNames.get(review.cluster_code) ?? {}, q.lang) ?? review.cluster_code,
    instruments: data.instruments.filter((i) => review.instruments.includes(i.code)).map((i) => i.code),
    reviewers: data.reviewers.map((r) => ({ iso3: r.state_iso3, name: name(r.state_iso3) })),
    stage: review.stage,
    startedOn: String(review.started_on).slice(0, 10),
    answersSubmittedOn: day(review.answers_submitted_at),
    exportedOn: day(today)!,
    outputs: states.map((state) => {
      const obs = status(state, 'observations');
      const sum = status(state, 'summary');
      return {
        state: { iso3: state, name: name(state) },
        observations: {
          status: obs,
          published: published(state, 'observations'),
          items: obs === 'none' ? [] : data.observations.filter((o) => o.reviewing_state === state).map((o) => ({
            kind: o.kind as ObservationKind, taCategory: o.ta_category, instrument: o.instrument_code, articles: o.articles, text: o.text,
          })),
        },
        summary: { status: sum, published: published(state, 'summary'), text: sum === 'none' ? '' : (data.summaries.find((x) => x.reviewing_state === state)?.text ?? '') },
      };
    }),
    answers: q.answers && answersVisible
      ? data.answers.map((a) => ({ instrument: a.instrument_code, article: a.article, key: a.key, question: pick(a.texts, q.lang) ?? a.key, type: a.answer_type, value: a.value }))
      : null,
  };
}

/** A file name with nothing but letters, digits, dots and dashes: review-<ISO3>-<cycle>-<cluster>[-<reviewer>]-<lang>.docx. */
export function exportFileName(parts: { reviewed: string; cycle: string; cluster: string; reviewer?: string | undefined; lang: Language }): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '').slice(0, 60) || 'x';
  return ['review', parts.reviewed, parts.cycle, parts.cluster, parts.reviewer, parts.lang].filter((p): p is string => !!p).map(safe).join('-') + '.docx';
}

export async function exportReview(db: Db, actor: Actor, reviewId: string, q: ExportQuery): Promise<{ fileName: string; data: Buffer }> {
  const loaded = await openReview(db, actor, reviewId, 'view', 'export');
  if (q.reviewer && !loaded.reviewers.includes(q.reviewer)) throw new ValidationError(`${q.reviewer} is not a reviewing State of this review`);
  const data = await exportData(db, reviewId);
  const view = exportView(data, { side: loaded.standing.side, state: loaded.standing.state }, q, new Date());
  // the DOCX writer (and the docx library) is loaded when a report is first exported, not at start
  const { renderReviewDocx } = await import('./render.ts');
  const buf = await renderReviewDocx(view);
  await audit(db, {
    actor: auditActor(actor), action: 'review.export.read', targetType: REVIEW_TARGET, targetId: reviewId,
    details: { what: 'export', lang: q.lang, reviewer: q.reviewer ?? null, answers: view.answers !== null },
  });
  return { fileName: exportFileName({ reviewed: view.reviewed.iso3, cycle: view.cycle.code, cluster: data.review.cluster_code, reviewer: q.reviewer, lang: q.lang }), data: buf };
}
