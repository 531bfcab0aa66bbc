/**
 * The case tracker's API shapes as the pages use them, all taken from the generated schema
 * (generated/api-schema.d.ts, from cases.schemas.ts): a page never copies the server's DTO.
 */
import type { components } from '../../../generated/api-schema.d.ts';

type S = components['schemas'];

export type CaseDto = S['Case'];
export type CaseSummary = S['CaseSummary'];
export type CaseList = S['CaseList'];
export type CaseTimelineEntry = S['CaseTimelineEntry'];
export type CaseDueStep = S['CaseDueStep'];
export type PriorityFactor = S['PriorityFactor'];
/** What is sent (the request bodies: the schemas' input side). */
export type CaseEvent = S['CaseEventInput'];
export type NewCase = S['NewCaseInput'];
export type CaseAction = CaseDto['actions'][number]['action'];
export type CaseActionAvailability = CaseDto['actions'][number];

/** What a priority badge shows: the full priority of a case, or the short one of a queue row. */
export interface CasePriority {
  score: number;
  level: CaseDto['priority']['level'];
  factors?: PriorityFactor[];
  override?: { level: CaseDto['priority']['level']; reason: string } | null;
  overridden?: boolean;
}
