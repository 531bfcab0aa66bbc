import { z } from 'zod';

/**
 * Malformed inputs for a route, generated from its own zod schemas (params, querystring, body) through
 * their JSON Schema: for each field it declares, values it must refuse — NUL in a string, impossible dates,
 * integers beyond PostgreSQL's int4 and bigint, wrong types, 5,000-deep nesting, oversized strings and
 * arrays, forged search cursors, bad ids. Every value generated here is invalid for its field, so a
 * request carrying one must be refused (4xx) and change nothing, whatever the route.
 */

export type Part = 'params' | 'querystring' | 'body';
export interface Mutation {
  label: string;
  part: Part;
  /** Where in the part: [] is the whole part. */
  path: (string | number)[];
  value: unknown;
  /** The value may be valid for this field (2147483648 where the schema allows any safe integer). */
  mayPass?: boolean;
}

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  anyOf?: Json[];
  oneOf?: Json[];
  allOf?: Json[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | Json;
};

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const NUL = '\u0000';
const DEEP = 5_000;

/** A zod schema (as routes declare them) as JSON Schema of what it accepts, or null when there is none. */
export function jsonSchemaOf(schema: unknown): Json | null {
  if (!(schema instanceof z.ZodType)) return null;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
}

/** JSON text spliced in as is when a body is serialized (JSON.stringify itself would overflow on it). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** `{"a":{"a":…}}` nested `depth` levels, as JSON text. */
export function deeplyNested(depth = DEEP): RawJson {
  return new RawJson(`${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`);
}

/** A request body as JSON text, with any RawJson inside spliced in. */
export function toJsonText(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_k, v: unknown) => (v instanceof RawJson ? `\u0001raw${raws.push(v.text) - 1}\u0001` : v));
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_, i: string) => raws[Number(i)]!);
}

export const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** The first option of a union that is not null (a nullable field's real type). */
function main(s: Json): Json {
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return main(alts.find((a) => a.type !== 'null') ?? alts[0]!);
  if (s.allOf?.length) return main(s.allOf[0]!);
  return s;
}
const typeOf = (s: Json) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) ?? (s.properties ? 'object' : s.enum ? 'string' : undefined);

const SAMPLES = [
  'FRA', 'en', 'UNTOC', 'UNTOC:18', 'art_1', '2024-01-01', '2016', 'mla', 'bank-records', 'african', '$.facts.summary',
  '+33 1 23 45 67 89', 'https://example.org/', 'fuzz@example.org', 'Europe/Paris', 'ECLI:NL:HR:2019:1234', 'abc',
];

/** A value the schema accepts (as far as a sample can tell): required fields only. */
export function sample(s0: Json): unknown {
  const s = main(s0);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k] ?? {});
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}));
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    default: {
      if (s.format === 'uuid') return NIL_UUID;
      if (s.format === 'date') return '2024-01-01';
      if (s.format === 'date-time') return '2024-01-01T10:00:00';
      if (s.format === 'email') return 'fuzz@example.org';
      if (s.format === 'uri') return 'https://example.org/';
      const min = s.minLength ?? 1;
      const max = s.maxLength ?? Infinity;
      const fits = (v: string) => v.length >= min && v.length <= max && (!s.pattern || new RegExp(s.pattern).test(v));
      return SAMPLES.find(fits) ?? 'x'.repeat(Math.max(min, 3));
    }
  }
}

const isDateField = (s: Json) => s.format === 'date' || s.format === 'date-time' || /\\d\{4\}|\\d\\d/.test(s.pattern ?? '');

