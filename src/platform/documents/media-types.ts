import { AppError } from '../http/errors.ts';

/**
 * What a file is, from its first bytes, so that a use's list of allowed types means something: the type a
 * client declares (Content-Type) must be what the bytes are, and a file without a useful type is named by
 * its bytes. Only the formats a use may allow are recognised; anything else is refused (415).
 */
export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  text: 'text/plain',
} as const;
export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string) {
    super(415, 'unsupported_media_type', message, [{ path: 'headers.content-type', message }]);
  }
}

const starts = (b: Buffer, sig: number[] | string, at = 0) =>
  typeof sig === 'string' ? b.subarray(at, at + sig.length).toString('latin1') === sig : sig.every((x, i) => b[at + i] === x);

/** Plain text: UTF-8 without NUL or control characters other than tab, line feed, form feed, carriage return. */
function isText(b: Buffer): boolean {
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(b);
    // text is text when it holds no control characters other than tab, line feed, form feed and carriage return
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(s);
  } catch {
    return false;
  }
}

/** The type the bytes are, or null when they are none of MEDIA_TYPES. */
export function sniffMediaType(b: Buffer): MediaType | null {
  if (b.length === 0) return null;
  if (starts(b, '%PDF-')) return MEDIA_TYPES.pdf;
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MEDIA_TYPES.png;
  if (starts(b, [0xff, 0xd8, 0xff])) return MEDIA_TYPES.jpeg;
  if (starts(b, 'II*\u0000') || starts(b, 'MM\u0000*')) return MEDIA_TYPES.tiff;
  if (starts(b, 'PK\u0003\u0004')) {
    // OpenDocument puts an uncompressed "mimetype" entry first; OOXML names its main part in the archive's directory.
    if (starts(b, `mimetype${MEDIA_TYPES.odt}`, 30)) return MEDIA_TYPES.odt;
    if (b.includes('word/document.xml')) return MEDIA_TYPES.docx;
    if (b.includes('xl/workbook.xml')) return MEDIA_TYPES.xlsx;
    return null;
  }
  return isText(b) ? MEDIA_TYPES.text : null;
}

/** The declared type without parameters (charset…), lower case; '' when absent. */
export const bareMediaType = (declared: string | undefined) => (declared ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The media type to store: the bytes' own, which must be one the use allows and agree with what the client
 * declared (a generic declaration — none, application/octet-stream — defers to the bytes).
 */
export function acceptMediaType(bytes: Buffer, declared: string | undefined, allowed: readonly string[]): string {
  const said = bareMediaType(declared);
  const is = sniffMediaType(bytes);
  if (!is || !allowed.includes(is)) {
    throw new UnsupportedMediaTypeError(`This kind of file is not accepted here${said ? ` (${said})` : ''}: send one of ${allowed.join(', ')}`);
  }
  if (said && said !== 'application/octet-stream' && said !== is) {
    throw new UnsupportedMediaTypeError(`The file is ${is}, not ${said} as its Content-Type says`);
  }
  return is;
}
