/**
 * The smallest JSON merge patch (RFC 7396) that turns `before` into `after`: what the autosave sends, so
 * a keystroke in the facts does not resend the whole draft. Arrays are replaced whole (as RFC 7396 says);
 * a key that disappeared becomes null ("back to the default" for the draft API).
 * Returns undefined when nothing changed.
 */
export function mergePatch(before: unknown, after: unknown): unknown {
  if (isObject(before) && isObject(after)) {
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(after)) {
      const p = mergePatch(before[key], after[key]);
      if (p !== undefined) patch[key] = p;
    }
    for (const key of Object.keys(before)) if (!(key in after)) patch[key] = null;
    return Object.keys(patch).length ? patch : undefined;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  // an object replacing a scalar must arrive whole, not as a patch of nothing
  return after === undefined ? null : after;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
