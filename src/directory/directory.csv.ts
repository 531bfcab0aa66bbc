import { parse } from 'csv-parse/sync';
import { audit } from '../platform/audit/audit.service.ts';
import { decodeCsv } from '../platform/csv-upload.ts';
import { csvFile, restoreFormulaText, type CsvCell } from '../platform/csv-write.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError, ForbiddenError, ValidationError, type Issue } from '../platform/http/errors.ts';
import { stateExists } from '../reference/reference.service.ts';
import { canSeeContacts, canSeeExpertContacts } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import { CONTACT_FIELDS, FIELDS, type EntryType } from './directory.schemas.ts';
import { assertExpertListReader, createEntry, updateEntry } from './directory.service.ts';
import { directoryChanged } from './routing.cache.ts';

/**
 * CSV import (the initial load) and CSV / JSON export of the directory. One file holds one type of entry;
 * the columns are the API's fields in snake_case. Lists of codes are separated by ";" (languages
 * "zh;en"), lists of sentences by "|" (requirements), structured values are JSON (contact_persons,
 * guide_links, names); booleans are yes / no / empty (= not known). Every row is checked before anything
 * is written; one bad row rejects the file, each problem named by line and column, and nothing is written.
 */

export const IMPORT_TYPES = { authorities: 'authority', measures: 'measure', notifications: 'notification', experts: 'expert' } as const;
export type ImportType = keyof typeof IMPORT_TYPES;

type Kind = 'text' | 'codes' | 'sentences' | 'json' | 'bool' | 'int';
const COLUMNS: Record<EntryType, Array<[string, Kind]>> = {
  authority: [
    ['iso3', 'text'], ['category', 'text'], ['subtype', 'text'], ['name', 'text'], ['name_lang', 'text'], ['names', 'json'],
    ['functions', 'codes'], ['instruments', 'codes'], ['member_states', 'codes'], ['postal_address', 'text'], ['phone', 'text'],
    ['fax', 'text'], ['email', 'text'], ['website', 'text'], ['office_hours', 'text'], ['time_zone', 'text'], ['contact_persons', 'json'],
    ['languages', 'codes'], ['channels', 'codes'], ['encryption_required', 'bool'], ['e_signature_required', 'bool'],
    ['direct_transmission', 'bool'], ['interpol_for_urgent', 'bool'], ['interpol_scope', 'text'], ['available_24x7', 'bool'],
    ['requirements', 'sentences'], ['can_do', 'text'], ['cannot_do', 'text'], ['guide_links', 'json'],
  ],
  measure: [
    ['iso3', 'text'], ['measure', 'text'], ['available', 'text'], ['legal_framework', 'text'], ['receiving_authority', 'text'],
    ['receiving_authority_id', 'text'], ['languages', 'codes'], ['usual_execution_days', 'int'], ['special_requirements', 'text'],
    ['alternatives', 'text'], ['dual_criminality', 'text'],
  ],
  notification: [
    ['iso3', 'text'], ['type', 'text'], ['instrument', 'text'], ['provision', 'text'], ['made_on', 'text'], ['text', 'text'],
    ['extradition_basis', 'text'], ['languages', 'codes'], ['authority_id', 'text'], ['withdrawn_on', 'text'],
  ],
  expert: [
    ['iso3', 'text'], ['name', 'text'], ['title', 'text'], ['organisation', 'text'], ['expertise', 'sentences'], ['languages', 'codes'],
    ['email', 'text'], ['phone', 'text'],
  ],
};
const TRAILER: Array<[string, Kind]> = [['provenance_type', 'text'], ['provenance_reference', 'text'], ['provenance_date', 'text'], ['last_verified', 'text']];
export const columnsOf = (type: EntryType) => ['id', ...COLUMNS[type].map(([c]) => c), ...TRAILER.map(([c]) => c)];
/** Columns that may be left out of an import file (everything but what the type requires). */
const REQUIRED: Record<EntryType, string[]> = {
  authority: ['iso3', 'category', 'subtype', 'name'],
  measure: ['iso3', 'measure'],
  notification: ['iso3', 'type', 'text'],
  expert: ['name'],
};

export interface ImportSummary {
  type: ImportType;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}


/** What an empty cell means when it is not "not known" (null). */
const EMPTY: Record<string, unknown> = {
  functions: [], instruments: [], member_states: [], requirements: [], expertise: [], contact_persons: [], guide_links: [], names: {},
  instrument: undefined,
};

