/**
 * `parseUnDocument`: the structure of a COP / working-group document from the plain text of its PDF, in any of
 * the six UN languages. Pure: no I/O, no database.
 *
 * Stages: `preprocess` (furniture, masthead, footnotes out of the flow) → `buildStructure` (front matter,
 * agenda list, chapters, sections, numbered paragraphs, sub-paragraphs, annotations, documentation lists,
 * annexes) → footnote markers → texts → metadata (title, dates, meeting, session, body) → recommendations.
 */
import { preprocess } from './clean.ts';
import { linkFootnotes, type Elem } from './footnotes.ts';
import { AGENDA_WORD } from './lexicon.ts';
import { subMarker } from './markers.ts';
import { documentType, readBody, readFrontMatter, readMeeting, readSession } from './metadata.ts';
import { extractRecommendations } from './recommendations.ts';
import { buildStructure } from './structure.ts';
import type { DocListB, ParaB, TextB } from './structure-blocks.ts';
import { findSymbols } from '../extraction/symbols.ts';
import { fold, joinLines, normalizeInline } from './text.ts';
import type {
  AgendaItem,
  Annex,
  Chapter,
  DocumentList,
  DocumentListItem,
  Footnote,
  FootnoteRef,
  ListItem,
  Paragraph,
  ParsedDocument,
  ParseOptions,
  Section,
  UnLang,
} from './types.ts';

function footnoteId(label: string): string {
  if (/^\d+$/.test(label)) return `fn_${label}`;
  if (/^\*+$/.test(label)) return label.length === 1 ? 'fn_star' : `fn_star${label.length}`;
  return `fn_${label.replace(/[^\p{L}\p{N}]+/gu, '') || 'x'}`;
}

const trimTitle = (s: string) => s.replace(/\s*\*+$/u, '').replace(/[\s:：;；。.,，؛،]+$/u, '').trim();

function agendaRef(raw: string): string | null {
  const m = /^(\d{1,2})(?:\s*(\(\s*[^\s()]{1,2}\s*\)|[a-zа-я]\)))?$/u.exec(raw.trim());
  if (!m) return null;
  if (!m[2]) return m[1]!;
  const inner = m[2].replace(/[()\s]/g, '');
  const sm = subMarker(`(${inner}) x`, /[\u0600-\u06FF]/u.test(inner) ? 'ar' : 'en');
  const letter = sm?.letters[sm.letters.length - 1] ?? inner;
  return `${m[1]!}(${letter})`;
}

function docItem(text: string, table: boolean): DocumentListItem {
  const syms = findSymbols(text);
  const symbols = [...new Set(syms.map((s) => s.symbol))];
  if (table && syms[0] && syms[0].index === 0) {
    let rest = text.slice(syms[0].length).trim();
    let agendaItem: string | null = null;
    const m = /^(\d{1,2}(?:\s*\(\s*[^\s()]{1,2}\s*\)|\s*[a-zа-я]\))?)(?=\s|$|[^\d\w./])/u.exec(rest);
    if (m) {
      agendaItem = agendaRef(m[1]!);
      if (agendaItem) rest = rest.slice(m[0].length).trim();
    }
    return { symbol: syms[0].symbol, symbols, title: rest.replace(/\t+/g, ' ').trim(), agendaItem };
  }
  let title = text;
  for (const s of [...syms].reverse()) {
    const before = title.slice(0, s.index);
    const after = title.slice(s.index + s.length);
    const open = /[（(]\s*(?:see\s+|voir\s+|véase\s+|см\.\s+|انظر\s+|见)?$/u.exec(before);
    const close = /^\s*[)）]/u.exec(after);
    if (open && close) title = before.slice(0, open.index) + after.slice(close[0].length);
    else title = before + after;
  }
  return { symbol: symbols[0] ?? null, symbols, title: title.replace(/\s{2,}/g, ' ').replace(/[\s,，;；.。]+$/u, '').trim(), agendaItem: null };
}

