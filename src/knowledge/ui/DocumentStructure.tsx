/**
 * The structure around a Conference document's paragraphs: chapters, sections, annexes, and the lists of
 * documents (symbols linked to a search for them).
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Annex, Chapter, DocumentList, ParsedDocument, Section } from '../parsing/types.ts';
import { Blocks, Paras, type Ctx } from './DocumentParagraphs.tsx';
import { searchHref } from './searchUrl.ts';

/** The paragraphs of a chapter, its sections' included. */
export function chapterParagraphs(c: Chapter): string[] {
  return [...c.paragraphIds, ...c.sections.flatMap((s) => s.paragraphIds)];
}

export function SectionView({ s, ctx, level }: { s: Section; ctx: Ctx; level: 3 | 4 | 5 }) {
  const H = `h${level}` as 'h4';
  return (
    <section aria-labelledby={s.id} className="doc-section">
      <H id={s.id}>
        <span className="doc-label">{s.label}</span> {s.title}
      </H>
      <Blocks blocks={s.blocks} />
      <Paras ids={s.paragraphIds} ctx={ctx} />
    </section>
  );
}

export function ChapterView({ c, ctx, level }: { c: Chapter; ctx: Ctx; level: 3 | 4 }) {
  const H = `h${level}` as 'h3';
  return (
    <section aria-labelledby={c.id} className="doc-chapter">
      <H id={c.id}>
        <span className="doc-label">{c.label}</span> {c.title}
      </H>
      <Blocks blocks={c.blocks} />
      <Paras ids={c.paragraphIds} ctx={ctx} />
      {c.sections.map((s) => (
        <SectionView key={s.id} s={s} ctx={ctx} level={(level + 1) as 4 | 5} />
      ))}
    </section>
  );
}

export function DocList({ list, headingLevel }: { list: DocumentList; headingLevel: 3 | 4 }) {
  const { t } = useTranslation();
  const H = `h${headingLevel}` as 'h3';
  return (
    <div className="doc-list" id={list.id} data-testid="document-list">
      {list.heading && <H>{list.heading}</H>}
      <div className="table-scroll" role="region" aria-label={list.heading ?? t('knowledge.doc.documentation')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.doc.symbol')}</th>
              <th scope="col">{t('knowledge.doc.docTitle')}</th>
              {list.items.some((i) => i.agendaItem) && <th scope="col">{t('knowledge.doc.agendaItem')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.items.map((item, i) => (
              <tr key={i}>
                <th scope="row" className="nowrap">
                  {item.symbols.length ? (
                    item.symbols.map((s, k) => (
                      <Fragment key={s}>
                        {k > 0 && <br />}
                        <Link to={searchHref({ q: `"${s}"` })} dir="ltr">
                          <code>{s}</code>
                        </Link>
                      </Fragment>
                    ))
                  ) : (
                    <span className="muted">—</span>
                  )}
                </th>
                <td>{item.title}</td>
                {list.items.some((x) => x.agendaItem) && <td className="nowrap">{item.agendaItem ?? ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function AnnexView({ a, doc, ctx }: { a: Annex; doc: ParsedDocument; ctx: Ctx }) {
  const chapters = doc.chapters.filter((c) => c.annexId === a.id);
  const lists = doc.documentLists.filter((l) => l.annexId === a.id);
  const hasParas = a.paragraphIds.length > 0 || chapters.length > 0;
  return (
    <section aria-labelledby={a.id} className="doc-annex">
      <h3 id={a.id}>
        <span className="doc-label">{a.label}</span> {a.title}
      </h3>
      {chapters.map((c) => (
        <ChapterView key={c.id} c={c} ctx={ctx} level={4} />
      ))}
      <Paras ids={a.paragraphIds.filter((id) => !chapters.some((c) => chapterParagraphs(c).includes(id)))} ctx={ctx} />
      {lists.map((l) => (
        <DocList key={l.id} list={l} headingLevel={4} />
      ))}
      {!hasParas && lists.length === 0 && <Blocks blocks={a.blocks} />}
    </section>
  );
}