/** One CSV cell to the API's value; problems go to `issues` with the column's name. */
function cell(kind: Kind, raw: string | undefined, column: string, at: (c: string, m: string) => void): unknown {
  const v = (raw ?? '').trim();
  if (v === '') return column in EMPTY ? EMPTY[column] : null;
  switch (kind) {
    case 'codes':
      return v.split(';').map((s) => s.trim()).filter(Boolean);
    case 'sentences':
      return v.split('|').map((s) => s.trim()).filter(Boolean);
    case 'bool':
      if (/^(yes|true|1|oui|sí|si)$/i.test(v)) return true;
      if (/^(no|false|0|non)$/i.test(v)) return false;
      at(column, `"${v}" is not yes or no (leave it empty when not known)`);
      return null;
    case 'int':
      if (!/^\d+$/.test(v)) {
        at(column, `"${v}" is not a whole number`);
        return null;
      }
      return Number(v);
    case 'json':
      try {
        return JSON.parse(v);
      } catch {
        at(column, 'is not valid JSON');
        return null;
      }
    default:
      return v;
  }
}

const columnOfPath = (path: PropertyKey[]) => {
  const [first, second] = path.map(String);
  if (first === 'provenance') return `provenance_${second ?? 'type'}`;
  return repo.toColumn(first ?? '');
};

interface ParsedRow {
  line: number;
  id: string | null;
  fields: Record<string, unknown>;
}

function parseRows(type: EntryType, text: string, issues: Issue[]): ParsedRow[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, info: true, relax_column_count: false }) as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new ValidationError(`The file is not valid CSV: ${e.message}`, [{ path: `line ${e.lines ?? '?'}`, message: e.message }]);
  }
  const header = (parse(text, { to_line: 1 }) as string[][])[0]!.map((c) => c.trim().toLowerCase());
  const known = columnsOf(type);
  const headerIssues = [
    ...REQUIRED[type].filter((c) => !header.includes(c)).map((c) => ({ path: 'line 1', message: `missing column "${c}"` })),
    ...header.filter((c) => !known.includes(c)).map((c) => ({ path: 'line 1', message: `unknown column "${c}" (columns are ${known.join(', ')})` })),
  ];
  if (headerIssues.length) throw new ValidationError('The header row is wrong; nothing was imported', headerIssues);
  if (records.length === 0) throw new ValidationError('The file has a header but no rows');

  const kinds = new Map([...COLUMNS[type], ...TRAILER]);
  const out: ParsedRow[] = [];
  for (const { record, info } of records) {
    // Cells trimmed, and the quote our export puts before a formula-like cell ("'+33 1…") taken off again.
    const r = Object.fromEntries(Object.entries(record).map(([c, v]) => [c, restoreFormulaText(v.trim())]));
    const line = info.lines;
    const at = (column: string, message: string) => issues.push({ path: `line ${line}, column ${column}`, message });
    const fields: Record<string, unknown> = {};
    for (const [column, kind] of kinds) {
      if (!(column in r) || column.startsWith('provenance_')) continue;
      const v = cell(kind, r[column], column, at);
      if (v !== undefined) fields[repo.toField(column)] = v;
    }
    if (r.provenance_type?.trim()) {
      fields.provenance = { type: r.provenance_type.trim(), reference: r.provenance_reference?.trim() || null, date: r.provenance_date?.trim() || null };
    }
    const parsed = FIELDS[type].safeParse(fields);
    if (!parsed.success) for (const i of parsed.error.issues) at(columnOfPath(i.path), i.message);
    const id = r.id?.trim() || null;
    if (id && !/^[0-9a-f-]{36}$/i.test(id)) at('id', `"${id}" is not an entry id (UUID)`);
    out.push({ line, id, fields: parsed.success ? (parsed.data as Record<string, unknown>) : fields });
  }
  return out;
}

async function findExisting(db: Db, type: EntryType, row: ParsedRow): Promise<repo.Row | undefined> {
  if (row.id) return repo.find(db, type, row.id);
  const f = row.fields;
  const table = repo.TABLE[type];
  let q = db.selectFrom(table as 'directory_authorities').selectAll().where('retired_at', 'is', null);
  const iso3 = (f.iso3 as string | null | undefined) ?? null;
  q = iso3 ? q.where('iso3', '=', iso3) : q.where('iso3', 'is', null);
  if (type === 'authority') q = q.where('category', '=', f.category as string).where('name', '=', f.name as string);
  if (type === 'measure') q = q.where('measure' as never, '=', f.measure as never);
  if (type === 'notification') {
    q = q.where('type' as never, '=', f.type as never);
    q = f.madeOn ? q.where('made_on' as never, '=', f.madeOn as never) : q.where('made_on' as never, 'is', null);
  }
  if (type === 'expert') q = q.where('name', '=', f.name as string);
  return (await q.executeTakeFirst()) as repo.Row | undefined;
}

