/**
 * A Conference document page's body: the parsed document laid out (about, contents, text, agenda, documentation,
 * annexes, footnotes); its parts are drawn by the Document* files beside it, its recommendations by Recommendations.
 */
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeRecord } from '../../web/api/types.ts';
import { useLang } from '../../web/i18n.ts';
import type { Footnote, ParsedDocument } from '../parsing/types.ts';
import { DocumentInfo } from './DocumentInfo.tsx';
import { Blocks, Paras, type Ctx } from './DocumentParagraphs.tsx';
import { AnnexView, ChapterView, chapterParagraphs, DocList, SectionView } from './DocumentStructure.tsx';
import { DocumentToc, type TocEntry } from './DocumentToc.tsx';
import { dirOf } from './names.ts';

/** The body of a Conference document as the parser left it; checked loosely, since it is stored JSON. */
export function parsedBody(r: KnowledgeRecord): ParsedDocument | null {
  const b = r.body as Partial<ParsedDocument>;
  return Array.isArray(b.paragraphs) && Array.isArray(b.chapters) ? (b as ParsedDocument) : null;
}

/**
 * A Conference document: title block (symbols, meeting, issuing body, session), table of contents, chapters,
 * sections and paragraphs with their anchors (#para_12, #para_12__subpara_a), agenda, annexes, documentation lists,
 * footnotes, and its recommendations. `after` are the page's own sections listed in the contents too.
 */
