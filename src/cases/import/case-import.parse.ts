import { parse } from 'csv-parse/sync';
import { decodeCsv } from '../../platform/csv-upload.ts';
import { restoreFormulaText } from '../../platform/csv-write.ts';
import { ValidationError, type Issue } from '../../platform/http/errors.ts';
import { NO_NUL, NUL_MESSAGE } from '../../platform/platform.schemas.ts';
import { planRow, type RowPlan } from './case-import.plan.ts';
import { COLUMN_NAMES, COLUMNS, importRowSchema, REQUIRED_COLUMNS, type CellKind, type ImportRow } from './case-import.row.ts';

/**
 * Reading the bulk-registration file: CSV → cells → a typed row (case-import.row.ts) → a plan of its timeline
 * (case-import.plan.ts). Every problem is collected as "line N, column C" with its reason, so that an operator
 * fixes the whole file in one go; nothing here touches the database.
 */

/** Rows in one file: a register larger than this is split (each part is still all-or-nothing). */
export const MAX_ROWS = 5000;

export interface ParsedCase {
  line: number;
  row: ImportRow;
  plan: RowPlan;
}

export const at = (line: number, column: string) => `line ${line}, column ${column}`;

/** One cell to the value the row schema expects; a problem goes to `bad`. */
function cell(kind: CellKind, raw: string, bad: (m: string) => void): unknown {
  const v = restoreFormulaText(raw.trim());
  if (v === '') return undefined;
  if (!NO_NUL(v)) {
    bad(NUL_MESSAGE);
    return undefined;
  }
  switch (kind) {
    case 'codes':
      return v.split(';').map((s) => s.trim()).filter(Boolean);
    case 'sentences':
      return v.split('|').map((s) => s.trim()).filter(Boolean);
    case 'bool':
      if (/^(yes|true|1|oui|sí|si)$/i.test(v)) return true;
      if (/^(no|false|0|non)$/i.test(v)) return false;
      bad(`"${v}" is not yes or no (leave it empty when not known)`);
      return undefined;
    case 'int':
      if (!/^\d{1,9}$/.test(v)) {
        bad(`"${v.slice(0, 40)}" is not a whole number`);
        return undefined;
      }
      return Number(v);
    case 'json':
      try {
        return JSON.parse(v) as unknown;
      } catch {
        bad('is not valid JSON');
        return undefined;
      }
    default:
      return v;
  }
}

/** The file's text to checked rows and their plans; throws a ValidationError naming every bad line. */
export function parseCaseFile(input: Buffer | string, today: string): ParsedCase[] {
  const { cases, issues } = readCaseFile(input, today);
  if (issues.length) throw badFile(issues);
  return cases;
}

/**
 * The same, returning the good rows beside the problems of the bad ones (so that the database checks run on the
 * good rows and the operator sees every problem at once). A file that cannot be read at all still throws.
 */
export function readCaseFile(input: Buffer | string, today: string): { cases: ParsedCase[]; issues: Issue[] } {
  const text = decodeCsv(input);
  if (text.trim() === '') throw new ValidationError('The file is empty');
  if (!NO_NUL(text)) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    throw new ValidationError('The file contains the NUL character; nothing was imported', [{ path: `line ${line}`, message: NUL_MESSAGE }]);
  }
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, info: true, relax_column_count: false }) as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new ValidationError(`The file is not valid CSV: ${e.message}`, [{ path: `line ${e.lines ?? '?'}`, message: e.message }]);
  }
  const header = (parse(text, { to_line: 1 }) as string[][])[0]!.map((c) => c.trim().toLowerCase());
  const headerIssues: Issue[] = [
    ...REQUIRED_COLUMNS.filter((c) => !header.includes(c)).map((c) => ({ path: 'line 1', message: `missing column "${c}"` })),
    ...header.filter((c) => !COLUMN_NAMES.includes(c)).map((c) => ({ path: 'line 1', message: `unknown column "${c}" (columns are ${COLUMN_NAMES.join(', ')})` })),
    ...header.filter((c, i) => header.indexOf(c) !== i).map((c) => ({ path: 'line 1', message: `column "${c}" appears twice` })),
  ];
  if (headerIssues.length) throw new ValidationError('The header row is wrong; nothing was imported', headerIssues);
  if (records.length === 0) throw new ValidationError('The file has a header but no rows');
  if (records.length > MAX_ROWS) throw new ValidationError(`The file has ${records.length} rows; import at most ${MAX_ROWS} at a time (split the file)`);

  const issues: Issue[] = [];
  const out: ParsedCase[] = [];
  const kinds = new Map(COLUMNS);
  for (const { record, info } of records) {
    const line = info.lines;
    const fields: Record<string, unknown> = {};
    for (const [column, raw] of Object.entries(record)) {
      const v = cell(kinds.get(column)!, raw, (m) => issues.push({ path: at(line, column), message: m }));
      if (v !== undefined) fields[column] = v;
    }
    const parsed = importRowSchema.safeParse(fields);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ path: at(line, String(i.path[0] ?? 'row')), message: i.message });
      continue;
    }
    const { plan, issues: rowIssues } = planRow(parsed.data, today);
    for (const i of rowIssues) issues.push({ path: at(line, i.column), message: i.message });
    if (plan) out.push({ line, row: parsed.data, plan });
  }
  // A reference is this State's own number for the case: it appears once.
  const seen = new Map<string, number>();
  for (const c of out) {
    const key = c.row.reference;
    const first = seen.get(key);
    if (first !== undefined) issues.push({ path: at(c.line, 'reference'), message: `"${c.row.reference}" is already the reference of line ${first}` });
    else seen.set(key, c.line);
  }
  return { cases: out, issues };
}

export function badFile(issues: Issue[]): ValidationError {
  const lines = new Set(issues.map((i) => /^line (\d+)/.exec(i.path)?.[1]).filter(Boolean));
  return new ValidationError(`${issues.length} problem(s) on ${lines.size} line(s) of the file; nothing was imported`, issues);
}
