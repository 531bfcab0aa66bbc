/**
 * Draft content is edited field by field through paths ("persons.0.nationalities"); the API's checks name
 * fields by JSON path ("$.persons[0].nationalities"), and both spellings lead to the same input, so a
 * check can take the user to the very field it is about.
 */

export type Path = string;

export function splitPath(path: Path): string[] {
  return path
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((s) => s !== '');
}

export function getAt(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const key of splitPath(path)) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A copy of `obj` with `value` at `path`, creating objects or arrays on the way as the next key asks. */
export function setAt<T>(obj: T, path: Path, value: unknown): T {
  const keys = splitPath(path);
  const put = (cur: unknown, i: number): unknown => {
    const key = keys[i]!;
    const index = /^\d+$/.test(key) ? Number(key) : null;
    const base: Record<string, unknown> | unknown[] = Array.isArray(cur)
      ? [...cur]
      : cur && typeof cur === 'object'
        ? { ...(cur as Record<string, unknown>) }
        : index !== null
          ? []
          : {};
    const next = i === keys.length - 1 ? value : put((base as Record<string, unknown>)[key], i + 1);
    if (Array.isArray(base) && index !== null) base[index] = next;
    else if (next === undefined) delete (base as Record<string, unknown>)[key];
    else (base as Record<string, unknown>)[key] = next;
    return base;
  };
  return (keys.length === 0 ? value : put(obj, 0)) as T;
}

/** The DOM id of the input that edits `path` (stable, valid in CSS selectors). */
export function fieldId(path: Path): string {
  return 'fld-' + splitPath(path).join('-').replace(/[^A-Za-z0-9_-]/g, '_');
}

/** One spelling for a path, whichever way it came: "$.a[0].b" and "a.0.b" give "a.0.b". */
export function normalPath(path: Path): string {
  return splitPath(path).join('.');
}
