/**
 * STUB (contract) — owner: helper draw. Canonical JSON (RFC 8785 style: sorted keys, no spaces) and its SHA-256, so
 * that a draw's inputs and result hash the same everywhere (docs/DRAW.md).
 */
export function canonicalJson(_value: unknown): string {
  throw new Error('canonicalJson: not built yet');
}
export function sha256Hex(_text: string): string {
  throw new Error('sha256Hex: not built yet');
}
