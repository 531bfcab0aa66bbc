/** Percentiles and the printed tables. */

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99) };
}

const ms = (x: number) => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));
export const int = (x: number) => Math.round(x).toLocaleString('en-US');

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** One row per query class: p50/p95/p99 per engine, and each PostgreSQL engine's p95 over FTS5's. */
export function latencyTable(classes: string[], engines: Array<{ label: string; stats: Map<string, Percentiles> }>, peer: string | null): string {
  const head = ['class', 'n'];
  for (const e of engines) head.push(`${e.label} p50`, 'p95', 'p99');
  const pgs = engines.filter((e) => e.label !== peer);
  const fts = engines.find((e) => e.label === peer);
  if (fts) for (const e of pgs) head.push(`${e.label}/${fts.label} p95`);
  const rows = classes.map((c) => {
    const row = [c, String(engines[0]?.stats.get(c)?.n ?? 0)];
    for (const e of engines) {
      const p = e.stats.get(c);
      row.push(ms(p?.p50 ?? NaN), ms(p?.p95 ?? NaN), ms(p?.p99 ?? NaN));
    }
    if (fts) for (const e of pgs) row.push(`${((e.stats.get(c)?.p95 ?? NaN) / (fts.stats.get(c)?.p95 ?? NaN)).toFixed(2)}×`);
    return row;
  });
  return table(head, rows);
}
