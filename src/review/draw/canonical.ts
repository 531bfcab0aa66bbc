import { createHash } from 'node:crypto';

/**
 * Canonical JSON (in the manner of RFC 8785, restricted to what a draw holds): object keys sorted by UTF-16 code
 * units, no insignificant whitespace, strings escaped as ECMAScript JSON.stringify does, integers only (a float, NaN
 * or an unsafe integer is refused: a draw never needs one and number formatting is where implementations differ),
 * `undefined` object members left out, anything else (undefined in an array, bigint, function, symbol) refused.
 * The same value gives the same bytes in any language that follows docs/DRAW.md, so inputs and results hash alike.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(v: unknown, path: string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new TypeError(`canonicalJson: ${path} is not a safe integer (${v})`);
    return Object.is(v, -0) ? '0' : String(v);
  }
  if (Array.isArray(v)) {
    return `[${v.map((x, i) => {
      if (x === undefined) throw new TypeError(`canonicalJson: ${path}[${i}] is undefined`);
      return write(x, `${path}[${i}]`);
    }).join(',')}]`;
  }
  if (typeof v === 'object') {
    const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort(byCodeUnits);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k], `${path}.${k}`)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${path} has type ${typeof v}`);
}

/** Code-unit order (what Array.prototype.sort does by default), written out so the rule is explicit. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
