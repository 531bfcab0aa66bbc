import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../platform/config.ts';

/**
 * The periods a case's steps are due in (deadlines.ts), as configuration: defaults below, overridable by a JSON
 * file named in PALERMO_CASE_DEADLINES. The file is validated when the case tracker starts (caseDocumentRoutes
 * reads it while the app is built), so a bad file stops `palermo serve` with a message naming the field — never a
 * surprise on the first overdue case. Example file:
 *
 *   { "decideDays": 20, "treaties": { "Medellín Treaty": { "executeDays": 60 } } }
 */

export interface DeadlinePeriods {
  /** Acknowledge receipt to the requesting side within N days of receipt. */
  acknowledgeDays: number;
  /** Answer the requesting State's progress query within N days (art. 18(24): reasonable requests for information on progress). */
  answerQueryDays: number;
  /** Decide — accept, refuse, return — within N days of registration (EIO Directive art. 12(3): recognition within 30 days). */
  decideDays: number;
  /** Execute within N days of acceptance (EIO Directive art. 12(4): 90 days). */
  executeDays: number;
  /** The requesting side supplies the additional information asked for (art. 18(16)) within N days. */
  supplyInfoDays: number;
}

export interface DeadlineConfig extends DeadlinePeriods {
  /**
   * Periods a treaty sets, by the treaty's name as cases record it (legal_basis_treaty; compared without case,
   * accents' composition or surrounding spaces). Only the periods given replace the defaults.
   */
  treaties: Record<string, Partial<DeadlinePeriods>>;
}

export const DEFAULT_DEADLINES: DeadlineConfig = {
  acknowledgeDays: 7,
  answerQueryDays: 14,
  decideDays: 30,
  executeDays: 90,
  supplyInfoDays: 30,
  treaties: {},
};

// A period is whole days, at least one and at most ten years: beyond that it is a typing error, not a rule.
const days = z.number().int().min(1).max(3650);
const periods = {
  acknowledgeDays: days,
  answerQueryDays: days,
  decideDays: days,
  executeDays: days,
  supplyInfoDays: days,
};
const treatyName = z.string().min(1).max(300);

/** The file: any of the periods, and treaties; an unknown key is refused (a misspelt period would be silently ignored). */
export const deadlineFileSchema = z.object({
  ...Object.fromEntries(Object.entries(periods).map(([k, v]) => [k, v.optional()])),
  treaties: z.record(treatyName, z.object(Object.fromEntries(Object.entries(periods).map(([k, v]) => [k, v.optional()]))).strict()).optional(),
}).strict();

/** A configuration error (palermo reports it in one line, as the operator's to fix). */
export class DeadlineConfigError extends ConfigError {}

/** The normalised form a treaty's name is compared in. */
export const treatyKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Defaults merged with the file's content (already parsed JSON); throws DeadlineConfigError naming the bad fields. */
export function parseDeadlineConfig(raw: unknown, source = 'PALERMO_CASE_DEADLINES'): DeadlineConfig {
  const parsed = deadlineFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new DeadlineConfigError(`${source}: invalid case deadlines — ${issues}`);
  }
  const file = parsed.data as Partial<DeadlinePeriods> & { treaties?: Record<string, Partial<DeadlinePeriods>> };
  const treaties: DeadlineConfig['treaties'] = {};
  for (const [name, p] of Object.entries(file.treaties ?? {})) {
    const key = treatyKey(name);
    if (key in treaties) throw new DeadlineConfigError(`${source}: treaty "${name}" is listed twice`);
    treaties[key] = p;
  }
  const { treaties: _ignored, ...own } = file;
  return { ...DEFAULT_DEADLINES, ...own, treaties };
}

/** Reads the configuration from the environment: defaults when PALERMO_CASE_DEADLINES is unset. */
export function loadDeadlineConfig(env: NodeJS.ProcessEnv = process.env): DeadlineConfig {
  const file = env.PALERMO_CASE_DEADLINES?.trim();
  if (!file) return DEFAULT_DEADLINES;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DeadlineConfigError(`PALERMO_CASE_DEADLINES: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DeadlineConfigError(`PALERMO_CASE_DEADLINES: ${file} is not JSON (${(e as Error).message})`);
  }
  return parseDeadlineConfig(json, `PALERMO_CASE_DEADLINES (${file})`);
}

let current: DeadlineConfig | null = null;

/** The configuration in force, read once per process (the first call — at start-up — throws on a bad file). */
export function deadlineConfig(): DeadlineConfig {
  current ??= loadDeadlineConfig();
  return current;
}

/** Tests: forget the configuration read, so the next call reads the environment again. */
export function resetDeadlineConfig(): void {
  current = null;
}

/** The periods for a case: a treaty's own periods when its legal basis is a treaty the configuration names. */
export function periodsFor(config: DeadlineConfig, legalBasis: string, treaty: string | null): DeadlinePeriods {
  const own = legalBasis === 'treaty' && treaty ? config.treaties[treatyKey(treaty)] : undefined;
  return {
    acknowledgeDays: own?.acknowledgeDays ?? config.acknowledgeDays,
    answerQueryDays: own?.answerQueryDays ?? config.answerQueryDays,
    decideDays: own?.decideDays ?? config.decideDays,
    executeDays: own?.executeDays ?? config.executeDays,
    supplyInfoDays: own?.supplyInfoDays ?? config.supplyInfoDays,
  };
}
