import type { Actor } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { routeRequest } from '../../directory/routing.service.ts';
import type { RouteAnswer } from '../../directory/routing.types.ts';
import type { DraftContent } from '../draft.schema.ts';
import { AVAILABILITY_CHECK_IDS, availabilityChecks } from './availability.ts';
import { CHANNEL_CHECK_IDS, channelChecks } from './channel.ts';
import { CLARITY_CHECK_IDS, clarityChecks } from './clarity.ts';
import { DUAL_CRIMINALITY_CHECK_IDS, dualCriminalityChecks } from './dual-criminality.ts';
import { ELEMENT_CHECK_IDS, elementChecks } from './elements.ts';
import { FORM_CHECK_IDS, formChecks } from './forms.ts';
import { LANGUAGE_CHECK_IDS, languageChecks } from './language.ts';
import { LEGAL_BASIS_CHECK_IDS, legalBasisChecks } from './legal-basis.ts';
import type { CheckContext, CheckResult, DirectoryFacts } from './types.ts';

export type { CheckResult, CheckContext, DirectoryFacts } from './types.ts';

export const CHECK_IDS: readonly string[] = [
  ...ELEMENT_CHECK_IDS, ...FORM_CHECK_IDS, ...LANGUAGE_CHECK_IDS, ...CHANNEL_CHECK_IDS, ...LEGAL_BASIS_CHECK_IDS,
  ...DUAL_CRIMINALITY_CHECK_IDS, ...AVAILABILITY_CHECK_IDS, ...CLARITY_CHECK_IDS,
];

const FAMILIES = [elementChecks, formChecks, languageChecks, channelChecks, legalBasisChecks, dualCriminalityChecks, availabilityChecks, clarityChecks];

/** Every check over a draft (pure: the directory's answers come in the context). Errors first. */
export function runChecks(ctx: CheckContext): CheckResult[] {
  const results = FAMILIES.flatMap((f) => f(ctx));
  return [...results.filter((r) => r.severity === 'error'), ...results.filter((r) => r.severity === 'warning')];
}

/**
 * Asks the directory — through its service function routeRequest only — about the requested State: once
 * for the kind of request, once per form of assistance. A directory that fails to answer is reported as
 * a warning by the checks, never as a pass.
 */
export async function directoryFacts(db: Db, actor: Actor, requestingState: string, content: DraftContent): Promise<DirectoryFacts | null> {
  const to = content.requested.state;
  if (!to || to === requestingState) return null;
  const ask = (measure?: string): Promise<RouteAnswer | null> =>
    routeRequest(db, actor, { from: requestingState, to, kind: content.kind, ...(measure && { measure }) }).catch(() => null);
  const codes = [...new Set(content.assistance.map((f) => f.measure))];
  const [general, ...perMeasure] = await Promise.all([ask(), ...codes.map((code) => ask(code))]);
  const measures: DirectoryFacts['measures'] = {};
  const addressees: DirectoryFacts['addressees'] = {};
  codes.forEach((code, i) => {
    measures[code] = perMeasure[i]?.measure ?? null;
    addressees[code] = perMeasure[i]?.addressee ?? null;
  });
  return { general: general ?? null, measures, addressees };
}

export interface CheckReport {
  ok: boolean;
  errors: number;
  warnings: number;
  results: CheckResult[];
  directory: ReturnType<typeof directorySummary>;
}

function directorySummary(d: DirectoryFacts | null) {
  if (!d?.general) return null;
  const g = d.general;
  return { authority: g.authority, languages: g.languages, channels: g.channels, legalBasis: g.legalBasis, requirements: g.requirements, unknown: g.unknown, measures: d.measures };
}

export async function checkDraftContent(db: Db, actor: Actor, requestingState: string, content: DraftContent, today = new Date().toISOString().slice(0, 10)): Promise<CheckReport> {
  const directory = await directoryFacts(db, actor, requestingState, content);
  const results = runChecks({ content, requestingState, today, directory });
  const errors = results.filter((r) => r.severity === 'error').length;
  return { ok: errors === 0, errors, warnings: results.length - errors, results, directory: directorySummary(directory) };
}
