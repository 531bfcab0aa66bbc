import { createHash } from 'node:crypto';

/**
 * A question's content fingerprint: SHA-256 of the canonical JSON (keys sorted, no spaces) of its article,
 * paragraph, answer type and texts. The same question worded the same way hashes the same in every version of its
 * set, so the previous cycle's answer to it can be offered again; a changed wording (in any language) is a new
 * question for that purpose. Guidance is deliberately left out: better advice does not change what is asked.
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function questionContentHash(q: { article: number; paragraph: string | null; answerType: string; texts: Record<string, string> }): string {
  const doc = { article: q.article, paragraph: q.paragraph ?? null, answer_type: q.answerType, texts: q.texts };
  return createHash('sha256').update(canonical(doc), 'utf8').digest('hex');
}
