import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KnowledgeRecord, RecordChild } from '../../web/api.ts';
import { useFormat, useLanguageName } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import type { Annex, Chapter, DocumentList, Footnote, FootnoteRef, Paragraph, ParsedDocument, Section } from '../parsing/types.ts';
import { AddresseeBadges } from './Badges.tsx';
import { dirOf } from './names.ts';
import { paragraphLabel } from './RecordDetails.tsx';
import { searchHref } from './searchUrl.ts';

/** The body of a Conference document as the parser left it; checked loosely, since it is stored JSON. */
export function parsedBody(r: KnowledgeRecord): ParsedDocument | null {
  const b = r.body as Partial<ParsedDocument>;
  return Array.isArray(b.paragraphs) && Array.isArray(b.chapters) ? (b as ParsedDocument) : null;
}

interface Ctx {
  /** Footnote references by the element they are in. */
  refs: Map<string, (FootnoteRef & { label: string; n: number })[]>;
  /** Recommendations (children) by paragraph or sub-paragraph id. */
  recs: Map<string, RecordChild>;
  paragraphs: Map<string, Paragraph>;
  /** Sub-paragraph ids (footnote markers in them are shown). */
  subparagraphs: Set<string>;
  uiLang: string;
}

function chapterParagraphs(c: Chapter): string[] {
  return [...c.paragraphIds, ...c.sections.flatMap((s) => s.paragraphIds)];
}

function paraOrder(id: string): [number, string] {
  const m = id.match(/para_(\d+)(?:__subpara_([a-z]+))?/);
  return [m ? Number(m[1]) : 0, m?.[2] ?? ''];
}

