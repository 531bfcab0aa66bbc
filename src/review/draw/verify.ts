import type { GroupDrawInputs, RedrawRequest, ReviewerDrawInputs } from './draw.types.ts';
import { canonicalJson, sha256Hex } from './canonical.ts';
import { drawGroups } from './groups.ts';
import { drawReviewers } from './reviewers.ts';

/** What a published draw carries (draws.service DrawPackage has these fields and more). */
export interface VerifiablePackage {
  kind: 'reviewers' | 'groups';
  algorithm?: string;
  seed: string;
  inputs: unknown;
  inputsSha256?: string;
  redraws?: RedrawRequest[];
  result: unknown;
  resultSha256?: string;
}

/**
 * Recomputes a published draw from its inputs, seed and redraws and compares it with the result it claims, in
 * canonical JSON; checks the published hashes too. Returns the differences (empty: the draw is what the rules give).
 */
export function verifyPackage(pkg: VerifiablePackage): string[] {
  const problems: string[] = [];
  if (pkg.inputsSha256 !== undefined && pkg.inputsSha256 !== sha256Hex(canonicalJson(pkg.inputs))) problems.push('inputsSha256 does not match the inputs');
  if (pkg.resultSha256 !== undefined && pkg.resultSha256 !== sha256Hex(canonicalJson(pkg.result))) problems.push('resultSha256 does not match the result');
  const inputsAlgorithm = (pkg.inputs as { algorithm?: string } | null)?.algorithm;
  if (pkg.algorithm !== undefined && inputsAlgorithm !== pkg.algorithm) problems.push(`the package says algorithm ${pkg.algorithm}, its inputs ${inputsAlgorithm}`);
  let mine: unknown;
  try {
    if (pkg.kind === 'reviewers') mine = drawReviewers(pkg.inputs as ReviewerDrawInputs, pkg.seed, pkg.redraws ?? []);
    else if (pkg.kind === 'groups') mine = drawGroups(pkg.inputs as GroupDrawInputs, pkg.seed);
    else throw new Error(`unknown kind ${String(pkg.kind)}`);
  } catch (err) {
    return [...problems, `cannot recompute: ${(err as Error).message}`];
  }
  if (canonicalJson(mine) !== canonicalJson(pkg.result)) problems.push(...differences(pkg.result, mine, '$'));
  return problems;
}

/** Where two JSON values differ, as paths (the first 20). */
function differences(a: unknown, b: unknown, path: string, out: string[] = []): string[] {
  if (out.length >= 20 || canonicalJson(a ?? null) === canonicalJson(b ?? null)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = Array.isArray(a) ? [...Array(Math.max(a.length, (b as unknown[]).length)).keys()].map(String) : [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
    for (const k of keys) differences(ra[k], rb[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`, out);
    return out;
  }
  out.push(`${path}: published ${canonicalJson(a ?? null)}, recomputed ${canonicalJson(b ?? null)}`);
  return out;
}
