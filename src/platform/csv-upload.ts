import { ValidationError } from './http/errors.ts';

/** The largest CSV file an import accepts (the API's body limit for CSV uploads too). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** An uploaded CSV file as text: refused when too large, binary or not UTF-8; a byte-order mark dropped. */
export function decodeCsv(bytes: Buffer | string): string {
  let text: string;
  if (typeof bytes === 'string') text = bytes;
  else {
    if (bytes.length > MAX_IMPORT_BYTES) throw new ValidationError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
    if (bytes.includes(0)) throw new ValidationError('The file is binary, not CSV text');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ValidationError('The file is not UTF-8 text: save it as CSV UTF-8');
    }
  }
  return text.replace(/^\uFEFF/, '');
}
