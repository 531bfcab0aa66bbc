import { parse } from 'csv-parse/sync';
import type { Db } from '../platform/db/database.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { decodeCsv } from '../platform/csv-upload.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { ValidationError, type Issue } from '../platform/http/errors.ts';
import * as repo from './reference.repository.ts';
import type { PartyStatus } from './reference.tables.ts';
import { announceReferenceChange, referenceChanged } from './reference.cache.ts';
import { isoDate } from '../platform/platform.schemas.ts';

/**
 * Loads official party-status lists supplied by the secretariat:
 *
 *   iso3,instrument,status,signed_on,consented_on,source,as_of
 *   FRA,TIP,party,2000-12-12,2002-10-29,UNTC 18-12-a,2024-06-01
 *
 * Only iso3, instrument and status are required. Every row is checked first; one bad row rejects the
 * whole file (each problem reported with its line number) and nothing is written.
 */

export const IMPORT_COLUMNS = ['iso3', 'instrument', 'status', 'signed_on', 'consented_on', 'source', 'as_of'] as const;
const REQUIRED = ['iso3', 'instrument', 'status'];
const STATUSES: PartyStatus[] = ['party', 'signatory', 'none', 'unknown'];

export interface ImportSummary {
  rows: number;
  changed: number;
  unchanged: number;
}

/** The shared rule (platform.schemas.ts): a real date PostgreSQL accepts (no year 0). */
const validDate = (v: string) => isoDate.safeParse(v).success;


export async function importPartyStatus(
  db: Db,
  input: Buffer | string,
  opts: { actor: Actor; defaultSource: string; dryRun?: boolean },
): Promise<ImportSummary> {
  const text = decodeCsv(input);
  if (text.trim() === '') throw new ValidationError('The file is empty');

  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true }) as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new ValidationError(`The file is not valid CSV: ${e.message}`, [{ path: `line ${e.lines ?? '?'}`, message: e.message }]);
  }
  const header = text.split(/\r?\n/, 1)[0]!.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (missing.length || unknown.length) {
    throw new ValidationError('The header row is wrong', [
      ...missing.map((c) => ({ path: 'line 1', message: `missing column "${c}"` })),
      ...unknown.map((c) => ({ path: 'line 1', message: `unknown column "${c}" (columns are ${IMPORT_COLUMNS.join(', ')})` })),
    ]);
  }
  if (records.length === 0) throw new ValidationError('The file has a header but no rows');

  const states = await repo.existingIso3(db);
  const instruments = await repo.existingInstruments(db);
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const changes: repo.StatusChange[] = [];
  for (const { record: r, info } of records) {
    const line = info.lines;
    const at = (column: string, message: string) => issues.push({ path: `line ${line}, column ${column}`, message });
    const iso3 = (r.iso3 ?? '').toUpperCase();
    const instrument = (r.instrument ?? '').toUpperCase();
    const status = (r.status ?? '').toLowerCase() as PartyStatus;
    if (!states.has(iso3)) at('iso3', `"${r.iso3 ?? ''}" is not a known State code (ISO 3166-1 alpha-3)`);
    if (!instruments.has(instrument)) at('instrument', `"${r.instrument ?? ''}" is not one of ${[...instruments].join(', ')}`);
    if (!STATUSES.includes(status)) at('status', `"${r.status ?? ''}" is not one of ${STATUSES.join(', ')}`);
    for (const col of ['signed_on', 'consented_on', 'as_of'] as const) {
      if (r[col] && !validDate(r[col]!)) at(col, `"${r[col]}" is not a date (YYYY-MM-DD)`);
    }
    if (r.consented_on && status !== 'party') at('consented_on', 'only a party has a ratification / accession date');
    if (r.signed_on && r.consented_on && r.signed_on > r.consented_on) at('signed_on', 'signature is after ratification');
    const key = `${iso3}:${instrument}`;
    if (seen.has(key)) at('iso3', `${iso3} / ${instrument} already given on line ${seen.get(key)}`);
    seen.set(key, line);
    changes.push({
      iso3,
      instrument_code: instrument,
      status,
      signed_on: r.signed_on || null,
      consented_on: r.consented_on || null,
      source: r.source || opts.defaultSource,
      as_of: r.as_of || null,
    });
  }
  if (issues.length) {
    throw new ValidationError(`${issues.length} problem(s) in the file; nothing was imported`, issues);
  }

  const by = opts.actor.kind === 'user' ? opts.actor.username : 'operator';
  const summary = await db.transaction().execute(async (trx) => {
    let changed = 0;
    for (const c of changes) if (await repo.applyStatus(trx, c, by)) changed++;
    const summary = { rows: changes.length, changed, unchanged: changes.length - changed };
    if (opts.dryRun) {
      // Roll back: a dry run reports what would change and writes nothing.
      throw Object.assign(new Error('dry-run'), { summary });
    }
    await audit(trx, {
      actor: auditActor(opts.actor),
      action: 'reference.party_status.import',
      targetType: 'party_status',
      details: { ...summary, source: opts.defaultSource },
    });
    // every process's cached reference data is dropped exactly when this commits (reference.cache.ts)
    if (changed > 0) await announceReferenceChange(trx);
    return { ...summary, committed: changed > 0 };
  }).catch((err: unknown) => {
    const s = (err as { summary?: ImportSummary }).summary;
    if (s) return { ...s, committed: false };
    throw err;
  });
  if (summary.committed) referenceChanged(db);
  return { rows: summary.rows, changed: summary.changed, unchanged: summary.unchanged };
}
