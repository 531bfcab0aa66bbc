import { Document, Packer } from 'docx';
import { documentStyles, makeSectionsRightToLeft, settingFor, v, Writer } from '../../platform/docx/style.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { OBSERVATION_KINDS, TA_CATEGORIES, type ObservationKind, type ReviewStage, type TaCategory } from '../review.vocabulary.ts';
import { EXPORT_LABELS, type ExportLabels } from './labels.ts';

/**
 * A review's outputs as a DOCX document in one of the six languages, in the request writer's style
 * (platform/docx: fonts for every script, Arabic right to left, numbers and Latin references isolated): the cover,
 * then per reviewing State its list of observations grouped by kind with their articles and its summary, then
 * optionally the answers. Takes only what the viewer may see (export.service.ts decides); prints the reviews' texts
 * exactly as written.
 */

export type OutputState = 'submitted' | 'draft' | 'none';
export interface ExportView {
  lang: Language;
  reviewed: { iso3: string; name: string };
  cycle: { code: string; title: string };
  cluster: string;
  instruments: string[];
  reviewers: { iso3: string; name: string }[];
  stage: ReviewStage;
  startedOn: string;
  answersSubmittedOn: string | null;
  exportedOn: string;
  outputs: Array<{
    state: { iso3: string; name: string };
    observations: { status: OutputState; published: boolean; items: Array<{ kind: ObservationKind; taCategory: string | null; instrument: string; articles: number[]; text: string }> };
    summary: { status: OutputState; published: boolean; text: string };
  }>;
  answers: Array<{ instrument: string; article: number; key: string; question: string; type: string; value: unknown }> | null;
}

const stateLabel = (s: { iso3: string; name: string }) => (s.name === s.iso3 ? s.iso3 : `${s.name} (${s.iso3})`);

/** A printed line of an answer: our label (if any) and the State's words, which the document isolates from the label. */
export interface AnswerLine {
  label?: string;
  value: string;
  from: 'drafter' | 'labels';
}

/** The printable lines of an answer of any type: a yes/no/partly with its explanation, texts, items, figures. */
export function answerLines(value: unknown, L: ExportLabels): AnswerLine[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim() ? [{ value, from: 'drafter' }] : [];
  if (typeof value === 'number' || typeof value === 'boolean') return [{ value: String(value), from: 'drafter' }];
  if (Array.isArray(value)) return value.flatMap((x) => answerLines(x, L));
  const lines: AnswerLine[] = [];
  for (const [k, x] of Object.entries(value as Record<string, unknown>)) {
    if (x === 'yes' || x === 'no' || x === 'partly') lines.push({ label: L.answer, value: L.values[x], from: 'labels' });
    else if (k === 'category' && typeof x === 'string' && (TA_CATEGORIES as readonly string[]).includes(x)) lines.push({ label: L.category, value: L.ta[x as TaCategory], from: 'labels' });
    else if (k === 'explanation' && typeof x === 'string' && x.trim()) lines.push({ label: L.explanation, value: x, from: 'drafter' });
    else lines.push(...answerLines(x, L));
  }
  return lines;
}

export async function renderReviewDocx(view: ExportView): Promise<Buffer> {
  const L = EXPORT_LABELS[view.lang];
  const s = settingFor(view.lang);
  const w = new Writer(s);
  const C = L.cover;

  w.title(L.title);
  w.note(view.outputs.length > 0 && view.outputs.every((o) => o.observations.published && o.summary.published) ? L.published : L.confidential);
  w.table([
    [C.reviewed, stateLabel(view.reviewed), 'labels'],
    [C.cycle, [v(view.cycle.code), ' — ', v(view.cycle.title)]],
    [C.cluster, view.cluster, 'labels'],
    [C.instruments, view.instruments.join(', ')],
    [C.reviewing, view.reviewers.map(stateLabel).join('; '), 'labels'],
    [C.startedOn, view.startedOn],
    ...(view.answersSubmittedOn ? [[C.answersSubmitted, view.answersSubmittedOn] as [string, string]] : []),
    [C.stage, L.stages[view.stage], 'labels'],
    [C.exportedOn, view.exportedOn],
  ]);

  for (const out of view.outputs) {
    w.heading(L.observationsOf, 1, stateLabel(out.state));
    if (out.observations.status === 'draft') w.note(L.draft);
    if (out.observations.status === 'none' || out.observations.items.length === 0) w.freeText(L.notSubmitted);
    for (const kind of OBSERVATION_KINDS) {
      const items = out.observations.items.filter((i) => i.kind === kind);
      if (items.length === 0) continue;
      w.heading(L.kinds[kind], 2);
      items.forEach((item, n) => {
        w.field(`${n + 1}. ${L.articles}`, [v(`${item.instrument} ${item.articles.join(', ')}`)]);
        if (kind === 'ta_need' && item.taCategory) w.field(L.category, L.ta[(TA_CATEGORIES as readonly string[]).includes(item.taCategory) ? (item.taCategory as TaCategory) : 'other'], 'labels');
        w.freeText(item.text);
      });
    }
    w.heading(L.summaryOf, 1, stateLabel(out.state));
    if (out.summary.status === 'draft') w.note(L.draft);
    if (out.summary.status === 'none' || !out.summary.text.trim()) w.freeText(L.notSubmitted);
    else w.freeText(out.summary.text);
  }

  if (view.answers) {
    w.heading(L.annex, 1);
    for (const a of view.answers) {
      w.heading('', 2, `${a.instrument} ${a.article} (${a.key})`);
      w.freeText(a.question);
      for (const line of answerLines(a.value, L)) {
        if (line.label) w.field(line.label, line.value, line.from);
        else w.freeText(line.value);
      }
    }
  }

  const doc = new Document({
    title: `${view.reviewed.iso3} ${view.cycle.code} — ${L.title}`,
    creator: 'Palermo',
    styles: documentStyles(s),
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children: w.children }],
  });
  if (s.rtl) makeSectionsRightToLeft(doc);
  return Packer.toBuffer(doc);
}