export async function importDirectoryCsv(db: Db, actor: Actor, typeName: string, input: Buffer | string, opts: { dryRun?: boolean } = {}): Promise<ImportSummary> {
  if (!(typeName in IMPORT_TYPES)) {
    throw new ValidationError(`Unknown type "${typeName}"`, [{ path: 'type', message: `one of ${Object.keys(IMPORT_TYPES).join(', ')}` }]);
  }
  const type = IMPORT_TYPES[typeName as ImportType];
  const text = decodeCsv(input);
  if (text.trim() === '') throw new ValidationError('The file is empty');
  const issues: Issue[] = [];
  const rows = parseRows(type, text, issues);
  // States named anywhere in the file, checked in one query rather than row by row.
  const named = new Set<string>();
  for (const r of rows) {
    if (typeof r.fields.iso3 === 'string') named.add(r.fields.iso3);
    for (const m of (r.fields.memberStates as string[] | undefined) ?? []) named.add(m);
  }
  const known = new Set<string>();
  for (const s of named) if (await stateExists(db, s)) known.add(s);
  for (const r of rows) {
    if (typeof r.fields.iso3 === 'string' && !known.has(r.fields.iso3)) issues.push({ path: `line ${r.line}, column iso3`, message: `"${r.fields.iso3}" is not a known State code` });
    for (const m of (r.fields.memberStates as string[] | undefined) ?? []) if (!known.has(m)) issues.push({ path: `line ${r.line}, column member_states`, message: `"${m}" is not a known State code` });
  }
  if (issues.length) throw new ValidationError(`${issues.length} problem(s) in the file; nothing was imported`, issues);

  const summary: ImportSummary = { type: typeName as ImportType, rows: rows.length, created: 0, updated: 0, unchanged: 0, dryRun: !!opts.dryRun };
  const DRY = Symbol('dry-run');
  try {
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        try {
          const existing = await findExisting(trx as unknown as Db, type, r);
          if (r.id && !existing) throw new ValidationError(`no ${type} ${r.id}`, [{ path: `line ${r.line}, column id`, message: `no ${type} with this id` }]);
          if (existing) {
            const res = await updateEntry(trx, actor, type, existing.id, r.fields, { path: `line ${r.line}` });
            if (res.changed) summary.updated++;
            else summary.unchanged++;
          } else {
            await createEntry(trx, actor, type, r.fields, `line ${r.line}`);
            summary.created++;
          }
        } catch (err) {
          if (err instanceof AppError && err.status === 400) throw err;
          if (err instanceof AppError) throw new AppError(err.status, err.code, `line ${r.line}: ${err.message}; nothing was imported`, [{ path: `line ${r.line}`, message: err.message }]);
          throw err;
        }
      }
      if (opts.dryRun) throw DRY;
      await audit(trx, { actor: auditActor(actor), action: 'directory.import', targetType: `directory_${type}`, details: { ...summary } });
    });
  } catch (err) {
    if (err !== DRY) throw err;
  }
  directoryChanged(db); // this process's routing answers, at once (routing.cache.ts)
  return summary;
}

// ——— export ———

function exportCell(kind: Kind, v: unknown): CsvCell {
  if (v === null || v === undefined) return '';
  switch (kind) {
    case 'codes':
      return (v as string[]).join(';');
    case 'sentences':
      return (v as string[]).join(' | ');
    case 'json':
      return Array.isArray(v) && v.length === 0 ? '' : JSON.stringify(v);
    case 'bool':
      return v ? 'yes' : 'no';
    case 'int':
      return Number(v);
    default:
      return String(v);
  }
}

export async function exportRows(db: Db, actor: Actor, typeName: string): Promise<{ type: EntryType; rows: repo.Row[]; hidden: Set<string> }> {
  if (!(typeName in IMPORT_TYPES)) throw new ValidationError(`Unknown type "${typeName}"`, [{ path: 'querystring.type', message: `one of ${Object.keys(IMPORT_TYPES).join(', ')}` }]);
  const type = IMPORT_TYPES[typeName as ImportType];
  let rows: repo.Row[];
  if (type === 'expert') {
    assertExpertListReader(actor);
    if (!canSeeExpertContacts(actor) && actor.kind === 'user' && !actor.roles.includes('secretariat')) throw new ForbiddenError();
    rows = await repo.listExperts(db);
    await audit(db, { actor: auditActor(actor), action: 'directory.experts.export', targetType: 'directory_expert', details: { count: rows.length } });
  } else if (type === 'authority') rows = await repo.listAuthorities(db, {});
  else if (type === 'measure') rows = await repo.listMeasures(db);
  else rows = await repo.listNotifications(db, {});
  const visible = type === 'expert' ? canSeeExpertContacts(actor) : canSeeContacts(actor);
  return { type, rows, hidden: new Set(visible ? [] : CONTACT_FIELDS[type].map(repo.toColumn)) };
}

export function toCsv(type: EntryType, rows: repo.Row[], hidden: Set<string>): string {
  const cols: Array<[string, Kind]> = [['id', 'text'], ...COLUMNS[type], ...TRAILER];
  const data = rows.map((row) =>
    cols.map(([c, kind]) => {
      if (hidden.has(c)) return '';
      if (c.startsWith('provenance_')) return exportCell('text', (row.provenance as Record<string, unknown> | null)?.[c.slice('provenance_'.length)]);
      return exportCell(kind, row[c]);
    }),
  );
  return csvFile(cols.map(([c]) => c), data);
}