/** Text with its footnote markers put back (as links to the footnotes) at the offsets the parser noted. */
function WithFootnotes({ text, elementId, ctx }: { text: string; elementId: string; ctx: Ctx }) {
  const refs = ctx.refs.get(elementId);
  if (!refs?.length) return <>{text}</>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const r of [...refs].sort((a, b) => a.offset - b.offset)) {
    const at = Math.min(Math.max(r.offset, last), text.length);
    parts.push(text.slice(last, at));
    parts.push(
      <sup key={`${r.footnoteId}-${r.n}`} className="fnref">
        <a id={`fnref-${r.footnoteId}-${r.n}`} href={`#${r.footnoteId}`}>
          {r.label}
        </a>
      </sup>,
    );
    last = at;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function RecMarker({ rec, uiLang }: { rec: RecordChild | undefined; uiLang: string }) {
  const { t } = useTranslation();
  if (!rec) return null;
  return (
    <Link to={`/records/${rec.id}`} className="rec-marker" lang={uiLang} dir={dirOf(uiLang)} data-testid="rec-marker">
      {t('knowledge.rec.marker')}
    </Link>
  );
}

function Para({ p, ctx }: { p: Paragraph; ctx: Ctx }) {
  const { t } = useTranslation();
  return (
    <div className="doc-para" id={p.id} data-testid="doc-paragraph" data-number={p.number}>
      <a className="para-num" href={`#${p.id}`} aria-label={t('knowledge.doc.paragraphRef', { number: p.number })} lang={ctx.uiLang}>
        {p.number}.
      </a>
      <div className="para-body">
        {p.intro && (
          <p>
            <WithFootnotes text={p.intro} elementId={p.id} ctx={ctx} />
          </p>
        )}
        {p.subparagraphs.length > 0 && (
          <ol className="subparas">
            {p.subparagraphs.map((s) => (
              <li key={s.id} id={s.id} data-testid="doc-subparagraph">
                <span className="subpara-label">{s.label}</span> <WithFootnotes text={s.text} elementId={s.id} ctx={ctx} /> <RecMarker rec={ctx.recs.get(s.id)} uiLang={ctx.uiLang} />
              </li>
            ))}
          </ol>
        )}
        {p.list.length > 0 && (
          <ol className="para-list">
            {p.list.map((item, i) => (
              <li key={i}>
                <span className="subpara-label">{item.number}.</span> {item.text}
                {item.subItems.length > 0 && (
                  <ol className="subparas">
                    {item.subItems.map((s) => (
                      <li key={s.letter}>
                        <span className="subpara-label">{s.label}</span> {s.text}
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
        )}
        <RecMarker rec={ctx.recs.get(p.id)} uiLang={ctx.uiLang} />
      </div>
    </div>
  );
}

function Paras({ ids, ctx }: { ids: string[]; ctx: Ctx }) {
  return (
    <>
      {ids.map((id) => {
        const p = ctx.paragraphs.get(id);
        if (!p) return null;
        return <Para key={id} p={p} ctx={ctx} />;
      })}
    </>
  );
}

function Blocks({ blocks }: { blocks: string[] }) {
  return (
    <>
      {blocks.map((b, i) => (
        <p key={i} className="doc-block">
          {b}
        </p>
      ))}
    </>
  );
}

function SectionView({ s, ctx, level }: { s: Section; ctx: Ctx; level: 3 | 4 | 5 }) {
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

function ChapterView({ c, ctx, level }: { c: Chapter; ctx: Ctx; level: 3 | 4 }) {
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

function DocList({ list, headingLevel }: { list: DocumentList; headingLevel: 3 | 4 }) {
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

function AnnexView({ a, doc, ctx }: { a: Annex; doc: ParsedDocument; ctx: Ctx }) {
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

export interface TocEntry {
  id: string;
  label: string;
  children?: TocEntry[];
}

/**
 * A Conference document: title block (symbols, meeting, issuing body, session), table of contents, chapters,
 * sections and paragraphs with their anchors (#para_12, #para_12__subpara_a), agenda, annexes, documentation lists,
 * footnotes, and its recommendations. `after` are the page's own sections listed in the contents too.
 */
export function DocumentView({ record, doc, after }: { record: KnowledgeRecord; doc: ParsedDocument; after: TocEntry[] }) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const f = useFormat();
  const languageName = useLanguageName();

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
  const meeting = doc.meeting;
  const meetingDates =
    meeting?.start && meeting.end && meeting.end !== meeting.start
      ? formatRange(uiLang, meeting.start, meeting.end)
      : meeting?.start
        ? f.date(meeting.start)
        : null;
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
      <section aria-labelledby="doc-info-title" className="doc-info" data-testid="document-info">
        <h2 id="doc-info-title">{t('knowledge.doc.about')}</h2>
        <dl className="facts">
          {doc.symbols.length > 0 && (
            <>
              <dt>{t('knowledge.doc.symbols')}</dt>
              <dd>
                {doc.symbols.map((s, i) => (
                  <Fragment key={s}>
                    {i > 0 && ', '}
                    <code dir="ltr">{s}</code>
                  </Fragment>
                ))}
              </dd>
            </>
          )}
          {doc.body && (
            <>
              <dt>{t('knowledge.doc.body')}</dt>
              <dd data-testid="issuing-body">{t(`knowledge.bodies.${doc.body.key}`, { defaultValue: doc.body.name })}</dd>
            </>
          )}
          {doc.session && (
            <>
              <dt>{t(doc.session.kind === 'session' ? 'knowledge.doc.session' : 'knowledge.doc.meetingNumber')}</dt>
              <dd>
                {t(doc.session.kind === 'session' ? 'knowledge.doc.sessionNumber' : 'knowledge.doc.meetingOrdinal', { number: f.number(doc.session.number) })}{' '}
                <span className="muted small" lang={docLang}>
                  ({doc.session.text})
                </span>
              </dd>
            </>
          )}
          {meeting && (meetingDates || meeting.place) && (
            <>
              <dt>{t('knowledge.doc.meeting')}</dt>
              <dd data-testid="meeting">
                {meetingDates}
                {meetingDates && meeting.place && t('knowledge.listSeparator')}
                {meeting.place && <span lang={meeting.placeEn && uiLang === 'en' ? 'en' : docLang}>{uiLang === 'en' && meeting.placeEn ? meeting.placeEn : meeting.place}</span>}
              </dd>
            </>
          )}
          {doc.type && doc.type !== 'other' && (
            <>
              <dt>{t('knowledge.doc.kind')}</dt>
              <dd>{t(`knowledge.doc.kinds.${doc.type}`)}</dd>
            </>
          )}
          {doc.documentDate && (
            <>
              <dt>{t('knowledge.doc.documentDate')}</dt>
              <dd>{f.date(doc.documentDate)}</dd>
            </>
          )}
          {doc.distribution && (
            <>
              <dt>{t('knowledge.doc.distribution')}</dt>
              <dd>{t(`knowledge.doc.distributions.${doc.distribution}`)}</dd>
            </>
          )}
          {doc.originalLanguage && (
            <>
              <dt>{t('knowledge.doc.originalLanguage')}</dt>
              <dd>{languageName(doc.originalLanguage)}</dd>
            </>
          )}
          {doc.agendaItemReference && (
            <>
              <dt>{t('knowledge.doc.agendaItemReference')}</dt>
              <dd lang={docLang}>{doc.agendaItemReference}</dd>
            </>
          )}
          <dt>{t('knowledge.rec.title')}</dt>
          <dd>
            <a href="#recommendations">{t('knowledge.rec.count', { count: record.children.length })}</a>
          </dd>
        </dl>
      </section>

      {toc.length > 1 && (
        <nav className="toc" aria-labelledby="toc-title" data-testid="toc">
          <h2 id="toc-title">{t('knowledge.doc.contents')}</h2>
          <ol>
            {toc.map((e) => (
              <li key={e.id}>
                <a href={`#${e.id}`}>{e.label}</a>
                {e.children && e.children.length > 0 && (
                  <ol>
                    {e.children.map((c) => (
                      <li key={c.id}>
                        <a href={`#${c.id}`}>{c.label}</a>
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}

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

function formatRange(lang: string, start: string, end: string): string {
  const fmt = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end}T00:00:00Z`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${start} – ${end}`;
  return fmt.formatRange(a, b);
}

/** The document's recommendations, each with its addressees, its text, its record and its paragraph. */
export function Recommendations({ record, doc }: { record: KnowledgeRecord; doc: ParsedDocument | null }) {
  const { t } = useTranslation();
  const [addressee, setAddressee] = useState('');
  const docLang = doc?.lang ?? record.lang;
  const paragraphs = useMemo(() => new Map((doc?.paragraphs ?? []).map((p) => [p.id, p])), [doc]);
  const children = [...record.children].sort((a, b) => {
    const [na, la] = paraOrder(a.paragraph ?? '');
    const [nb, lb] = paraOrder(b.paragraph ?? '');
    return na - nb || la.localeCompare(lb);
  });
  const addresseesOf = (c: RecordChild) => (Array.isArray(c.details.addressees) ? (c.details.addressees as string[]) : []);
  const all = [...new Set(children.flatMap(addresseesOf))];
  const shown = addressee ? children.filter((c) => addresseesOf(c).includes(addressee)) : children;

  const textOf = (c: RecordChild): { intro: string | null; text: string } => {
    const id = c.paragraph ?? '';
    const [paraId, sub] = id.split('__subpara_');
    const p = paragraphs.get(paraId ?? '');
    if (p && sub) {
      const s = p.subparagraphs.find((x) => x.id === id);
      if (s) return { intro: p.intro, text: `${s.label} ${s.text}` };
    }
    if (p) return { intro: null, text: p.text };
    const title = c.title.includes(': ') ? c.title.slice(c.title.indexOf(': ') + 2) : c.title;
    return { intro: null, text: title };
  };

  return (
    <section aria-labelledby="recommendations-title" id="recommendations" data-testid="recommendations">
      <h2 id="recommendations-title">
        {t('knowledge.rec.title')} <span className="muted">({t('knowledge.rec.count', { count: record.children.length })})</span>
      </h2>
      {children.length === 0 ? (
        <p className="muted">{t('knowledge.rec.none')}</p>
      ) : (
        <>
          {all.length > 1 && (
            <div className="field field-inline">
              <label htmlFor="rec-addressee">{t('knowledge.rec.filter')}</label>
              <select id="rec-addressee" value={addressee} onChange={(e) => setAddressee(e.target.value)}>
                <option value="">{t('knowledge.rec.allAddressees')}</option>
                {all.map((a) => (
                  <option key={a} value={a}>
                    {t(`knowledge.addressees.${a}`, { defaultValue: a })}
                  </option>
                ))}
              </select>
            </div>
          )}
          <p className="small muted" role="status" aria-live="polite">
            {addressee ? t('knowledge.rec.shown', { count: shown.length }) : ''}
          </p>
          <ol className="recs">
            {shown.map((c) => {
              const { intro, text } = textOf(c);
              return (
                <li key={c.id} className="rec" data-testid="recommendation" data-id={c.id} data-paragraph={c.paragraph ?? ''}>
                  <p className="rec-head">
                    {c.paragraph ? (
                      <a href={`#${c.paragraph}`} data-testid="rec-paragraph-link">
                        {paragraphLabel(t, c.paragraph)}
                      </a>
                    ) : null}
                    <AddresseeBadges addressees={addresseesOf(c)} />
                  </p>
                  <div lang={docLang} dir={dirOf(docLang)} className="rec-text">
                    {intro && <p className="muted small">{intro}</p>}
                    <p>{text}</p>
                  </div>
                  <p className="small">
                    <Link to={`/records/${c.id}`} data-testid="rec-record-link">
                      {t('knowledge.rec.open')}
                    </Link>
                  </p>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
