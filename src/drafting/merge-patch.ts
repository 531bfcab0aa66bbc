/**
 * JSON Merge Patch (RFC 7396): objects merge key by key, anything else (arrays included) replaces, and
 * null removes the key — which, once the content schema re-applies its defaults, resets the field.
 * Autosave sends only what changed; the version number guards against overwriting someone else's save.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
