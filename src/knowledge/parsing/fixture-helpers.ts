import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ParsedDocument } from './types.ts';

/**
 * What the parser's fixture tests share: the synthetic documents in fixtures/ (six languages, laid out as UN
 * reports and agendas come out of PDF text extraction: masthead with symbol and "Distr.", job number and barcode,
 * page headers and footers with page numbers, form feeds, hyphenation, footnotes at the foot of pages, annexes
 * with tables of documents), and the check that none of that page furniture reaches the parsed text.
 */
export const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
export const rec = (doc: ParsedDocument, id: string) => doc.recommendations.find((r) => r.id === id)!;
export const noFurniture = (doc: ParsedDocument) => {
  const all = [
    ...doc.paragraphs.map((p) => p.text),
    ...doc.annexes.map((a) => a.content),
    ...doc.agendaItems.flatMap((i) => [i.title, ...i.annotation]),
    ...doc.footnotes.map((f) => f.text),
  ].join('\n');
  expect(all).not.toMatch(/V\.\d{2}-\d{5}|\*\d{7}\*|Distr\.|Original ?:/);
  // Page numbers ("2/6") at the end of a page never end up glued to the text.
  for (const line of all.split('\n')) expect(line).not.toMatch(/\s\d{1,2}\/\d{1,2}$/);
  for (const s of doc.symbols) expect(all.split('\n').some((l) => l.trim() === s)).toBe(false);
};
