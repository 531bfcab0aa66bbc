/** The recommendations of a Conference document, in paragraph order, with a filter by addressee. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KnowledgeRecord, RecordChild } from '../../web/api/types.ts';
import type { ParsedDocument } from '../parsing/types.ts';
import { AddresseeBadges } from './Badges.tsx';
import { dirOf } from './names.ts';
import { paragraphLabel } from './RecordDetails.tsx';

function paraOrder(id: string): [number, string] {
  const m = id.match(/para_(\d+)(?:__subpara_([a-z]+))?/);
  return [m ? Number(m[1]) : 0, m?.[2] ?? ''];
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
