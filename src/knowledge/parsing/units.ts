/**
 * Plain-text records of a parsed document, each with a stable id: what the knowledge portal stores (one record
 * per paragraph, sub-paragraph, recommendation, footnote, agenda item, annotation, annex), linked to its
 * document and paragraph.
 */
import type { ParsedDocument, TextUnit } from './types.ts';

export function toTextUnits(doc: ParsedDocument): TextUnit[] {
  const out: TextUnit[] = [];
  const base = { paragraphId: null, chapterId: null, sectionId: null, annexId: null };
  if (doc.title) out.push({ id: 'title', kind: 'title', text: doc.title, ...base });
  for (const p of doc.paragraphs) {
    const loc = { chapterId: p.chapterId, sectionId: p.sectionId, annexId: p.annexId };
    out.push({ id: p.id, kind: 'paragraph', text: p.text, paragraphId: p.id, ...loc });
    for (const s of p.subparagraphs) out.push({ id: s.id, kind: 'subparagraph', text: `${s.label} ${s.text}`, paragraphId: p.id, ...loc });
  }
  for (const r of doc.recommendations) {
    const paraId = r.paragraph.split('__subpara_')[0]!;
    const p = doc.paragraphs.find((x) => x.id === paraId);
    out.push({
      id: r.id,
      kind: 'recommendation',
      text: r.text,
      paragraphId: r.paragraph,
      chapterId: r.chapterId,
      sectionId: r.sectionId,
      annexId: p?.annexId ?? null,
      addressees: r.addressees,
      ...(r.intro ? { context: r.intro } : {}),
    });
  }
  for (const it of doc.agendaItems) {
    out.push({ id: it.id, kind: 'agenda-item', text: `${it.number}. ${it.title}`, ...base });
    it.annotation.forEach((t, i) => out.push({ id: `${it.id}__block_${i + 1}`, kind: 'annotation', text: t, ...base }));
    for (const s of it.subItems) {
      out.push({ id: s.id, kind: 'agenda-item', text: `${it.number}${s.label} ${s.title}`, ...base });
      s.annotation.forEach((t, i) => out.push({ id: `${s.id}__block_${i + 1}`, kind: 'annotation', text: t, ...base }));
    }
  }
  for (const c of doc.chapters) {
    c.blocks.forEach((t, i) => out.push({ id: `${c.id}__block_${i + 1}`, kind: 'annotation', text: t, ...base, chapterId: c.id, annexId: c.annexId }));
    for (const s of c.sections)
      s.blocks.forEach((t, i) => out.push({ id: `${s.id}__block_${i + 1}`, kind: 'annotation', text: t, ...base, chapterId: c.id, sectionId: s.id, annexId: c.annexId }));
  }
  for (const f of doc.footnotes) {
    const el = f.refs[0]?.elementId ?? '';
    const paragraphId = /^(?:annex_\d+__)?para_\d+/.exec(el)?.[0] ?? null;
    out.push({ id: f.id, kind: 'footnote', text: f.text, ...base, paragraphId });
  }
  for (const a of doc.annexes) out.push({ id: a.id, kind: 'annex', text: [a.title, a.content].filter(Boolean).join('\n'), ...base, annexId: a.id });
  return out;
}
