/** Snippets are built from text, escaped here, and only our own <mark> tags are added. */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** ts_headline output with control-character markers → safe HTML. */
export function markersToHtml(text: string): string {
  return escapeHtml(text.replace(/\s+/g, ' ').trim()).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/** For Chinese (no ts_headline over bigrams): a window around the first match, every match marked. */
export function snippetAround(text: string, terms: string[], width = 80): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const found = terms.filter(Boolean);
  let first = -1;
  for (const t of found) {
    const i = clean.indexOf(t);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = Math.max(0, first < 0 ? 0 : first - width / 2);
  const window = clean.slice(start, start + width * 2);
  if (found.length === 0) return escapeHtml(window);
  const pattern = new RegExp(found.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|'), 'g');
  let out = '';
  let last = 0;
  for (const m of window.matchAll(pattern)) {
    out += `${escapeHtml(window.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return `${start > 0 ? '…' : ''}${out}${escapeHtml(window.slice(last))}${start + width * 2 < clean.length ? '…' : ''}`;
}
