/** An answer's value as one readable line, whatever its type (yes/no/partly, legislation, cases, statistics, TA needs, text). */
export function answerText(value: unknown): string {
  const v = (value ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof v.choice === 'string') parts.push(v.choice);
  for (const k of ['explanation', 'text'] as const) if (typeof v[k] === 'string' && v[k]) parts.push(v[k] as string);
  if (Array.isArray(v.citations)) parts.push(...(v.citations as string[]));
  if (Array.isArray(v.items)) for (const i of v.items as Array<Record<string, unknown>>) parts.push([i.title, i.summary, i.category, i.description].filter(Boolean).join(': '));
  if (Array.isArray(v.rows)) for (const r of v.rows as Array<Record<string, unknown>>) parts.push(`${String(r.label)}: ${String(r.value)} (${String(r.period)})`);
  return parts.join(' — ');
}
