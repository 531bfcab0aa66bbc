import { ValidationError } from '../platform/http/errors.ts';

/** Deeper than any draft content (about six levels): a patch nested beyond it is refused, not recursed into. */
export const MAX_PATCH_DEPTH = 32;

/**
 * JSON Merge Patch (RFC 7396): objects merge key by key, anything else (arrays included) replaces, and
 * null removes the key — which, once the content schema re-applies its defaults, resets the field.
 * Autosave sends only what changed; the version number guards against overwriting someone else's save.
 * The recursion is bounded (the HTTP input guard bounds depth too, but this is also called from elsewhere).
 */
export function mergePatch(target: unknown, patch: unknown, depth = 0): unknown {
  if (!isPlainObject(patch)) return patch;
  if (depth >= MAX_PATCH_DEPTH) {
    throw new ValidationError(`The patch is nested more than ${MAX_PATCH_DEPTH} levels deep`, [{ path: 'body.content', message: `is nested more than ${MAX_PATCH_DEPTH} levels deep` }]);
  }
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v, depth + 1);
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