export function DocumentView({ record, doc, after }: { record: KnowledgeRecord; doc: ParsedDocument; after: TocEntry[] }) {
  const { t } = useTranslation();
  const uiLang = useLang();

  const ctx = useMemo<Ctx>(() => {
    const refs: Ctx['refs'] = new Map();
    doc.footnotes.forEach((fn: Footnote) =>
      fn.refs.forEach((r, n) => refs.set(r.elementId, [...(refs.get(r.elementId) ?? []), { ...r, label: fn.label, n }])),
    );
    return {
      refs,
      recs: new Map(record.children.filter((c) => c.paragraph).map((c) => [c.paragraph!, c])),
      paragraphs: new Map(doc.paragraphs.map((p) => [p.id, p])),
      subparagraphs: new Set(doc.paragraphs.flatMap((p) => p.subparagraphs.map((x) => x.id))),
      uiLang,
    };
  }, [doc, record.children, uiLang]);

  const mainChapters = doc.chapters.filter((c) => !c.annexId);
  // where each paragraph goes: its chapter or section, else its agenda item, else after the structure
  const structural = new Set([...mainChapters.flatMap(chapterParagraphs), ...doc.sections.flatMap((s) => s.paragraphIds)]);
  const inAgenda = new Set(
    doc.agendaItems.flatMap((i) => [...i.paragraphIds, ...i.subItems.flatMap((s) => s.paragraphIds)]).filter((id) => !structural.has(id)),
  );
  const leftovers = doc.paragraphs.filter((p) => !p.annexId && !structural.has(p.id) && !inAgenda.has(p.id)).map((p) => p.id);
  const agendaParas = (ids: string[]) => ids.filter((id) => inAgenda.has(id));
  const hasText = !!doc.subtitle || doc.preamble.length > 0 || mainChapters.length > 0 || doc.sections.length > 0 || leftovers.length > 0;
  const docLang = doc.lang ?? record.lang;
  const otherLists = doc.documentLists.filter((l) => !l.annexId);

  const toc: TocEntry[] = [
    ...(hasText ? [{ id: 'doc-text', label: t('knowledge.doc.text') }] : []),
    ...mainChapters.map((c) => ({ id: c.id, label: `${c.label} ${c.title}`, children: c.sections.map((s) => ({ id: s.id, label: `${s.label} ${s.title}` })) })),
    ...doc.sections.map((s) => ({ id: s.id, label: `${s.label} ${s.title}` })),
    ...(doc.agendaItems.length ? [{ id: 'doc-agenda', label: t(doc.agendaItems[0]?.source === 'adopted' ? 'knowledge.doc.agendaAdopted' : 'knowledge.doc.agenda') }] : []),
    ...(otherLists.length ? [{ id: 'doc-documentation', label: t('knowledge.doc.documentation') }] : []),
    ...doc.annexes.map((a) => ({ id: a.id, label: `${a.label} ${a.title}` })),
    ...(doc.footnotes.length ? [{ id: 'doc-footnotes', label: t('knowledge.doc.footnotes') }] : []),
    ...after,
  ];

  return (
    <>
      <DocumentInfo record={record} doc={doc} docLang={docLang} />

      {toc.length > 1 && <DocumentToc entries={toc} />}

      {hasText && (
      <section aria-labelledby="doc-text" className="doc-text" data-testid="document-text">
        <h2 id="doc-text">{t('knowledge.doc.text')}</h2>
        <div lang={docLang} dir={dirOf(docLang)}>
          {doc.subtitle && <p className="doc-subtitle">{doc.subtitle}</p>}
          <Blocks blocks={doc.preamble} />
          {structural.size === 0 && <Paras ids={leftovers} ctx={ctx} />}
          {mainChapters.map((c) => (
            <ChapterView key={c.id} c={c} ctx={ctx} level={3} />
          ))}
          {doc.sections.map((s) => (
            <SectionView key={s.id} s={s} ctx={ctx} level={3} />
          ))}
          {/* paragraphs the structure did not place (kept, in their order) */}
          {structural.size > 0 && <Paras ids={leftovers} ctx={ctx} />}
        </div>
      </section>
      )}

      {doc.agendaItems.length > 0 && (
        <section aria-labelledby="doc-agenda" data-testid="agenda">
          <h2 id="doc-agenda">{t(doc.agendaItems[0]?.source === 'adopted' ? 'knowledge.doc.agendaAdopted' : 'knowledge.doc.agenda')}</h2>
          <ol className="agenda" lang={docLang} dir={dirOf(docLang)}>
            {doc.agendaItems.map((item) => (
              <li key={item.id} id={item.id} data-testid="agenda-item">
                <p className="agenda-title">
                  <span className="doc-label">{item.number}.</span> {item.title}
                </p>
                {item.subItems.length > 0 && (
                  <ol className="subparas">
                    {item.subItems.map((s) => (
                      <li key={s.id} id={s.id}>
                        <span className="subpara-label">{s.label}</span> {s.title}
                        {s.annotation.length > 0 && (
                          <div className="annotation">
                            <Blocks blocks={s.annotation} />
                          </div>
                        )}
                        <Paras ids={agendaParas(s.paragraphIds)} ctx={ctx} />
                      </li>
                    ))}
                  </ol>
                )}
                {item.annotation.length > 0 && (
                  <div className="annotation">
                    <Blocks blocks={item.annotation} />
                  </div>
                )}
                <Paras ids={agendaParas(item.paragraphIds)} ctx={ctx} />
              </li>
            ))}
          </ol>
        </section>
      )}

      {otherLists.length > 0 && (
        <section aria-labelledby="doc-documentation">
          <h2 id="doc-documentation">{t('knowledge.doc.documentation')}</h2>
          <div lang={docLang} dir={dirOf(docLang)}>
            {otherLists.map((l) => (
              <Fragment key={l.id}>
                {l.agendaItem && !l.heading && <h3>{t('knowledge.doc.forAgendaItem', { item: l.agendaItem })}</h3>}
                {l.agendaItem && l.heading && (
                  <h3>
                    {t('knowledge.doc.forAgendaItem', { item: l.agendaItem })}
                    {t('common.colon')}
                    <span lang={docLang}>{l.heading}</span>
                  </h3>
                )}
                <DocList list={{ ...l, heading: l.agendaItem ? null : l.heading }} headingLevel={3} />
              </Fragment>
            ))}
          </div>
        </section>
      )}

      {doc.annexes.length > 0 && (
        <section aria-labelledby="doc-annexes-title">
          <h2 id="doc-annexes-title">{t('knowledge.doc.annexes')}</h2>
          <div lang={docLang} dir={dirOf(docLang)}>
            {doc.annexes.map((a) => (
              <AnnexView key={a.id} a={a} doc={doc} ctx={ctx} />
            ))}
          </div>
        </section>
      )}

      {doc.footnotes.length > 0 && (
        <section aria-labelledby="doc-footnotes" data-testid="footnotes">
          <h2 id="doc-footnotes">{t('knowledge.doc.footnotes')}</h2>
          <ol className="footnotes" lang={docLang} dir={dirOf(docLang)}>
            {doc.footnotes.map((fn) => (
              <li key={fn.id} id={fn.id}>
                <span className="fn-label">{fn.label}</span> {fn.text}{' '}
                {fn.refs.map((r, n) =>
                  ctx.paragraphs.has(r.elementId) || ctx.subparagraphs.has(r.elementId) ? (
                    <a key={n} href={`#fnref-${fn.id}-${n}`} className="fn-back" aria-label={t('knowledge.doc.backToText')} lang={uiLang}>
                      ↩
                    </a>
                  ) : null,
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