export function parseUnDocument(text: string, opts: ParseOptions = {}): ParsedDocument {
  const pre = preprocess(text, opts.lang);
  const lang: UnLang = pre.lang;
  const st = buildStructure(pre);
  const fm = readFrontMatter(st.front, pre);

  // --- Text elements in reading order, footnote markers out, then normalized texts.
  const elems: Elem[] = [];
  const elemOf = new Map<TextB, Elem>();
  const reg = (t: TextB, id: string) => {
    const e: Elem = { id, start: t.start, raw: joinLines(t.lines, lang) };
    elems.push(e);
    elemOf.set(t, e);
  };
  st.preamble.forEach((b, i) => reg(b, `preamble__block_${i + 1}`));
  for (const c of st.chapters) {
    reg(c.title, c.id);
    c.blocks.forEach((b, i) => reg(b, `${c.id}__block_${i + 1}`));
    for (const s of c.sections) {
      reg(s.title, s.id);
      s.blocks.forEach((b, i) => reg(b, `${s.id}__block_${i + 1}`));
    }
  }
  for (const s of st.looseSections) {
    reg(s.title, s.id);
    s.blocks.forEach((b, i) => reg(b, `${s.id}__block_${i + 1}`));
  }
  const subId = (p: ParaB, letter: string) => `${p.id}__subpara_${letter}`;
  for (const p of st.paragraphs) {
    reg(p.intro, p.id);
    for (const s of p.subs) reg(s, subId(p, s.letter));
    p.list.forEach((li) => {
      reg(li, `${p.id}__list_${li.number}`);
      for (const s of li.subs) reg(s, `${p.id}__list_${li.number}__${s.letter}`);
    });
  }
  for (const it of st.agendaItems) {
    reg(it.title, it.id);
    it.annotation.forEach((b, i) => reg(b, `${it.id}__block_${i + 1}`));
    for (const s of it.subs) {
      reg(s.title, s.id);
      s.annotation.forEach((b, i) => reg(b, `${s.id}__block_${i + 1}`));
    }
  }
  for (const dl of st.docLists) dl.rows.forEach((r, i) => reg(r, `${dl.id}__item_${i + 1}`));
  for (const a of st.annexes) {
    reg(a.title, a.id);
    a.blocks.forEach((b, i) => reg(b, `${a.id}__block_${i + 1}`));
  }
  elems.sort((a, b) => a.start - b.start);

  const hits = linkFootnotes(elems, pre.footnotes, lang);
  const refsByElem = new Map<string, FootnoteRef[]>();
  const footnotes: Footnote[] = pre.footnotes.map((f) => ({
    id: footnoteId(f.label),
    label: f.label,
    number: f.number,
    text: normalizeInline(f.text, lang),
    refs: [],
  }));
  hits.forEach((h) => {
    const fn = footnotes[pre.footnotes.indexOf(h.footnote)]!;
    const ref: FootnoteRef = { footnoteId: fn.id, elementId: h.elem.id, offset: normalizeInline(h.elem.raw.slice(0, h.offset), lang).length };
    fn.refs.push(ref);
    const list = refsByElem.get(h.elem.id) ?? [];
    list.push(ref);
    refsByElem.set(h.elem.id, list);
  });
  // "*" footnotes hang on the symbol (reissued documents) or on the title / agenda-item line.
  footnotes.forEach((fn) => {
    if (!/^\*+$/.test(fn.label)) return;
    const stars = fn.label.replace(/\*/g, '\\*');
    const onSymbol = pre.header.lines.some((l) => new RegExp(`\\d${stars}(?!\\*)`).test(l));
    const onFront = st.front.some((l) => new RegExp(`(?:^|[^*])${stars}$`).test(l.text.trim()));
    if (onSymbol) fn.refs.push({ footnoteId: fn.id, elementId: 'symbol', offset: 0 });
    else if (onFront) fn.refs.push({ footnoteId: fn.id, elementId: 'title', offset: 0 });
  });
  const warnings = [...st.warnings];
  for (const f of footnotes) if (f.number !== null && !f.refs.length) warnings.push(`marker of footnote ${f.label} not found`);

  const txt = (t: TextB): string => {
    const e = elemOf.get(t);
    return normalizeInline(e ? e.raw : joinLines(t.lines, lang), lang).replace(/\s*\*+$/u, '');
  };

  // --- Paragraphs.
  const paragraphs: Paragraph[] = st.paragraphs.map((p) => {
    const intro = txt(p.intro);
    const subparagraphs = p.subs.map((s) => ({ id: subId(p, s.letter), letter: s.letter, label: s.label, text: txt(s) }));
    const list: ListItem[] = p.list.map((li) => ({
      number: li.number,
      text: txt(li),
      subItems: li.subs.map((s) => ({ letter: s.letter, label: s.label, text: txt(s) })),
    }));
    const parts = [intro];
    for (const s of subparagraphs) parts.push(`${s.label} ${s.text}`);
    for (const li of list) {
      parts.push(`${li.number}. ${li.text}`);
      for (const s of li.subItems) parts.push(`${s.label} ${s.text}`);
    }
    const footnoteRefs = [...refsByElem.entries()].filter(([id]) => id === p.id || id.startsWith(`${p.id}__`)).flatMap(([, r]) => r);
    return {
      id: p.id,
      number: p.number,
      text: parts.filter(Boolean).join('\n'),
      intro,
      subparagraphs,
      list,
      chapterId: p.chapter?.id ?? null,
      sectionId: p.section?.id ?? null,
      annexId: p.annex?.id ?? null,
      agendaItem: p.agendaItem,
      footnoteRefs,
    };
  });

  const sectionOut = (s: (typeof st.looseSections)[number]): Section => ({
    id: s.id,
    letter: s.letter,
    label: s.label,
    title: trimTitle(txt(s.title)),
    paragraphIds: s.paragraphs.map((p) => p.id),
    blocks: s.blocks.map(txt),
  });
  const chapters: Chapter[] = st.chapters.map((c) => ({
    id: c.id,
    number: c.number,
    label: c.label,
    title: trimTitle(txt(c.title)),
    annexId: c.annex?.id ?? null,
    sections: c.sections.map(sectionOut),
    paragraphIds: c.paragraphs.map((p) => p.id),
    blocks: c.blocks.map(txt),
  }));
  const looseSections = st.looseSections.map(sectionOut);

  const listOut = (dl: DocListB): DocumentList => ({
    id: dl.id,
    source: dl.source,
    heading: dl.heading,
    agendaItem: dl.agendaItem,
    annexId: dl.annex?.id ?? null,
    paragraphId: null,
    items: dl.rows.map((r) => docItem(txt(r), r.table)),
  });
  const documentLists: DocumentList[] = st.docLists.map(listOut);

  // Lists of documents given as sub-paragraphs ("The Working Group had before it: (a) Note by … (CTOC/…)").
  for (const p of paragraphs) {
    if (p.subparagraphs.length < 1 || !p.subparagraphs.every((s) => findSymbols(s.text).length > 0)) continue;
    documentLists.push({
      id: `doclist_${documentLists.length + 1}`,
      source: 'paragraph',
      heading: null,
      agendaItem: p.agendaItem,
      annexId: p.annexId,
      paragraphId: p.id,
      items: p.subparagraphs.map((s) => docItem(s.text, false)),
    });
  }

  const annexes: Annex[] = st.annexes.map((a) => {
    const blocks = a.blocks.map(txt);
    const lists = documentLists.filter((d) => d.annexId === a.id && d.source === 'annex');
    const rows = lists.flatMap((d) => d.items.map((i) => [i.symbol, i.agendaItem, i.title].filter(Boolean).join(' ')));
    const paras = paragraphs.filter((p) => p.annexId === a.id).map((p) => `${p.number}. ${p.text}`);
    return {
      id: a.id,
      label: a.label,
      number: a.number,
      title: trimTitle(txt(a.title)),
      content: [...blocks, ...rows, ...paras].join('\n'),
      blocks: [...blocks, ...rows],
      paragraphIds: a.paragraphs.map((p) => p.id),
    };
  });

  let agendaItems: AgendaItem[] = st.agendaItems.map((it) => ({
    id: it.id,
    number: it.number,
    title: trimTitle(txt(it.title)),
    subItems: it.subs.map((s) => ({
      id: s.id,
      letter: s.letter,
      label: s.label,
      title: trimTitle(txt(s.title)),
      annotation: s.annotation.map(txt),
      paragraphIds: s.paragraphs.map((p) => p.id),
    })),
    annotation: it.annotation.map(txt),
    paragraphIds: [...new Set([...it.paragraphs, ...it.subs.flatMap((s) => s.paragraphs)].map((p) => p.id))],
    documents: it.docLists.flatMap((d) => documentLists.find((x) => x.id === d.id)?.items ?? []),
    source: 'provisional',
  }));
  if (!agendaItems.length) {
    const quoted = paragraphs.find((p) => p.list.length >= 2 && AGENDA_WORD.test(lang === 'zh' ? p.intro : fold(p.intro)));
    if (quoted)
      agendaItems = quoted.list.map((li) => ({
        id: `item_${li.number}`,
        number: li.number,
        title: trimTitle(li.text),
        subItems: li.subItems.map((s) => ({ id: `item_${li.number}__sub_${s.letter}`, letter: s.letter, label: s.label, title: trimTitle(s.text), annotation: [], paragraphIds: [] })),
        annotation: [],
        paragraphIds: [],
        documents: [],
        source: 'adopted',
      }));
  }

  // --- Metadata.
  const title = fm.title ? fm.title.replace(/\s*\*+$/u, '') : null;
  const yearHint = Number((pre.header.documentDate ?? title ?? '').match(/\d{4}/)?.[0]) || undefined;
  const earlyParas = paragraphs.filter((p) => !p.annexId).slice(0, 12).map((p) => p.text);
  const annotationTexts = agendaItems.flatMap((i) => [...i.annotation, ...i.subItems.flatMap((s) => s.annotation)]).slice(0, 12);
  const preambleTexts = st.preamble.map(txt);
  const meeting = readMeeting([fm.meetingLine ?? '', title ?? '', ...earlyParas.slice(0, 8), ...annotationTexts, ...preambleTexts], lang, yearHint);
  const body = readBody(pre.ownSymbols, [fm.bodyLine ?? '', title ?? '', fm.subtitle ?? '', ...earlyParas.slice(0, 4), ...annotationTexts.slice(0, 4)], lang);
  const prefer = body ? (body.key === 'conference' ? 'session' : 'meeting') : null;
  const session = readSession(
    [
      { text: title ?? '', weight: 5 },
      { text: fm.bodyLine ?? '', weight: 5 },
      { text: fm.meetingLine ?? '', weight: 5 },
      { text: fm.sessionLine ?? '', weight: 10 },
      ...earlyParas.map((t) => ({ text: t, weight: 1 })),
      ...annotationTexts.map((t) => ({ text: t, weight: 1 })),
    ],
    lang,
    prefer,
  );
  const type = documentType(title, fm.subtitle, st.isAgenda);

  // --- Symbols.
  const own = new Set(pre.ownSymbols);
  const cited: string[] = [];
  const seen = new Set<string>();
  const cite = (s: string) => {
    for (const f of findSymbols(s)) {
      if (own.has(f.symbol) || seen.has(f.symbol)) continue;
      seen.add(f.symbol);
      cited.push(f.symbol);
    }
  };
  cite(title ?? '');
  for (const e of elems) cite(e.raw);
  for (const f of footnotes) cite(f.text);

  const recommendations = extractRecommendations(paragraphs, chapters, looseSections, lang);

  return {
    lang,
    symbols: pre.ownSymbols,
    citedSymbols: cited,
    type,
    title,
    subtitle: fm.subtitle,
    date: pre.header.documentDate ?? meeting?.start ?? null,
    documentDate: pre.header.documentDate,
    distribution: pre.header.distribution,
    originalLanguage: pre.header.originalLanguage,
    meeting,
    session,
    body,
    agendaItemReference: fm.agendaItemReference,
    chapters,
    sections: looseSections,
    paragraphs,
    footnotes,
    annexes,
    documentLists,
    agendaItems,
    recommendations,
    preamble: [...fm.other, ...preambleTexts],
    warnings,
  };
}
