/**
 * The no-ranking check of the review module (resolution 8/2: the mechanism "produces no ranking of any kind"): finds,
 * in any JSON answer or table, a field named like a ranking (rank, score, rating, position, league) and any list of
 * States ordered by a figure rather than by ISO3 code or by name. Used by the test that calls every GET route of the
 * module and its exports; kept apart so that its own test can show it catches a deliberately ranked list.
 */

export interface Finding {
  path: string;
  problem: string;
}

const RANKING_NAME = /rank|score|rating|position|league/i;
const ISO3 = /^[A-Z]{3}$/;
/** Keys that hold a State's code, directly or as an object with an iso3 (reviewed: {iso3, name}). */
const STATE_KEYS = ['iso3', 'state', 'stateIso3', 'state_iso3', 'reviewed', 'reviewedIso3', 'reviewed_iso3', 'reviewing', 'reviewingState', 'reviewing_state', 'country'];

function stateOf(o: Record<string, unknown>): { code: string; name: string | null } | null {
  for (const k of STATE_KEYS) {
    const v = o[k];
    if (typeof v === 'string' && ISO3.test(v)) return { code: v, name: typeof o.name === 'string' ? o.name : null };
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = v as Record<string, unknown>;
      if (typeof inner.iso3 === 'string' && ISO3.test(inner.iso3)) return { code: inner.iso3, name: typeof inner.name === 'string' ? inner.name : null };
    }
  }
  return null;
}

const nonDecreasing = <T>(xs: T[], cmp: (a: T, b: T) => number) => xs.every((x, i) => i === 0 || cmp(xs[i - 1]!, x) <= 0);
const monotonic = (xs: number[]) => new Set(xs).size > 1 && (nonDecreasing(xs, (a, b) => a - b) || nonDecreasing(xs, (a, b) => b - a));

/**
 * A list of at least three entries that each carry a State: fine in ISO3 order or name order; a finding when it
 * is in neither and one of its numeric fields runs up or down along the list (which is what a ranking is).
 */
function checkList(list: unknown[], path: string, out: Finding[]) {
  const objects = list.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x));
  if (objects.length < 3 || objects.length !== list.length) return;
  const states = objects.map(stateOf);
  if (states.some((s) => s === null)) return;
  const codes = states.map((s) => s!.code);
  if (nonDecreasing(codes, (a, b) => a.localeCompare(b))) return;
  const names = states.map((s) => s!.name);
  if (names.every((n) => n !== null) && nonDecreasing(names as string[], (a, b) => a.localeCompare(b))) return;
  const numeric = Object.keys(objects[0]!).filter((k) => objects.every((o) => typeof o[k] === 'number'));
  for (const k of numeric) {
    if (monotonic(objects.map((o) => o[k] as number))) out.push({ path, problem: `a list of States ordered by the figure "${k}", not by ISO3 or name` });
  }
}

/** Every finding in a JSON value. */
export function findRankings(value: unknown, path = '$'): Finding[] {
  const out: Finding[] = [];
  const walk = (v: unknown, p: string) => {
    if (Array.isArray(v)) {
      checkList(v, p, out);
      v.forEach((x, i) => walk(x, `${p}[${i}]`));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (RANKING_NAME.test(k)) out.push({ path: `${p}.${k}`, problem: `a field named like a ranking ("${k}")` });
        walk(x, `${p}.${k}`);
      }
    }
  };
  walk(value, path);
  return out;
}

/** A CSV table (header row first) as objects, so that the same rules apply to the CSV downloads. */
export function csvObjects(text: string): Record<string, unknown>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const split = (l: string) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);
  const [header, ...rows] = lines.map(split);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] !== undefined && /^-?\d+(\.\d+)?$/.test(r[i]!) ? Number(r[i]) : r[i]])));
}

/** Words of a ranking in a document's text (the DOCX export). */
export function rankingWords(text: string): string[] {
  return [...new Set(text.match(/\b(rank(ing|ed)?|score[sd]?|rating|league table)\b/gi) ?? [])];
}
