/**
 * Field-by-field differences between two versions of a draft's content: every leaf (text, number,
 * boolean, null, empty array/object) by its JSON path, e.g. `$.persons[0].name.family`.
 */
export interface FieldChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

export function flatten(value: unknown, path = '$', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, []);
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) out.set(path, {});
    for (const [k, v] of entries) flatten(v, `${path}.${k}`, out);
  } else {
    out.set(path, value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function compareContent(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: FieldChange[] = [];
  for (const [path, v] of a) {
    if (!b.has(path)) changes.push({ path, change: 'removed', before: v, after: null });
    else if (!same(v, b.get(path))) changes.push({ path, change: 'changed', before: v, after: b.get(path) });
  }
  for (const [path, v] of b) if (!a.has(path)) changes.push({ path, change: 'added', before: null, after: v });
  return changes;
}
