import { stringify, type Options } from 'csv-stringify/sync';

/**
 * The one CSV writer of every export (knowledge records, directory entries): csv-stringify with CRLF line ends
 * (what spreadsheet programs expect) and a byte-order mark in front of the file (so they read it as UTF-8).
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return as a formula, so a record title such as `=HYPERLINK("http://x")` would become a live link
 * in the reader's spreadsheet. Every such *string* cell is written with a leading single quote `'` (and quoted),
 * which spreadsheets show as text. Only strings are neutralised: a number-typed cell such as -5 is data written by
 * us, not text someone typed, and stays a number. A string that already starts with quotes before one of those
 * characters (`'=x`) gets one quote more, so that `restoreFormulaText` (used by the imports) undoes exactly what
 * this writer did and an export re-imports unchanged.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;
const PROTECTED = /^'+[=+\-@\t\r]/;

/** The cell as written: a leading `'` when a spreadsheet would read it as a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of `neutraliseFormula`, for a cell read back from a file this writer may have produced. */
export function restoreFormulaText(cell: string): string {
  return PROTECTED.test(cell) ? cell.slice(1) : cell;
}

export const CSV_BOM = '\uFEFF';

const OPTIONS: Options = {
  record_delimiter: '\r\n',
  cast: {
    string: (value) => (FORMULA_START.test(value) ? { value: `'${value}`, quoted: true } : value),
    boolean: (value) => (value ? 'true' : 'false'),
    date: (value) => value.toISOString(),
  },
};

export type CsvCell = string | number | boolean | Date | null | undefined;

/** Records (a header row first, if any) as CSV text, each line ending in CRLF; no byte-order mark. */
export function csvRecords(records: CsvCell[][]): string {
  return stringify(records, OPTIONS);
}

/** A whole CSV file: the byte-order mark, the header row, the rows. */
export function csvFile(header: string[], rows: CsvCell[][]): string {
  return CSV_BOM + csvRecords([header, ...rows]);
}

/**
 * A streamed CSV file: the byte-order mark and header first, then each row as it comes, written by the same
 * csv-stringify options (a row is stringified as it arrives, so an export of any size never sits in memory).
 */
export async function* csvStream(header: string[], rows: AsyncIterable<CsvCell[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvRecords([header]);
  for await (const row of rows) yield csvRecords([row]);
}