/** Invalid values for one field, by the field's type; `inQuery`: the value travels as text (path, query string). */
export function badValues(s0: Json, inQuery: boolean): { label: string; value: unknown; mayPass?: boolean }[] {
  const s = main(s0);
  const out: { label: string; value: unknown; mayPass?: boolean }[] = [];
  const base = sample(s);
  const type = typeOf(s);
  if (type === 'string' || s.enum) {
    out.push({ label: 'NUL in text', value: `${typeof base === 'string' ? base : 'x'}${NUL}x` });
    if (s.maxLength !== undefined) out.push({ label: 'oversized text', value: 'x'.repeat(s.maxLength + 1) });
    if (isDateField(s)) {
      for (const d of ['2024-02-30', '2020-13-45', '0000-01-01']) out.push({ label: `impossible date ${d}`, value: s.format === 'date-time' ? `${d}T10:00:00` : d });
    }
    if (s.format === 'uuid') out.push({ label: 'not a uuid', value: 'not-a-uuid' }, { label: 'uuid-shaped dashes', value: '-'.repeat(36) });
    if (s.enum) out.push({ label: 'not in the list', value: 'zz-not-a-value' });
    out.push(inQuery ? { label: 'repeated (array)', value: ['a', 'b'] } : { label: 'number instead of text', value: 12345 });
  } else if (type === 'integer' || type === 'number') {
    const nums: [string, number | string][] = [['int4 overflow', 2147483648], ['bigint overflow', '9223372036854775808'], ['not a number', 'abc']];
    if ((s.minimum ?? s.exclusiveMinimum ?? -1) >= 0) nums.push(['negative', -1]);
    if (type === 'integer') nums.push(['fraction', 1.5]);
    if (s.maximum !== undefined) nums.push(['huge', 1e308]);
    for (const [label, v] of nums) {
      // An int4 overflow is wrong only where the field is bounded below it; elsewhere (a bigint id) it must
      // merely not be a 500 — which it is when an unbounded field reaches an int4 column.
      if (label === 'int4 overflow' && (s.maximum === undefined || s.maximum >= 2147483648)) out.push({ label, value: inQuery ? String(v) : v, mayPass: true });
      else if (!inQuery && label === 'bigint overflow') out.push({ label, value: 9223372036854775808 });
      else if (!inQuery && label === 'not a number') out.push({ label, value: 'abc' });
      else out.push({ label, value: inQuery ? String(v) : v });
    }
  } else if (type === 'boolean') {
    out.push({ label: 'not a boolean', value: inQuery ? 'maybe' : 'maybe' });
  } else if (type === 'array' && !inQuery) {
    out.push({ label: 'text instead of list', value: 'x' });
    out.push({ label: 'too many items', value: Array.from({ length: s.maxItems !== undefined ? s.maxItems + 1 : 10_001 }, () => sample(s.items ?? {})) });
    out.push({ label: 'deep nesting in list', value: [deeplyNested()] });
  } else if (type === 'object' && !inQuery) {
    out.push({ label: 'text instead of object', value: 'x' });
    out.push({ label: 'deep nesting', value: deeplyNested() });
    out.push({ label: 'NUL in a field name', value: { [`a${NUL}b`]: 'x' } });
  }
  return out;
}

/** Every field's invalid values, nested fields included (up to `depth` levels), for one part of a request. */
export function fieldMutations(part: Part, s0: Json, depth = 4, prefix: (string | number)[] = []): Mutation[] {
  const s = main(s0);
  const inQuery = part !== 'body';
  const out: Mutation[] = [];
  const type = typeOf(s);
  if (type === 'object' && s.properties) {
    for (const [k, child] of Object.entries(s.properties)) {
      const at = [...prefix, k];
      for (const b of badValues(child, inQuery)) out.push({ label: `${at.join('.')}: ${b.label}`, part, path: at, value: b.value, mayPass: b.mayPass });
      if (depth > 1) out.push(...fieldMutations(part, child, depth - 1, at).filter((m) => m.path.length > at.length));
    }
  } else if (type === 'array' && s.items && depth > 1 && !inQuery) {
    out.push(...fieldMutations(part, s.items, depth - 1, [...prefix, 0]).filter((m) => m.path.length > prefix.length + 1));
    for (const b of badValues(s.items, false)) out.push({ label: `${[...prefix, 0].join('.')}: ${b.label}`, part, path: [...prefix, 0], value: b.value, mayPass: b.mayPass });
  }
  return out;
}

/** Sets `value` at `path` in a copy of `target` (creating objects and arrays on the way). */
export function setIn(target: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(target)
    ? [...target]
    : typeof target === 'object' && target !== null
      ? { ...(target as Record<string, unknown>) }
      : typeof head === 'number'
        ? []
        : {};
  (copy as Record<string | number, unknown>)[head!] = setIn((copy as Record<string | number, unknown>)[head!], rest, value);
  return copy;
}

/** Forged search cursors: wrong shape, impossible dates, ranks beyond `real`, ids that are not uuids. */
export const BAD_CURSORS: { label: string; value: string; sort?: string }[] = [
  { label: 'not base64 JSON', value: 'garbage!' },
  { label: 'null', value: cursorOf(null) },
  { label: 'array', value: cursorOf([1, 2]) },
  { label: 'rank beyond real', value: cursorOf({ k: 1e39, id: NIL_UUID }) },
  { label: 'rank too small for real', value: cursorOf({ k: 1e-50, id: NIL_UUID }) },
  { label: 'rank as text', value: cursorOf({ k: 'x', id: NIL_UUID }) },
  { label: 'id of dashes', value: cursorOf({ k: 0.5, id: '-'.repeat(36) }) },
  { label: 'impossible date', value: cursorOf({ k: '2024-02-30', id: NIL_UUID }), sort: 'date' },
  { label: 'year 0', value: cursorOf({ k: '0000-01-01', id: NIL_UUID }), sort: 'date' },
  { label: 'date with id of dashes', value: cursorOf({ k: '2024-01-01', id: '-'.repeat(36) }), sort: 'date' },
  { label: 'NUL in id', value: cursorOf({ k: '2024-01-01', id: `${NIL_UUID.slice(0, 35)}${NUL}` }), sort: 'date' },
];

/** Bad path parameter values (a param's own invalid values come from its schema). */
export const BAD_PARAMS = ['not-a-uuid', '2147483648', '-1', `a${NUL}b`, '9'.repeat(30)];
