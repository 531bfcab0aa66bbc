/**
 * The paragraphs of a Conference document as the reader sees them: numbered and anchored (#para_12,
 * #para_12__subpara_a), with their footnote markers put back and a marker on those that are recommendations.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecordChild } from '../../web/api/types.ts';
import type { FootnoteRef, Paragraph } from '../parsing/types.ts';
import { dirOf } from './names.ts';

/** What the parts of a document need to show their paragraphs; built once per document by DocumentView. */
export interface Ctx {
  /** Footnote references by the element they are in. */
  refs: Map<string, (FootnoteRef & { label: string; n: number })[]>;
  /** Recommendations (children) by paragraph or sub-paragraph id. */
  recs: Map<string, RecordChild>;
  paragraphs: Map<string, Paragraph>;
  /** Sub-paragraph ids (footnote markers in them are shown). */
  subparagraphs: Set<string>;
  uiLang: string;
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

export function Paras({ ids, ctx }: { ids: string[]; ctx: Ctx }) {
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

export function Blocks({ blocks }: { blocks: string[] }) {
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
