import { z } from 'zod';
import { int4, iso3Schema, text } from '../../platform/platform.schemas.ts';
import { cycleSettings, cycleSettingsPatch } from './cycle-settings.ts';

/** The cycles' API shapes: configuration is public (instruments, work plan, groups, settings). */

export const cycleIdParam = z.object({ id: z.uuid('must be a cycle id (UUID)') });

const code = z.string().regex(/^[A-Za-z0-9._-]{2,40}$/, 'must be 2–40 letters, digits, dots, dashes or underscores');
const instrumentCode = z.string().regex(/^[A-Z0-9]{2,12}$/, 'must be an instrument code such as UNTOC or TIP');
const clusterCode = z.string().regex(/^[a-z][a-z-]{1,59}$/, 'must be a cluster code such as criminalization-jurisdiction');
const year = int4(2000, 2200);
const version = int4(1).describe('the cycle’s version as read (409 when it changed meanwhile)');

export const createCycleBody = z.object({
  code,
  title: text(300).pipe(z.string().trim().min(3, 'must be at least 3 characters')),
  mainInstrument: instrumentCode.default('UNTOC').describe('reviewers must be parties to it'),
  instruments: z.array(instrumentCode).min(1).max(10).describe('the instruments reviewed in this cycle'),
  startYear: year,
  settings: cycleSettings.optional().describe('default: defaultCycleSettings'),
}).strict();

export const patchCycleBody = z.object({
  version,
  title: text(300).pipe(z.string().trim().min(3, 'must be at least 3 characters')).optional(),
  instruments: z.array(instrumentCode).min(1).max(10).optional(),
  startYear: year.optional(),
  status: z.enum(['configuring', 'active', 'closed']).optional(),
  settings: cycleSettingsPatch.optional(),
}).strict();

export const planBody = z.object({
  version,
  phases: z.array(z.object({
    phase: int4(1, 20),
    clusters: z.array(clusterCode).min(1).max(10),
    yearOffset: int4(0, 50),
    years: int4(1, 10),
  }).strict()).max(20),
}).strict();

export const groupsBody = z.object({
  version,
  groups: z.array(z.object({
    group: int4(1, 20),
    startYear: year,
    states: z.array(iso3Schema).max(300),
  }).strict()).min(1).max(20),
}).strict();

const names = z.record(z.string(), z.string());

export const cycleDto = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  mainInstrument: z.string(),
  instruments: z.array(z.string()),
  startYear: z.number(),
  status: z.enum(['configuring', 'active', 'closed']),
  version: z.number(),
  settings: cycleSettings,
  plan: z.array(z.object({
    phase: z.number(),
    clusters: z.array(z.object({ code: z.string(), names })),
    yearOffset: z.number(),
    years: z.number(),
    fromYear: z.number().describe('start year + offset (for a group: its start year + offset)'),
    toYear: z.number(),
  })),
  groups: z.array(z.object({ group: z.number(), startYear: z.number(), states: z.array(z.string()).describe('ISO3 order'), drawId: z.string().nullable() })),
  conditionalArticles: z.array(z.object({
    instrument: z.string(),
    article: z.number(),
    cluster: z.string(),
    onlyIfNotPartyTo: z.string(),
    states: z.array(z.string()).describe('parties to the main instrument this applies to (not parties to onlyIfNotPartyTo), ISO3 order'),
  })).describe('articles reviewed only for some States (UNTOC arts. 8 and 9: only for States not parties to UNCAC)'),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'ReviewCycle' });
export type CycleDto = z.infer<typeof cycleDto>;

export const cycleListDto = z.object({
  items: z.array(cycleDto.pick({ id: true, code: true, title: true, mainInstrument: true, instruments: true, startYear: true, status: true, version: true })),
});
