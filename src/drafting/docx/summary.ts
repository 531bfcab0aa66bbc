import type { Language } from '../../platform/i18n/languages.ts';
import type { CheckReport } from '../checks/index.ts';
import type { DraftContent } from '../draft.schema.ts';
import { LABELS, type Labels } from './labels/index.ts';
import { pack, stateName, type DocumentMeta } from './request.ts';
import { settingFor, v, Writer } from '../../platform/docx/style.ts';

/**
 * The one-page summary sheet that travels with the request (and sits on the central authority's file):
 * who asks whom, on what basis, for what, how urgently, and whether the checks pass. No free text but
 * the title, so it stays on one page.
 */
export async function renderSummaryDocx(c: DraftContent, meta: DocumentMeta, lang: Language, report: CheckReport): Promise<Buffer> {
  const L = LABELS[lang];
  const F = L.fields;
  const w = new Writer(settingFor(lang), c.language);
  w.title(`${L.summaryTitle} — ${meta.reference}`);
  w.table([
    [F.kind, L.docTitle[c.kind], 'labels'],
    [F.status, meta.status === 'finalised' ? F.statusFinalised : F.statusDraft, 'labels'],
    [F.date, meta.date, 'labels'],
    [F.requestingState, stateName(meta, meta.requestingState), 'labels'],
    [F.authority, c.requesting.authority.name],
    [F.requestedState, stateName(meta, c.requested.state), 'labels'],
    [L.headings.requested, c.requested.authorityName],
    [L.headings.legalBasis, [c.legalBasis.type ? L.legalBasis[c.legalBasis.type] : '', c.legalBasis.treatyName].filter(Boolean).join(' — '), 'labels'],
    [F.channel, c.channel ? L.channels[c.channel] : '', 'labels'],
    [F.language, c.language ?? '', 'labels'],
    [L.headings.offences, c.offences.map((o) => [o.name, o.maxPenalty && `(${o.maxPenalty})`].filter(Boolean).join(' ')).join('; ') || F.none],
    [F.formsOfAssistance, [...new Set(c.assistance.map((f) => L.measures[f.measure as keyof Labels['measures']] ?? f.measure))].join('; ') || F.none, 'labels'],
    [L.headings.persons, String(c.persons.length), 'labels'],
    [L.headings.urgency, c.urgency.deadline ? [`${F.yes} — ${F.deadline}: `, v(c.urgency.deadline)] : c.urgency.urgent ? F.yes : F.no, 'labels'],
    [L.headings.confidentiality, c.confidentiality.required ? F.yes : F.no, 'labels'],
    [L.headings.attachments, String(c.attachments.length), 'labels'],
    [F.checks, `${F.errors}: ${report.errors} — ${F.warnings}: ${report.warnings}`, 'labels'],
  ]);
  return pack(w, meta, L.summaryTitle);
}
